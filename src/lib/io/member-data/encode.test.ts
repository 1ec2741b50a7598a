import { describe, expect, it } from 'vitest';
import { encodeMemberData, MEMBER_DATA_FORMAT, memberDataFileName } from './encode';

const AT = Date.UTC(2026, 2, 11, 2, 30);
const decode = (bytes: Uint8Array) =>
	JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));

const member = { id: 'm1', name: '张敏 "Min"\n', role: 'manager', _chg: 41 };
const review = {
	id: 'review:m1:quarter:2026-01-01',
	memberId: 'm1',
	strengths: '客户回访及时',
	_chg: 7
};

describe('a member’s own data file', () => {
	it('is UTF-8 JSON that says what it is, when, whose, then their records by table', () => {
		const bytes = encodeMemberData(
			{
				member,
				tables: [
					{ table: 'goals', records: [] },
					{ table: 'reviews', records: [review] }
				]
			},
			AT
		);
		// No byte-order mark: JSON is UTF-8 by definition.
		expect([...bytes.slice(0, 1)]).toEqual([0x7b]);
		const file = decode(bytes);
		expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'member', 'records']);
		expect(file.format).toBe(MEMBER_DATA_FORMAT);
		expect(file.version).toBe(1);
		expect(file.exportedAt).toBe('2026-03-11T02:30:00.000Z');
		expect(file.member).toEqual({ id: 'm1', name: '张敏 "Min"\n', role: 'manager' });
		expect(Object.keys(file.records)).toEqual(['goals', 'reviews']);
		expect(file.records.reviews).toEqual([
			{ id: 'review:m1:quarter:2026-01-01', memberId: 'm1', strengths: '客户回访及时' }
		]);
	});

	it('never carries the device’s change number, and leaves its input as it was', () => {
		const text = new TextDecoder().decode(
			encodeMemberData({ member, tables: [{ table: 'reviews', records: [review] }] }, AT)
		);
		expect(text).not.toContain('_chg');
		expect(member._chg).toBe(41);
		expect(review._chg).toBe(7);
	});

	it('refuses a time that is not one, and a value that is not plain data', () => {
		expect(() => encodeMemberData({ member, tables: [] }, Number.NaN)).toThrow(RangeError);
		expect(() => encodeMemberData({ member, tables: [] }, Number.POSITIVE_INFINITY)).toThrow(
			RangeError
		);
		const loop: Record<string, unknown> = { id: 'x' };
		loop.self = loop;
		expect(() =>
			encodeMemberData({ member, tables: [{ table: 'goals', records: [loop] }] }, AT)
		).toThrow(TypeError);
	});

	it('is named by the day it was made', () => {
		expect(memberDataFileName(AT)).toBe('rapport-my-data-2026-03-11.json');
	});
});

import { describe, expect, it } from 'vitest';
import { CHANGE_FIELD, withoutChangeNumber } from './change-number';
import { mergeRecord, type SyncRecord } from './merge';

const hlc = (wall: number, device: string) => `${String(wall).padStart(15, '0')}:0000:${device}`;
const stamp = (wall: number, device: string) => ({ hlc: hlc(wall, device), by: `m-${device}` });

const stored = (tier: string, chg: number): SyncRecord =>
	({
		id: 'c1',
		name: '张三',
		tier,
		[CHANGE_FIELD]: chg,
		_meta: { created: stamp(100, 'A'), updated: hlc(100, 'A') }
	}) as SyncRecord;

describe('the merge and the local change number', () => {
	it('neither compares nor keeps it', () => {
		const local = stored('A', 17);
		const { [CHANGE_FIELD]: _n, ...same } = local as SyncRecord & Record<string, unknown>;
		const res = mergeRecord(local, same as SyncRecord, { table: 'customers' });
		expect(res.changed).toBe(false);
		expect(res.changedFields).toEqual([]);
		expect(res.record).not.toHaveProperty(CHANGE_FIELD);
		// Two devices' copies of one record carry different numbers: still the same record.
		const other = mergeRecord(local, stored('A', 3), { table: 'customers' });
		expect(other.changed).toBe(false);
		expect(other.conflicts).toEqual([]);
		expect(other.record).not.toHaveProperty(CHANGE_FIELD);
	});

	it('merges the data as without it', () => {
		const remote = {
			...stored('B', 99),
			_meta: {
				created: stamp(100, 'A'),
				fields: { tier: stamp(200, 'B') },
				updated: hlc(200, 'B')
			}
		} as SyncRecord;
		const res = mergeRecord(stored('A', 5), remote, { table: 'customers' });
		expect(res.changedFields).toEqual(['tier']);
		expect(res.record).toEqual(withoutChangeNumber(remote));
	});
});

describe('withoutChangeNumber', () => {
	it('removes only the number, and returns a record without one as it is', () => {
		const r = { id: 'x', a: 1, [CHANGE_FIELD]: 4 };
		expect(withoutChangeNumber(r)).toEqual({ id: 'x', a: 1 });
		expect(r[CHANGE_FIELD]).toBe(4);
		const plain = { id: 'y' };
		expect(withoutChangeNumber(plain)).toBe(plain);
	});
});

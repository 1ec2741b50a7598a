import { describe, expect, it } from 'vitest';
import type { CustomerRow } from './customer-row';
import { filterRows, sortRows } from './filter-sort';

const DAY = 86_400_000;
const NOW = 100 * DAY;
function row(id: string, p: Partial<CustomerRow>): CustomerRow {
	return {
		id,
		kind: 'person',
		name: id,
		company: '',
		tier: '',
		stage: 'lead',
		ownerId: 'm1',
		city: '',
		industry: '',
		tags: [],
		phones: [],
		emails: [],
		lastContactAt: null,
		createdAt: 0,
		birthday: '',
		searchKeys: id,
		sortName: id,
		...p
	};
}
const rows = [
	row('a', { tier: 'B', city: '上海', tags: ['vip'], lastContactAt: NOW - 2 * DAY }),
	row('b', { tier: 'A', city: '北京', ownerId: 'm2', lastContactAt: NOW - 40 * DAY }),
	row('c', { stage: 'customer', industry: '制造' }),
	row('d', { tier: 'C', city: '北京', lastContactAt: NOW - 10 * DAY })
];
const ids = (list: CustomerRow[]) => list.map((r) => r.id);

describe('filterRows', () => {
	it('applies every filter together', () => {
		expect(ids(filterRows(rows, { city: '北京' }, NOW))).toEqual(['b', 'd']);
		expect(ids(filterRows(rows, { city: '北京', ownerId: 'm2' }, NOW))).toEqual(['b']);
		expect(ids(filterRows(rows, { tag: 'vip' }, NOW))).toEqual(['a']);
		expect(ids(filterRows(rows, { stage: 'customer', industry: '制造' }, NOW))).toEqual(['c']);
		expect(ids(filterRows(rows, { tier: '' }, NOW))).toEqual(['a', 'b', 'c', 'd']);
	});

	it('treats never contacted as not contacted for N days', () => {
		expect(ids(filterRows(rows, { notContactedDays: 10 }, NOW))).toEqual(['b', 'c', 'd']);
		expect(ids(filterRows(rows, { notContactedDays: 30 }, NOW))).toEqual(['b', 'c']);
	});
});

describe('sortRows', () => {
	it('sorts both ways with empty values last', () => {
		expect(ids(sortRows(rows, 'tier', 'asc'))).toEqual(['b', 'a', 'd', 'c']);
		expect(ids(sortRows(rows, 'tier', 'desc'))).toEqual(['d', 'a', 'b', 'c']);
		expect(ids(sortRows(rows, 'lastContactAt', 'desc'))).toEqual(['a', 'd', 'b', 'c']);
		expect(ids(sortRows(rows, 'city', 'asc')).at(-1)).toBe('c');
	});

	it('does not mutate its input', () => {
		const copy = [...rows];
		sortRows(rows, 'name', 'desc');
		expect(rows).toEqual(copy);
	});
});

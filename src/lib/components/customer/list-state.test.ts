import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '$lib/domain/customer/customer-row';
import { CustomerListState, isEmptyFilter, type ListSource } from './list-state.svelte';

function row(id: string, name: string, city: string, tier: CustomerRow['tier'] = ''): CustomerRow {
	return {
		id,
		kind: 'person',
		name,
		company: '',
		tier,
		stage: 'lead',
		ownerId: 'm1',
		city,
		industry: '',
		tags: [],
		phones: [],
		emails: [],
		lastContactAt: null,
		createdAt: 0,
		birthday: '',
		searchKeys: name.toLowerCase(),
		sortName: name.toLowerCase()
	};
}

const rows = [
	row('1', 'Bob', 'Beijing', 'A'),
	row('2', 'Amy', 'Xiamen', 'B'),
	row('3', 'Cat', 'Aba')
];
const source: ListSource = {
	rows,
	search: (q) => rows.filter((r) => r.searchKeys.includes(q.toLowerCase()))
};

describe('CustomerListState', () => {
	it('shows every row with no query, the search hits with one', () => {
		const s = new CustomerListState(source, () => 0);
		expect(s.visible.map((r) => r.id)).toEqual(['1', '2', '3']);
		s.query = ' am ';
		expect(s.visible.map((r) => r.id)).toEqual(['2']);
		s.query = 'zzz';
		expect(s.visible).toEqual([]);
	});

	it('filters and sorts after searching', () => {
		const s = new CustomerListState(source, () => 0);
		s.filter = { tier: 'A' };
		expect(s.visible.map((r) => r.name)).toEqual(['Bob']);
		s.filter = {};
		s.toggleSort('city');
		expect(s.sort).toEqual({ col: 'city', dir: 'asc' });
		expect(s.visible.map((r) => r.city)).toEqual(['Aba', 'Beijing', 'Xiamen']);
		s.toggleSort('city');
		expect(s.sort).toEqual({ col: 'city', dir: 'desc' });
		expect(s.visible.map((r) => r.city)).toEqual(['Xiamen', 'Beijing', 'Aba']);
		s.toggleSort('name');
		expect(s.sort).toEqual({ col: 'name', dir: 'asc' });
	});
});

describe('isEmptyFilter', () => {
	it('is true only when nothing narrows the list', () => {
		expect(isEmptyFilter({})).toBe(true);
		expect(isEmptyFilter({ tier: '', notContactedDays: null })).toBe(true);
		expect(isEmptyFilter({ city: 'Beijing' })).toBe(false);
		expect(isEmptyFilter({ notContactedDays: 30 })).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { facetsKnown, facetsOf } from './facets';

const row = (tags: string[], city: string, industry: string, ownerId: string) => ({
	tags,
	city,
	industry,
	ownerId
});

describe('facetsOf', () => {
	it('collects distinct, sorted, non-empty values', () => {
		const f = facetsOf([
			row(['vip', 'b2b'], 'Shanghai', 'Retail', 'm2'),
			row(['vip', ''], 'Beijing', '', 'm1'),
			row([], '', 'Retail', 'm2')
		]);
		expect(f.tags).toEqual(['b2b', 'vip']);
		expect(f.cities).toEqual(['Beijing', 'Shanghai']);
		expect(f.industries).toEqual(['Retail']);
		expect(f.ownerIds).toEqual(['m1', 'm2']);
	});

	it('is empty for no rows', () => {
		expect(facetsOf([])).toEqual({ tags: [], cities: [], industries: [], ownerIds: [] });
	});
});

describe('facets memo', () => {
	it('computes the menus of a rows array once, and knows when they are computed', () => {
		const rows = [{ tags: ['vip'], city: '宁波', industry: '', ownerId: 'm1' }];
		expect(facetsKnown(rows)).toBe(false);
		const first = facetsOf(rows);
		expect(facetsKnown(rows)).toBe(true);
		expect(facetsOf(rows)).toBe(first);
		// A new array (the store publishes one on every change) is computed again.
		const next = [...rows, { tags: [], city: '杭州', industry: '', ownerId: 'm1' }];
		expect(facetsKnown(next)).toBe(false);
		expect(facetsOf(next).cities).toEqual(['杭州', '宁波']);
	});
});

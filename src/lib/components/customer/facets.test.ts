import { describe, expect, it } from 'vitest';
import { facetsOf } from './facets';

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

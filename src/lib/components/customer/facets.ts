import type { CustomerRow } from '$lib/domain/customer/customer-row';

export interface Facets {
	tags: string[];
	cities: string[];
	industries: string[];
	ownerIds: string[];
}

type FacetRow = Pick<CustomerRow, 'tags' | 'city' | 'industry' | 'ownerId'>;

const collator = new Intl.Collator('zh-CN');
// The store publishes a new array only when customers change: opening the list again reuses the
// menus instead of walking 100,000 rows on every visit.
const memo = new WeakMap<readonly FacetRow[], Facets>();

/** Empty menus, shown for the moment before the real ones are computed. */
export const NO_FACETS: Facets = { tags: [], cities: [], industries: [], ownerIds: [] };

/** True when the menus of this rows array are already computed (showing them costs nothing). */
export const facetsKnown = (rows: readonly FacetRow[]): boolean => memo.has(rows);

/** The distinct non-empty tags, cities, industries and owners of a list, sorted, for filter menus. */
export function facetsOf(rows: readonly FacetRow[]): Facets {
	let facets = memo.get(rows);
	if (!facets) {
		facets = collect(rows);
		memo.set(rows, facets);
	}
	return facets;
}

function collect(rows: readonly FacetRow[]): Facets {
	const tags = new Set<string>();
	const cities = new Set<string>();
	const industries = new Set<string>();
	const owners = new Set<string>();
	for (const r of rows) {
		for (const tag of r.tags) if (tag) tags.add(tag);
		if (r.city) cities.add(r.city);
		if (r.industry) industries.add(r.industry);
		if (r.ownerId) owners.add(r.ownerId);
	}
	const sorted = (s: Set<string>) => [...s].sort(collator.compare);
	return {
		tags: sorted(tags),
		cities: sorted(cities),
		industries: sorted(industries),
		ownerIds: sorted(owners)
	};
}

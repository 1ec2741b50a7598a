import type { Customer } from './customer';
import { sortNameFromKeys } from './text';

/**
 * What the customer list keeps in memory for each of up to 100,000+ customers: only the columns
 * it shows, filters or sorts by, and the precomputed search keys. Kept small on purpose (needs,
 * notes and addresses stay in IndexedDB until a customer page is opened).
 */
export interface CustomerRow {
	id: string;
	kind: Customer['kind'];
	name: string;
	company: string;
	tier: Customer['tier'];
	stage: Customer['stage'];
	ownerId: string;
	city: string;
	industry: string;
	tags: string[];
	phones: string[];
	emails: string[];
	lastContactAt: number | null;
	createdAt: number;
	/** For Home's birthdays of the coming week, found in memory. */
	birthday: Customer['birthday'];
	searchKeys: string;
	sortName: string;
}

export function rowOf(c: Customer): CustomerRow {
	return {
		id: c.id,
		kind: c.kind,
		name: c.name,
		company: c.company,
		tier: c.tier,
		stage: c.stage,
		ownerId: c.ownerId,
		city: c.city,
		industry: c.industry,
		tags: c.tags,
		phones: c.phones,
		emails: c.emails,
		lastContactAt: c.lastContactAt,
		createdAt: c.createdAt,
		birthday: c.birthday,
		searchKeys: c.searchKeys,
		sortName: sortNameFromKeys(c.name, c.searchKeys)
	};
}

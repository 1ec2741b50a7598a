import type { Intern } from '../shared/interner';
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
	tags: readonly string[];
	phones: readonly string[];
	emails: readonly string[];
	lastContactAt: number | null;
	createdAt: number;
	/** For Home's birthdays of the coming week, found in memory. */
	birthday: Customer['birthday'];
	searchKeys: string;
	sortName: string;
}

/** What an empty list is in every row that has none (one array instead of one per row). */
const NONE: readonly string[] = Object.freeze([]);

const asIs: Intern = (text) => text;

/**
 * The row of a customer. `intern` gives the texts that repeat across customers (kind, tier,
 * stage, owner, city, industry, tags) one shared copy: the store passes one when it loads the
 * whole list (see shared/interner.ts for why).
 */
export function rowOf(c: Customer, intern: Intern = asIs): CustomerRow {
	return {
		id: c.id,
		kind: intern(c.kind),
		name: c.name,
		company: c.company,
		tier: intern(c.tier),
		stage: intern(c.stage),
		ownerId: intern(c.ownerId),
		city: intern(c.city),
		industry: intern(c.industry),
		tags: c.tags.length ? c.tags.map(intern) : NONE,
		phones: c.phones.length ? c.phones : NONE,
		emails: c.emails.length ? c.emails : NONE,
		lastContactAt: c.lastContactAt,
		createdAt: c.createdAt,
		birthday: c.birthday,
		searchKeys: c.searchKeys,
		sortName: sortNameFromKeys(c.name, c.searchKeys)
	};
}

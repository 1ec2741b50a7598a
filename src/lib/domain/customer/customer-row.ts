import type { Customer } from './customer';

/**
 * What the customer list keeps in memory for each of up to 100,000+ customers: only the columns
 * it shows, filters or sorts by, and the precomputed search keys. Kept small on purpose (needs,
 * notes and addresses stay in IndexedDB until a customer page is opened). The list engine holds
 * them packed (`rowsOf` in src/lib/list/packed-customer-rows.ts); the rules here only read them.
 */
export interface CustomerRow {
	readonly id: string;
	readonly kind: Customer['kind'];
	readonly name: string;
	readonly company: string;
	readonly tier: Customer['tier'];
	readonly stage: Customer['stage'];
	readonly ownerId: string;
	readonly city: string;
	readonly industry: string;
	readonly tags: readonly string[];
	readonly phones: readonly string[];
	readonly emails: readonly string[];
	readonly lastContactAt: number | null;
	readonly createdAt: number;
	/** For Home's birthdays of the coming week, found in memory. */
	readonly birthday: Customer['birthday'];
	readonly searchKeys: string;
	readonly sortName: string;
}

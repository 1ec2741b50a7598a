/**
 * The kinds of record that belong to a customer through `customerId`: they travel with the
 * customer in a snapshot of chosen customers, move to the survivor of a merge, and are purged
 * and erased with the customer. Each is a table of the same name. Written out so that the types
 * follow each kind; parts.test.ts keeps it equal to the registry (sync/tables.ts).
 */
export const CUSTOMER_PARTS = [
	'contacts',
	'interactions',
	'tasks',
	'deals',
	'dealStageChanges',
	'orders',
	'tickets',
	'feedback'
] as const;
export type CustomerPart = (typeof CUSTOMER_PARTS)[number];

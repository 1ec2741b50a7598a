import { policyOf } from '$lib/sync/merge';

/** The tables whose records are stamped, exported in snapshots and merged. */
export const SYNCED_TABLES = [
	'members',
	'customers',
	'contacts',
	'interactions',
	'tasks',
	'deals',
	'orders',
	'tickets',
	'feedback',
	'goals',
	'reviews'
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * Fields computed from other data: never stamped nor merged, recomputed after each change. The
 * merge policies (sync/merge.ts) are the one list of them.
 */
export const DERIVED_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = Object.fromEntries(
	SYNCED_TABLES.map((t) => [t, policyOf(t).derived])
);

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

/** Fields computed from other data: never stamped nor merged, recomputed after each change. */
export const DERIVED_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = {
	customers: ['searchKeys', 'lastContactAt'],
	// Index fields that exist only while open (domain/shared/open-keys.ts).
	tasks: ['openDueAt'],
	tickets: ['openDeadlineAt']
};

/**
 * Version 4: compound indexes for an account manager's day (home, goals, tasks, pipeline,
 * tickets, feedback), so that a month of one manager's figures is read by index ranges instead
 * of loading every record: at 1,000,000 interactions the home page must be ready in 500 ms.
 *
 * - `[ownerId+at]`, `[ownerId+type+at]` on interactions: a month per day and per type is counted
 *   from index keys alone, without reading the records.
 * - `trashedAt` on interactions: IndexedDB does not index null, so this index holds only the
 *   (few) trashed interactions, which the counts above subtract.
 * - `[ownerId+dueAt]`, `[ownerId+doneAt]` on tasks (doneAt is null while open: only done tasks
 *   are in the second one, which counts follow-ups done in a period).
 * - `[ownerId+stage]`, `[ownerId+expectedClose]` on deals; `[ownerId+at]` on orders and feedback;
 *   `[customerId+at]` on feedback; `[ownerId+status]` on tickets.
 * - `[ownerId+createdAt]` (new customers in a period) and `[ownerId+birthday]` (birthdays read
 *   from index keys) on customers.
 *
 * Only indexes change: no record is rewritten, so the upgrade needs no data step. Every existing
 * index of these tables is restated (Dexie replaces a table's index list with the new one).
 */
export const v4 = {
	version: 4,
	stores: {
		customers:
			'id, ownerId, tier, stage, city, lastContactAt, trashedAt, *tags, _meta.updated, [ownerId+createdAt], [ownerId+birthday]',
		interactions:
			'id, customerId, [customerId+at], at, ownerId, type, _meta.updated, [ownerId+at], [ownerId+type+at], trashedAt',
		tasks:
			'id, customerId, dealId, dueAt, ownerId, _meta.updated, [ownerId+dueAt], [ownerId+doneAt]',
		deals:
			'id, customerId, stage, expectedClose, ownerId, _meta.updated, [ownerId+stage], [ownerId+expectedClose]',
		orders: 'id, customerId, dealId, at, ownerId, _meta.updated, [ownerId+at]',
		tickets: 'id, customerId, status, deadlineAt, ownerId, _meta.updated, [ownerId+status]',
		feedback: 'id, customerId, at, ownerId, _meta.updated, [ownerId+at], [customerId+at]'
	}
} as const;

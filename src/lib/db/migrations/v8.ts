/**
 * Version 8: only the indexes something reads. IndexedDB updates every index of a store on every
 * write, so an index no read needs makes each write (a form, an import, a snapshot merge) slower
 * for nothing; db/index-readers.ts names the read behind each index that stays, and a test keeps
 * that list and this schema equal.
 *
 * Dropped, because no code reads them:
 * - customers: `tier`, `stage`, `city`, `lastContactAt`, `tags` (multi-entry) and
 *   `[ownerId+birthday]`. The list filters, sorts and searches the customers in memory
 *   (customer-store.svelte.ts), and Home finds the coming week's birthdays there too.
 * - interactions: `at` and `type`. Time and type ranges are read per owner ([ownerId+at],
 *   [ownerId+type+at]) or per customer ([customerId+at]), never across everyone.
 * - tasks: `dueAt`. Due tasks are read per owner, open ones from [ownerId+openDueAt] and all of
 *   them from [ownerId+dueAt].
 * - deals: `stage`, `expectedClose`, `[ownerId+stage]` and `[ownerId+expectedClose]`. The deal
 *   lists are read per owner or customer and grouped in memory; Home reads the pipeline and the
 *   deals closing this month from tallies and from [ownerId+stage+expectedClose].
 * - orders: `at`; feedback: `at`. Read per owner ([ownerId+at]) or per customer.
 * - tickets: `status`, `deadlineAt` and `[ownerId+status]`. Overdue tickets come from the
 *   open-only [ownerId+openDeadlineAt] (v7); the ticket lists are read per owner or customer.
 * - goals, reviews: `periodStart`. Goals are read per owner and sorted in memory.
 * - conflicts: `[table+recordId]`. The conflict list is read newest first (`at`), whole.
 * - imports: `at`. The history is read by `state`.
 *
 * Kept for the lookups of which records refer to a member or a deal (Undo of an import, the
 * restore of a backup): `ownerId` on every table a member owns, `dealId` on tasks and orders,
 * `memberId` on reviews. A plain index stays even where a compound index starts with the same
 * field: without it Dexie answers `where('ownerId')` from the first such compound index, which on
 * tasks is [ownerId+doneAt] and holds only done tasks.
 *
 * Only indexes change: no record is rewritten. Every index that stays on a changed table is
 * restated (Dexie replaces a table's index list with the new one).
 */
export const v8 = {
	version: 8,
	stores: {
		customers: 'id, ownerId, trashedAt, _meta.updated, [ownerId+createdAt]',
		interactions:
			'id, customerId, [customerId+at], ownerId, _meta.updated, [ownerId+at], [ownerId+type+at], trashedAt',
		tasks:
			'id, customerId, dealId, ownerId, _meta.updated, [ownerId+dueAt], [ownerId+doneAt], [ownerId+openDueAt]',
		deals:
			'id, customerId, ownerId, _meta.updated, [ownerId+stage+amount.currency+amount.minor+probability], trashedAt, [ownerId+stage+expectedClose]',
		orders: 'id, customerId, dealId, ownerId, _meta.updated, [ownerId+at]',
		tickets: 'id, customerId, ownerId, _meta.updated, [ownerId+openDeadlineAt]',
		feedback: 'id, customerId, ownerId, _meta.updated, [ownerId+at], [customerId+at]',
		goals: 'id, ownerId, _meta.updated',
		reviews: 'id, memberId, _meta.updated',
		conflicts: 'id, at',
		imports: 'id, state'
	}
} as const;

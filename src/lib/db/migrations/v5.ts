/**
 * Version 5: the home page's pipeline chart from index keys. At 100,000 deals one account
 * manager has about 8,000 open ones, and reading them as records to sum their amounts took most
 * of the home page's time.
 *
 * - `[ownerId+stage+amount.currency+amount.minor+probability]` on deals: everything the pipeline
 *   by stage sums is in the index key, so the chart walks keys and reads no record.
 * - `trashedAt` on deals: IndexedDB does not index null, so it holds only the (few) trashed
 *   deals, which the sums leave out.
 *
 * Only indexes change: no record is rewritten. Every existing index of the table is restated
 * (Dexie replaces a table's index list with the new one).
 */
export const v5 = {
	version: 5,
	stores: {
		deals:
			'id, customerId, stage, expectedClose, ownerId, _meta.updated, [ownerId+stage], [ownerId+expectedClose], [ownerId+stage+amount.currency+amount.minor+probability], trashedAt'
	}
} as const;

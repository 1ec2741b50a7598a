import type { Transaction } from 'dexie';
import { rebuildTallies } from '../tallies-rebuild';

/**
 * Version 6: Home's figures from tallies instead of index ranges. At 1,000,000 interactions and
 * 100,000 deals, counting one manager's month walked its index entries one by one, and summing
 * the pipeline its deals' keys: work that grows with the data, and went far over the 500 ms Home
 * is allowed (the bench's home suite).
 *
 * - `tallies` (key `k`): running sums per manager (interactions per day and type, orders per day
 *   and currency, deals per stage and currency), kept current by the tallies middleware in the
 *   same transaction as every write (db/tallies-middleware.ts). The upgrade builds them from the
 *   stored records, at this device's offset from UTC, which their meta record keeps.
 * - `[ownerId+stage+expectedClose]` on deals: the deals closing this month are read per open
 *   stage, so the closed ones (which keep their expected close date) are not read at all.
 *
 * No record of another table is rewritten. The deals' existing indexes are restated (Dexie
 * replaces a table's index list with the new one).
 */
export const v6 = {
	version: 6,
	stores: {
		deals:
			'id, customerId, stage, expectedClose, ownerId, _meta.updated, [ownerId+stage], [ownerId+expectedClose], [ownerId+stage+amount.currency+amount.minor+probability], trashedAt, [ownerId+stage+expectedClose]',
		tallies: 'k'
	},
	upgrade: (tx: Transaction) => rebuildTallies(tx, -new Date().getTimezoneOffset())
} as const;

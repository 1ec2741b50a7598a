import type { Transaction } from 'dexie';
import { TALLY_META_KEY, type TallyMeta } from '$lib/domain/reports/tallies';
import { rebuildTallies } from '../tallies-rebuild';
import type { UpgradeReport } from './v9';

/**
 * Version 14: the lead's team figures from tallies. At 20 members over 100,000 customers and
 * 1,000,000 interactions, the dashboard read every member's records of the period (and of six
 * periods for its trend) and summed them in memory: work that grows with the data. The tallies
 * (domain/reports/tallies.ts) now also keep, per owner and day, satisfaction scores, follow-ups
 * done, complaints, resolved tickets and customers by their created and trashed days; and each
 * author's newest stamp (domain/team/staleness.ts WorkMark), which says when a member's latest
 * work arrived.
 *
 * No store or index changes. The upgrade builds the tallies again from every record, at the
 * offset they already count days in (this device's when there were none), and reports how far it
 * got, as the app shows long upgrades.
 */
export const v14 = {
	version: 14,
	stores: {},
	upgrade: async (tx: Transaction, report?: UpgradeReport) => {
		const meta = (await tx.table('tallies').get(TALLY_META_KEY)) as TallyMeta | undefined;
		await rebuildTallies(tx, meta?.offsetMin ?? -new Date().getTimezoneOffset(), report);
	}
} as const;

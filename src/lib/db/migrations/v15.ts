import type { Transaction } from 'dexie';
import { TALLY_META_KEY, type TallyMeta } from '$lib/domain/reports/tallies';
import { rebuildTallies } from '../tallies-rebuild';
import type { UpgradeReport } from './v9';

/**
 * Version 15: the team's trend from tallies by month. The dashboard's trend sums the team's
 * totals over six periods, and read them from the tallies per owner and day: half a year of
 * days per member, most of them interactions per type. The tallies now also keep each of those
 * facts per owner and month (domain/reports/tallies.ts, kinds `O`, `I`, `S`, `F`, `X`, `R`), so
 * six months, quarters or years are a few tallies per member and kind.
 *
 * No store or index changes. The upgrade builds the tallies again from every record, at the
 * offset they already count days in (this device's when there were none), and reports how far it
 * got, as the app shows long upgrades.
 */
export const v15 = {
	version: 15,
	stores: {},
	upgrade: async (tx: Transaction, report?: UpgradeReport) => {
		const meta = (await tx.table('tallies').get(TALLY_META_KEY)) as TallyMeta | undefined;
		await rebuildTallies(tx, meta?.offsetMin ?? -new Date().getTimezoneOffset(), report);
	}
} as const;

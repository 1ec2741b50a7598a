import type { Transaction } from 'dexie';
import { FUNNEL_KINDS } from '$lib/domain/deal/funnel-paths';
import { TALLY_META_KEY, type TallyMeta } from '$lib/domain/reports/tallies';
import { funnelPathTallies, movesTable } from '../tallies-rebuild';
import type { UpgradeReport } from './v9';

/**
 * Version 17: the team's conversion funnel from tallies. The funnel read every stage move of the
 * period as a record; at 20 members over 100,000 customers it was the dashboard's largest read.
 * The tallies now also keep, per month, member and *path* (the stages a deal entered in the
 * month, in order, each with the stage it came from), how many deals took it, and mark the deals
 * two members moved in one month (domain/deal/funnel-paths.ts); the funnel middleware keeps them
 * with every move and every deal put in or out of the trash (db/funnel-paths-middleware.ts).
 *
 * No store or index changes. The upgrade builds the path tallies from every stored move, at the
 * offset the other tallies count days in; without tallies (none were ever built) it does nothing.
 */
export const v17 = {
	version: 17,
	stores: {},
	upgrade: async (tx: Transaction, report?: UpgradeReport) => {
		const store = tx.table('tallies');
		const meta = (await store.get(TALLY_META_KEY)) as TallyMeta | undefined;
		if (!meta) return;
		const moves = movesTable(tx);
		const total = moves ? await moves.count() : 0;
		if (total > 0) report?.(0, total);
		for (const kind of FUNNEL_KINDS)
			await store.where('k').between([kind], [kind, []], true, true).delete();
		await store.bulkPut(await funnelPathTallies(tx, meta.offsetMin));
		if (total > 0) report?.(total, total);
	}
} as const;

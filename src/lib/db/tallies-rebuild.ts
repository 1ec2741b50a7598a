import type { Table, Transaction } from 'dexie';
import {
	TALLIED_TABLES,
	TALLY_META_KEY,
	TallyDeltas,
	type TallyMeta
} from '$lib/domain/reports/tallies';
import { LatestWork } from '$lib/domain/team/staleness';
import { funnelTalliesOf, pathMoveOf, type FunnelTally } from '$lib/domain/deal/funnel-paths';
import type { UpgradeReport } from './migrations/v9';
import { TALLIES_STORE } from './tallies-middleware';

/**
 * Builds every tally, and every author's work mark, from the stored records at `offsetMin`,
 * inside the caller's transaction (a migration, or the bench on a profile an older build seeded).
 * Every record of every tallied table is read whole: the team's tallies need fields no index
 * holds (an interaction's score, a ticket's times). `report` hears how far it got.
 */
/**
 * The moves' table, when the transaction has it: an upgrade from before v13 (which added it) runs
 * with the stores it started with, and has no moves to count.
 */
export function movesTable(tx: Transaction): Table | null {
	try {
		return tx.table('dealStageChanges');
	} catch {
		return null;
	}
}

export async function rebuildTallies(
	tx: Transaction,
	offsetMin: number,
	report: UpgradeReport = () => undefined
): Promise<void> {
	const deltas = new TallyDeltas();
	const work = new LatestWork(Date.now());
	const counts = await Promise.all(TALLIED_TABLES.map((name) => tx.table(name).count()));
	const total = counts.reduce((a, b) => a + b, 0);
	let done = 0;
	// An empty database has nothing to wait for: it says nothing.
	if (total > 0) report(0, total);
	for (const name of TALLIED_TABLES) {
		await tx.table(name).each((r: unknown) => {
			deltas.add(name, r, 1, offsetMin);
			work.addStamped(r);
			done += 1;
			if (done % 10_000 === 0) report(done, total);
		});
	}
	const meta: TallyMeta = { k: TALLY_META_KEY, offsetMin };
	const paths = await funnelPathTallies(tx, offsetMin);
	const store = tx.table(TALLIES_STORE);
	await store.clear();
	await store.bulkPut([meta, ...deltas.list(), ...work.marks(), ...paths]);
	if (total > 0) report(total, total);
}

/**
 * The funnel's path tallies (domain/deal/funnel-paths.ts) of every stored move, at `offsetMin`;
 * none before the version that stores moves. Moves are small: read whole, with the keys of the
 * deals in the trash (null is not indexed, so those are the few trashed ones).
 */
export async function funnelPathTallies(
	tx: Transaction,
	offsetMin: number
): Promise<FunnelTally[]> {
	const moves = movesTable(tx);
	if (!moves) return [];
	const trashed = new Set((await tx.table('deals').orderBy('trashedAt').primaryKeys()) as string[]);
	const list = (await moves.toArray()).flatMap((r) => pathMoveOf(r) ?? []);
	return funnelTalliesOf(list, trashed, offsetMin);
}

import type { Transaction } from 'dexie';
import {
	TALLIED_TABLES,
	TALLY_META_KEY,
	TallyDeltas,
	type TallyMeta
} from '$lib/domain/reports/tallies';
import { LatestWork } from '$lib/domain/team/staleness';
import type { UpgradeReport } from './migrations/v9';
import { TALLIES_STORE } from './tallies-middleware';

/**
 * Builds every tally, and every author's work mark, from the stored records at `offsetMin`,
 * inside the caller's transaction (a migration, or the bench on a profile an older build seeded).
 * Every record of every tallied table is read whole: the team's tallies need fields no index
 * holds (an interaction's score, a ticket's times). `report` hears how far it got.
 */
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
	const store = tx.table(TALLIES_STORE);
	await store.clear();
	await store.bulkPut([meta, ...deltas.list(), ...work.marks()]);
	if (total > 0) report(total, total);
}

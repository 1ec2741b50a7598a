import type { Transaction } from 'dexie';
import { TALLY_META_KEY, TallyDeltas, type TallyMeta } from '$lib/domain/reports/tallies';
import { TALLIES_STORE } from './tallies-middleware';

/**
 * Builds every tally from the stored records, at the device's current offset, inside the
 * caller's transaction (the migration that creates the tallies store). Interactions are walked
 * by the keys of their [ownerId+type+at] index, which hold everything a tally needs (at
 * 1,000,000 interactions reading keys is much cheaper than reading records); the few trashed
 * ones, which that index also holds, are then taken back out. Orders and deals are read whole.
 */
export async function rebuildTallies(tx: Transaction, offsetMin: number): Promise<void> {
	const deltas = new TallyDeltas();
	await tx
		.table('interactions')
		.orderBy('[ownerId+type+at]')
		.eachKey((key) => {
			const [ownerId, type, at] = key as [string, string, number];
			deltas.add('interactions', { ownerId, type, at, trashedAt: null }, 1, offsetMin);
		});
	await tx
		.table('interactions')
		.where('trashedAt')
		.above(0)
		.each((r: Record<string, unknown>) => {
			deltas.add('interactions', { ...r, trashedAt: null }, -1, offsetMin);
		});
	await tx.table('orders').each((r: unknown) => deltas.add('orders', r, 1, offsetMin));
	await tx.table('deals').each((r: unknown) => deltas.add('deals', r, 1, offsetMin));
	const meta: TallyMeta = { k: TALLY_META_KEY, offsetMin };
	const store = tx.table(TALLIES_STORE);
	await store.clear();
	await store.bulkPut([meta, ...deltas.list()]);
}

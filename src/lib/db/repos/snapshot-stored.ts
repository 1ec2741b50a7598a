import type { IndexableType, Table } from 'dexie';
import type { SnapshotContext } from './snapshot-context';

/**
 * The stored records of a page of incoming ids, in the order of `ids` (undefined: not stored).
 *
 * Dexie's bulkGet sends one IndexedDB request per id, and most ids of a teammate's file are not
 * stored here at all. A snapshot lists each table in primary-key order, so a page of ids is a
 * narrow key range: ONE getAllKeys over [smallest, largest] says which of them exist, and only
 * those are read (as the whole range in one getAll when they are most of it). A page whose range
 * holds many more keys than the page (ids in no order) falls back to bulkGet, so the cost stays
 * bounded either way. `keyOf` maps an id to the table's primary key (tombstones: [table, id]).
 */
type AnyTable = Table<unknown, IndexableType>;

/** Keys read from a range before giving up on it: a few pages' worth. */
const RANGE_FACTOR = 4;

export async function storedOf<R>(
	table: AnyTable,
	ids: readonly string[],
	keyOf: (id: string) => IndexableType = (id) => id
): Promise<(R | undefined)[]> {
	if (ids.length === 0) return [];
	let lo = ids[0]!;
	let hi = lo;
	for (const id of ids) {
		if (id < lo) lo = id;
		if (id > hi) hi = id;
	}
	const range = table.where(':id').between(keyOf(lo), keyOf(hi), true, true);
	const limit = ids.length * RANGE_FACTOR + 1;
	const keys = await range.clone().limit(limit).primaryKeys();
	if (keys.length >= limit) return (await table.bulkGet(ids.map(keyOf))) as (R | undefined)[];
	const present = new Set(keys.map(idOfKey));
	const hits = ids.filter((id) => present.has(id));
	if (hits.length === 0) return ids.map(() => undefined);
	const found = new Map<string, R>();
	if (hits.length * 2 >= keys.length) {
		// Mapped by each row's own id: outside a transaction the range may have changed meanwhile.
		for (const r of (await range.toArray()) as R[]) found.set((r as { id: string }).id, r);
	} else {
		const rows = (await table.bulkGet(hits.map(keyOf))) as (R | undefined)[];
		hits.forEach((id, i) => {
			const r = rows[i];
			if (r !== undefined) found.set(id, r);
		});
	}
	return ids.map((id) => found.get(id));
}

/** The tombstones table, typed as any table for storedOf (its key is [table, id]). */
export const tombTable = (ctx: SnapshotContext): AnyTable =>
	ctx.db.tombstones as unknown as AnyTable;

/** The id in a primary key: ids are the key, or its last part ([table, id] for tombstones). */
function idOfKey(k: IndexableType): string {
	return String(Array.isArray(k) ? k[k.length - 1] : k);
}

import Dexie, { cmp, type DBCoreKeyRange, type DBCoreTable, type DBCoreTransaction } from 'dexie';

/**
 * The stored records of many tally keys, in the order of `keys` (undefined: none stored), for the
 * tallies layer (tallies-middleware.ts). A write of a thousand interactions touches hundreds of
 * sums (one per owner, day and type), and one get per key is one IndexedDB request each. The keys
 * of one kind and owner sort together, so ONE range read over [smallest, largest] of them answers
 * them all, unless the range holds many more stored sums than asked for (then those keys are got
 * one by one, so the cost stays bounded either way). No `async`: see tallies-middleware.ts.
 */
type Key = readonly unknown[];

/** Keys of one kind and owner read as a range from this many on; fewer are got one by one. */
const RANGE_FROM = 8;
/** Records a range may hold per key asked, before its keys are got one by one instead. */
const RANGE_FACTOR = 4;
/** DBCoreRangeType.Range (a const enum, which isolated modules cannot import). */
const RANGE = 2 as DBCoreKeyRange['type'];

const keyText = (k: Key): string => JSON.stringify(k);

export function storedByKeys<R extends { k: Key }>(
	table: DBCoreTable,
	trans: DBCoreTransaction,
	keys: readonly Key[]
): Promise<(R | undefined)[]> {
	const groups = new Map<string, Key[]>();
	for (const k of keys) {
		const g = keyText(k.slice(0, 2));
		const list = groups.get(g);
		if (list) list.push(k);
		else groups.set(g, [k]);
	}
	const single: Key[] = [];
	const ranged: Key[][] = [];
	for (const list of groups.values())
		if (list.length >= RANGE_FROM) ranged.push(list);
		else single.push(...list);
	const found = new Map<string, R>();
	const note = (rows: (R | undefined)[]) => {
		for (const r of rows) if (r) found.set(keyText(r.k), r);
	};
	const getMany = (ks: Key[]): Promise<void> =>
		ks.length === 0
			? Dexie.Promise.resolve()
			: table.getMany({ trans, keys: ks as unknown[] }).then(note);
	const range = (list: Key[]): Promise<void> => {
		let lower = list[0]!;
		let upper = lower;
		for (const k of list) {
			if (cmp(k, lower) < 0) lower = k;
			if (cmp(k, upper) > 0) upper = k;
		}
		const limit = list.length * RANGE_FACTOR + 1;
		return table
			.query({
				trans,
				values: true,
				limit,
				query: {
					index: table.schema.primaryKey,
					range: { type: RANGE, lower, upper, lowerOpen: false, upperOpen: false }
				}
			})
			.then((res) => (res.result.length >= limit ? getMany(list) : note(res.result as R[])));
	};
	return Dexie.Promise.all([getMany(single), ...ranged.map(range)]).then(() =>
		keys.map((k) => found.get(keyText(k)))
	);
}

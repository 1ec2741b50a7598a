import type { EntityTable } from 'dexie';
import type { TrashKind, TrashRecord } from '$lib/domain/trash/kinds';
import type { RapportDB } from '../schema';

/** The stored record type of a kind. */
export type RecordOf<K extends TrashKind> = Extract<TrashRecord, { kind: K }>['record'];

/**
 * The kinds whose `trashedAt` is indexed: the index holds trashed records only (IndexedDB does
 * not index null), so finding them costs their number. The other kinds have no such index (a
 * schema version would add it): finding their trashed records reads the whole table.
 */
export const INDEXED_TRASH: ReadonlySet<TrashKind> = new Set([
	'customers',
	'interactions',
	'deals'
]);

/** Records per read of a table without the index: each read a short request. */
const PAGE = 2_000;

type Reader<K extends TrashKind> = (d: RapportDB, upTo: number) => Promise<RecordOf<K>[]>;

const READERS: { [K in TrashKind]: Reader<K> } = {
	customers: (d, upTo) => d.customers.where('trashedAt').between(0, upTo, false, true).toArray(),
	interactions: (d, upTo) =>
		d.interactions.where('trashedAt').between(0, upTo, false, true).toArray(),
	deals: (d, upTo) => d.deals.where('trashedAt').between(0, upTo, false, true).toArray(),
	contacts: (d, upTo) => scanTrashed(d.contacts, upTo),
	tasks: (d, upTo) => scanTrashed(d.tasks, upTo),
	orders: (d, upTo) => scanTrashed(d.orders, upTo),
	tickets: (d, upTo) => scanTrashed(d.tickets, upTo),
	feedback: (d, upTo) => scanTrashed(d.feedback, upTo),
	goals: (d, upTo) => scanTrashed(d.goals, upTo)
};

/** The records of a kind trashed at or before `upTo` (all of its trashed records by default). */
export function trashedOf<K extends TrashKind>(
	d: RapportDB,
	kind: K,
	upTo = Number.POSITIVE_INFINITY
): Promise<RecordOf<K>[]> {
	return READERS[kind](d, upTo);
}

/** Reads a table in primary-key pages and keeps its records trashed at or before `upTo`. */
async function scanTrashed<T extends { id: string; trashedAt: number | null }>(
	table: EntityTable<T, 'id'>,
	upTo: number
): Promise<T[]> {
	const out: T[] = [];
	let after: string | undefined;
	for (;;) {
		const coll = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
		const page = await coll.limit(PAGE).toArray();
		for (const r of page) if (r.trashedAt !== null && r.trashedAt <= upTo) out.push(r);
		if (page.length < PAGE) return out;
		after = page[page.length - 1]!.id;
	}
}

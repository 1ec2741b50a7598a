import { inTrash } from '$lib/domain/trash/keyed';
import type { TrashKind, TrashRecord } from '$lib/domain/trash/kinds';
import type { Table } from 'dexie';
import type { RapportDB } from '../schema';

/** The stored record type of a kind. */
export type RecordOf<K extends TrashKind> = Extract<TrashRecord, { kind: K }>['record'];

/**
 * Each kind's trashed records. The older kinds through their `trashedAt` index: IndexedDB does
 * not index null, so the index holds the trashed records only, and finding them costs their
 * number, however large the table (schema v10 gave every such kind the index). The team's
 * courses, training records, plans and checklists have no such index (adding one is a schema
 * version): their tables hold a team's tens to thousands of records, read whole. The lower bound
 * is open: an emptied keyed record (domain/trash/keyed.ts) is not in the trash.
 */
const READERS: { [K in TrashKind]: Reader<K> } = {
	customers: (d, upTo) => d.customers.where('trashedAt').between(0, upTo, false, true).toArray(),
	contacts: (d, upTo) => d.contacts.where('trashedAt').between(0, upTo, false, true).toArray(),
	interactions: (d, upTo) =>
		d.interactions.where('trashedAt').between(0, upTo, false, true).toArray(),
	tasks: (d, upTo) => d.tasks.where('trashedAt').between(0, upTo, false, true).toArray(),
	deals: (d, upTo) => d.deals.where('trashedAt').between(0, upTo, false, true).toArray(),
	orders: (d, upTo) => d.orders.where('trashedAt').between(0, upTo, false, true).toArray(),
	tickets: (d, upTo) => d.tickets.where('trashedAt').between(0, upTo, false, true).toArray(),
	feedback: (d, upTo) => d.feedback.where('trashedAt').between(0, upTo, false, true).toArray(),
	goals: (d, upTo) => d.goals.where('trashedAt').between(0, upTo, false, true).toArray(),
	courses: (d, upTo) => scan(d.courses, upTo),
	trainingRecords: (d, upTo) => scan(d.trainingRecords, upTo),
	workPlans: (d, upTo) => scan(d.workPlans, upTo),
	checklists: (d, upTo) => scan(d.checklists, upTo)
};

type Reader<K extends TrashKind> = (d: RapportDB, upTo: number) => Promise<RecordOf<K>[]>;

/** A whole table's records in the trash up to `upTo`. */
function scan<T extends { trashedAt: number | null }, I>(
	table: Table<T, string, I>,
	upTo: number
): Promise<T[]> {
	return table.filter((r) => inTrash(r.trashedAt) && r.trashedAt <= upTo).toArray();
}

/** The records of a kind trashed at or before `upTo` (all of its trashed records by default). */
export function trashedOf<K extends TrashKind>(
	d: RapportDB,
	kind: K,
	upTo = Number.POSITIVE_INFINITY
): Promise<RecordOf<K>[]> {
	return READERS[kind](d, upTo);
}

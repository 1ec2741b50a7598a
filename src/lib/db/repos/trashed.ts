import type { TrashKind, TrashRecord } from '$lib/domain/trash/kinds';
import type { RapportDB } from '../schema';

/** The stored record type of a kind. */
export type RecordOf<K extends TrashKind> = Extract<TrashRecord, { kind: K }>['record'];

/**
 * Each kind's trashed records, through its `trashedAt` index: IndexedDB does not index null, so
 * the index holds the trashed records only, and finding them costs their number, however large
 * the table (schema v10 gave every kind the index).
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
	goals: (d, upTo) => d.goals.where('trashedAt').between(0, upTo, false, true).toArray()
};

type Reader<K extends TrashKind> = (d: RapportDB, upTo: number) => Promise<RecordOf<K>[]>;

/** The records of a kind trashed at or before `upTo` (all of its trashed records by default). */
export function trashedOf<K extends TrashKind>(
	d: RapportDB,
	kind: K,
	upTo = Number.POSITIVE_INFINITY
): Promise<RecordOf<K>[]> {
	return READERS[kind](d, upTo);
}

import type { SyncRecord } from '$lib/sync/merge';
import { CUSTOMER_PARTS } from '$lib/sync/tables';
import { recordKey, type Tombstone } from '$lib/sync/tombstone';
import type { RapportDB } from '../schema';
import { storedOf } from './snapshot-stored';

/**
 * An erased customer's records that were written where the erasure had not arrived yet: a call
 * logged on a teammate's device while the customer was erased on another. The erasure's
 * tombstones name only the records the erasing device held, so without these rules such a record
 * would reach the erasing device (and stay on its own), data about an erased person.
 *
 * A record that hangs off a customer (their contacts, log, tasks …, CUSTOMER_PARTS) is erased
 * with them wherever the customer's tombstone is: when the tombstone arrives, the records here are
 * erased; when such a record arrives where the tombstone is, it is erased on arrival. Each gets
 * a tombstone with the customer's stamp, so that every device ends with the same tombstones, and
 * so that the record is erased on devices that hold it without the customer's tombstone yet.
 */
const PARTS: ReadonlySet<string> = new Set(CUSTOMER_PARTS);

const partTomb = (table: string, id: string, of: Tombstone): Tombstone => ({
	table,
	id,
	hlc: of.hlc,
	by: of.by
});

/** Tombstones for the records stored here of the customers that `tombs` erase (not in `tombs`). */
export async function partsOfErased(
	d: RapportDB,
	tombs: readonly Tombstone[]
): Promise<Tombstone[]> {
	const erased = new Map<string, Tombstone>();
	for (const t of tombs) if (t.table === 'customers') erased.set(t.id, t);
	if (erased.size === 0) return [];
	const listed = new Set(tombs.map((t) => recordKey(t.table, t.id)));
	const out: Tombstone[] = [];
	for (const table of CUSTOMER_PARTS)
		await d
			.table(table)
			.where('customerId')
			.anyOf([...erased.keys()])
			.eachKey((customerId, cursor) => {
				const id = String(cursor.primaryKey);
				const of = erased.get(String(customerId));
				if (of && !listed.has(recordKey(table, id))) out.push(partTomb(table, id, of));
			});
	return out;
}

/**
 * Tombstones for the incoming records of `table` whose customer is erased here. `pending` names
 * erasures not written yet (the preview's, read from the file ahead of the records).
 */
export async function arrivingPartsOfErased(
	d: RapportDB,
	table: string,
	incoming: readonly SyncRecord[],
	pending: (customerId: string) => Tombstone | undefined = () => undefined
): Promise<Tombstone[]> {
	if (!PARTS.has(table)) return [];
	const customerOf = (r: SyncRecord) => {
		const id = (r as SyncRecord & { customerId?: unknown }).customerId;
		return typeof id === 'string' ? id : '';
	};
	const ids = [...new Set(incoming.map(customerOf).filter(Boolean))];
	// One key-range read in the usual case (no customer erased among them), not a get per id.
	const found = await storedOf<Tombstone>(tombstonesTable(d), ids, (id) => ['customers', id]);
	const erased = new Map<string, Tombstone>();
	found.forEach((t, i) => {
		const of = t ?? pending(ids[i]!);
		if (of) erased.set(ids[i]!, of);
	});
	const out: Tombstone[] = [];
	for (const r of incoming) {
		const of = erased.get(customerOf(r));
		if (of) out.push(partTomb(table, r.id, of));
	}
	return out;
}

const tombstonesTable = (d: RapportDB) => d.tombstones as unknown as Parameters<typeof storedOf>[0];

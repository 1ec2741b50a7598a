import type { Table } from 'dexie';
import { createRecord, editRecord } from '$lib/sync/edit';
import type { Stamp, Synced } from '$lib/sync/stamp';

type Data<T extends Synced> = Omit<T, 'id' | '_meta'>;

/**
 * Writes a record whose id is derived from what it is about (domain/team/keyed-id.ts), inside the
 * caller's transaction: created with one stamp when it is new here, else an edit stamping only
 * the fields whose value changes, so the same record written on two devices merges field by
 * field. Returns the record as stored, and whether anything changed.
 */
export async function putKeyed<T extends Synced, I>(
	table: Table<T, string, I>,
	id: string,
	data: Data<T>,
	stamp: Stamp
): Promise<{ record: T; changed: boolean }> {
	const current = await table.get(id);
	if (!current) {
		const record = createRecord<T>(id, data, stamp);
		// A full record with its id is always a valid insert.
		await table.put(record as unknown as I);
		return { record, changed: true };
	}
	const { next, changed } = editRecord(current, data as Partial<Data<T>>, stamp);
	if (changed.length) await table.put(next as unknown as I);
	return { record: next, changed: changed.length > 0 };
}

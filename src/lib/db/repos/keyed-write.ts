import type { Table } from 'dexie';
import { createRecord, editRecord } from '$lib/sync/edit';
import type { Synced } from '$lib/sync/stamp';

type Data<T extends Synced> = Omit<T, 'id' | '_meta'>;

/**
 * Writes a record that exists once per key (a member's plan of a week, report of a day, tick of
 * an item) in the caller's transaction: created with one stamp when it is new, otherwise edited
 * so that only the fields whose value changed are stamped. Its id is the key, so the same write
 * on two devices gives one record that merges field by field. `patch` says what changes on a
 * stored record; `create` the whole record when none is stored.
 */
export async function upsertKeyed<T extends Synced, I>(
	table: Table<T, string, I>,
	id: string,
	create: () => Data<T>,
	patch: (current: T) => Partial<Data<T>>,
	stamp: Synced['_meta']['created']
): Promise<T> {
	const current = await table.get(id);
	if (!current) {
		const record = createRecord<T>(id, create(), stamp);
		// A full record is always a valid insert (the id is already set).
		await table.add(record as unknown as I);
		return record;
	}
	const { next, changed } = editRecord(current, patch(current), stamp);
	if (changed.length) await table.put(next as unknown as I);
	return next;
}

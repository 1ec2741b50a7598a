import type { Table } from 'dexie';
import { createRecord, editRecord } from '$lib/sync/edit';
import type { Stamp, Synced } from '$lib/sync/stamp';

type Data<T extends Synced> = Omit<T, 'id' | '_meta'>;

/**
 * Writes a record that exists once per key (a member's goal or review of a period, plan of a week,
 * report of a day, tick of an item; ids from domain/team/keyed-id.ts) in the caller's transaction:
 * created with one stamp when it is new here, otherwise edited so that only the fields whose value
 * changes are stamped. Its id is the key, so the same write on two devices gives one record that
 * merges field by field. `patch` says what changes on a stored record; `create` the whole record
 * when none is stored.
 */
export async function upsertKeyed<T extends Synced, I>(
	table: Table<T, string, I>,
	id: string,
	create: () => Data<T>,
	patch: (current: T) => Partial<Data<T>>,
	stamp: Stamp
): Promise<T> {
	return (await writeKeyed(table, id, create, patch, stamp)).record;
}

/** `upsertKeyed` with the whole record's data, saying whether anything changed. */
export function putKeyed<T extends Synced, I>(
	table: Table<T, string, I>,
	id: string,
	data: Data<T>,
	stamp: Stamp
): Promise<{ record: T; changed: boolean }> {
	return writeKeyed(
		table,
		id,
		() => data,
		() => data as Partial<Data<T>>,
		stamp
	);
}

async function writeKeyed<T extends Synced, I>(
	table: Table<T, string, I>,
	id: string,
	create: () => Data<T>,
	patch: (current: T) => Partial<Data<T>>,
	stamp: Stamp
): Promise<{ record: T; changed: boolean }> {
	const current = await table.get(id);
	if (!current) {
		const record = createRecord<T>(id, create(), stamp);
		// A full record with its id is always a valid insert.
		await table.put(record as unknown as I);
		return { record, changed: true };
	}
	const { next, changed } = editRecord(current, patch(current), stamp);
	if (changed.length) await table.put(next as unknown as I);
	return { record: next, changed: changed.length > 0 };
}

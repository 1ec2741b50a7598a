import type { Table } from 'dexie';
import type { Synced } from '$lib/sync/stamp';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound } from '../errors';
import { nextStamp } from '../session';
import { guarded } from '../write';

type Data<T extends Synced> = Partial<Omit<T, 'id' | '_meta'>>;

/**
 * Reads a record, lets `change` compute the patch from it (validation included), and writes the
 * stamped edit, all in one transaction. Only the fields whose value changed get a stamp. The
 * repositories of tasks, deals, tickets, feedback and goals edit their records through it.
 */
export async function editById<T extends Synced & { trashedAt: number | null }, I>(
	table: Table<T, string, I>,
	id: string,
	change: (current: T) => Data<T>
): Promise<T> {
	const stamp = await nextStamp();
	const d = db();
	return guarded(() =>
		d.transaction('rw', table, async () => {
			const current = await table.get(id);
			if (!current) throw new NotFound(`${table.name} ${id}`);
			const { next, changed } = editRecord(current, change(current), stamp);
			// A stored record is always a valid insert (the id is already set).
			if (changed.length) await table.put(next as unknown as I);
			return next;
		})
	);
}

import type { Table } from 'dexie';
import type { Synced } from '$lib/sync/stamp';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { nextStamp } from '../session';
import { guarded } from '../write';

/**
 * Shared plumbing of the day repositories (tasks, deals, tickets, feedback, goals): a stamped
 * edit of one record by id, local settings, and the field-error shorthand.
 */

type Data<T extends Synced> = Partial<Omit<T, 'id' | '_meta'>>;

/**
 * Reads a record, lets `change` compute the patch from it (validation included), and writes the
 * stamped edit, all in one transaction. Only the fields whose value changed get a stamp.
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

/** Throws the collected field errors, if any. */
export function refuse(errors: { field: string; code: string }[]): void {
	if (errors.length) throw new ValidationFailed(errors);
}

/** A device-local setting (not synced): team conventions such as cadence or deadlines. */
export async function readSetting<T>(key: string): Promise<T | undefined> {
	return (await db().settings.get(key))?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
	await guarded(() => db().settings.put({ key, value }));
}

/** Field error for a text that is required and has a maximum length. */
export function textError(
	field: string,
	value: string,
	max: number,
	required: boolean
): { field: string; code: string } | null {
	const v = value.trim();
	if (!v && required) return { field, code: `${field === 'title' ? 'title' : 'text'}_required` };
	if (v.length > max) return { field, code: 'text_too_long' };
	return null;
}

export const isFiniteNumber = (n: unknown): n is number =>
	typeof n === 'number' && Number.isFinite(n);

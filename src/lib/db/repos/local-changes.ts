import { CHANGE_FIELD } from '$lib/sync/change-number';
import {
	CHANGE_COUNTER_KEY,
	CHANGE_COUNTER_STORE,
	NUMBERED_TABLES,
	type NumberedTable
} from '../change-counter-middleware';
import { db } from '../db';
import type { RapportDB } from '../schema';

/**
 * What this device wrote after a change number (db/change-counter-middleware.ts): every record
 * and tombstone it stored since, its own edits and what it merged from others alike.
 *
 * Whoever keeps a mark (the last backup, the last file sent to a teammate) takes it with
 * `changeMark` BEFORE reading what it sends: everything numbered up to the mark had committed by
 * then and is read, and whatever is written meanwhile takes a greater number, so the next
 * "changed since the mark" finds it (a record read, then changed before the end, is sent again).
 */

/** The last change number taken on this device (0 before any write). */
export async function changeMark(d: RapportDB = db()): Promise<number> {
	const r = await d.table(CHANGE_COUNTER_STORE).get(CHANGE_COUNTER_KEY);
	return typeof r?.value === 'number' ? r.value : 0;
}

/**
 * The records (or tombstones) of `table` written after change number `after`, in the order they
 * were written, at most `limit`. Numbers are unique, so the next page starts after the last
 * record's number.
 */
export function changedSince(
	table: NumberedTable,
	after: number,
	limit = Infinity,
	d: RapportDB = db()
): Promise<Record<string, unknown>[]> {
	const range = d.table(table).where('_chg').above(after);
	return (Number.isFinite(limit) ? range.limit(limit) : range).toArray();
}

/**
 * The records (or tombstones) of `table` whose last write here took a number after `after` and
 * at most `upTo`, in the order they were written, at most `limit`: what a file of changes carries
 * of the run (after, upTo]. A record written again after `upTo` has left the run.
 */
export function changedBetween(
	table: NumberedTable,
	after: number,
	upTo: number,
	limit: number,
	d: RapportDB = db()
): Promise<Record<string, unknown>[]> {
	if (upTo <= after) return Promise.resolve([]);
	return d.table(table).where('_chg').between(after, upTo, false, true).limit(limit).toArray();
}

/** The number of a record read from the database: its last write here (0 when it has none). */
export function changeNumberOf(r: object): number {
	const n: unknown = Reflect.get(r, CHANGE_FIELD);
	return typeof n === 'number' ? n : 0;
}

/** How many records and tombstones were written after change number `after`. */
export async function countChangedSince(after: number, d: RapportDB = db()): Promise<number> {
	const tables = NUMBERED_TABLES.map((t) => d.table(t));
	return d.transaction('r', tables, async () => {
		let n = 0;
		for (const t of tables) n += await t.where('_chg').above(after).count();
		return n;
	});
}

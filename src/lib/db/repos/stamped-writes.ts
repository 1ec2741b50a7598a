import { editRecord } from '$lib/sync/edit';
import type { Stamp } from '$lib/sync/stamp';
import { derivedFields } from '$lib/sync/tables';
import type { RapportDB } from '../schema';
import { LastContact, withSearchKeys } from './snapshot-derive';
import { HeldCustomers } from './snapshot-held';
import type { Row } from './undo-plan';

type SearchKeysOf = Parameters<typeof withSearchKeys>[0];

/**
 * Many records' writes in the caller's transaction (an Undo, a restore from the trash): stamped
 * edits (so they merge like any edit) with their derived fields recomputed, and removals. They
 * are written per table in bulk by `finish` (an undo may touch every record of a large import;
 * each record is written at most once: an edited customer is held until its "last contacted" is
 * recomputed where the log changed).
 */
export class StampedWrites {
	readonly customerIds = new Set<string>();
	readonly #lastContact = new LastContact();
	readonly #customers = new HeldCustomers();
	readonly #puts = new Map<string, Row[]>();
	readonly #deletes = new Map<string, string[]>();

	constructor(
		readonly d: RapportDB,
		readonly stamp: () => Stamp,
		readonly searchKeysOf: SearchKeysOf
	) {}

	edit(table: string, before: Row, patch: Record<string, unknown>): void {
		const derived = derivedFields(table);
		const edit = editRecord(before, patch, this.stamp(), derived);
		if (edit.changed.length === 0) return;
		let next = edit.next;
		if (table === 'customers') {
			next = withSearchKeys(this.searchKeysOf, next, edit.changed);
			this.customerIds.add(next.id);
			// Written by `finish` with its last contact, once.
			this.#customers.set(next, true);
			return;
		}
		if (table === 'interactions') this.#lastContact.note(before, next);
		add(this.#puts, table, next);
	}

	remove(table: string, record: Row): void {
		if (table === 'customers') {
			this.customerIds.add(record.id);
			this.#customers.drop(record.id);
		}
		if (table === 'interactions') this.#lastContact.note(record, undefined);
		add(this.#deletes, table, record.id);
	}

	/** Writes everything; returns every customer whose list row changed. */
	async finish(): Promise<Set<string>> {
		for (const [table, ids] of this.#deletes) await this.d.table(table).bulkDelete(ids);
		for (const [table, rows] of this.#puts) await this.d.table(table).bulkPut(rows);
		for (const id of await this.#customers.write(this.d, this.#lastContact))
			this.customerIds.add(id);
		return this.customerIds;
	}
}

function add<T>(m: Map<string, T[]>, key: string, value: T): void {
	const list = m.get(key);
	if (list) list.push(value);
	else m.set(key, [value]);
}

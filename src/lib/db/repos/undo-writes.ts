import { editRecord } from '$lib/sync/edit';
import type { Stamp } from '$lib/sync/stamp';
import type { RapportDB } from '../schema';
import { DERIVED_FIELDS, type SyncedTable } from '../tables';
import { LastContact, withSearchKeys } from './snapshot-derive';
import type { Row } from './undo-plan';

type SearchKeysOf = Parameters<typeof withSearchKeys>[0];

/**
 * The writes of an Undo, in the caller's transaction: stamped edits (so the undo merges like any
 * edit) with their derived fields recomputed, and removals. It remembers which customers' list
 * rows changed and recomputes "last contacted" where the log changed.
 */
export class UndoWrites {
	readonly customerIds = new Set<string>();
	readonly #lastContact = new LastContact();

	constructor(
		readonly d: RapportDB,
		readonly stamp: () => Stamp,
		readonly searchKeysOf: SearchKeysOf
	) {}

	async edit(table: string, before: Row, patch: Record<string, unknown>): Promise<void> {
		const derived = DERIVED_FIELDS[table as SyncedTable] ?? [];
		const edit = editRecord(before, patch, this.stamp(), derived);
		if (edit.changed.length === 0) return;
		let next = edit.next;
		if (table === 'customers') {
			next = withSearchKeys(this.searchKeysOf, next, edit.changed);
			this.customerIds.add(next.id);
		}
		if (table === 'interactions') this.#lastContact.note(before, next);
		await this.d.table(table).put(next);
	}

	async remove(table: string, record: Row): Promise<void> {
		await this.d.table(table).delete(record.id);
		if (table === 'customers') this.customerIds.add(record.id);
		if (table === 'interactions') this.#lastContact.note(record, undefined);
	}

	/** Writes "last contacted" where the log changed; returns every customer whose row changed. */
	async finish(): Promise<Set<string>> {
		for (const id of await this.#lastContact.flush(this.d)) this.customerIds.add(id);
		return this.customerIds;
	}
}

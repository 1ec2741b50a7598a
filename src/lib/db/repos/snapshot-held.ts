import type { SyncRecord } from '$lib/sync/merge';
import type { RapportDB } from '../schema';
import type { LastContact } from './snapshot-derive';

type Row = SyncRecord & Record<string, unknown>;

interface Held {
	row: Row;
	/** Stored before the apply: put at the end. Else new here: added. */
	stored: boolean;
}

/**
 * The customers an apply merged, kept in memory until its end instead of written at once: their
 * `lastContactAt` depends on interactions that come later in the file (or in a later file of a
 * batch), so writing them at once and again with it would write each of them twice. Later pages
 * and files read them here before the database (`get`); a tombstone takes them out (`drop`);
 * `write` gives each its last contact and writes it once.
 */
export class HeldCustomers {
	readonly #rows = new Map<string, Held>();

	get(id: string): Row | undefined {
		return this.#rows.get(id)?.row;
	}

	/** The merged customer; `stored` says it was read from the database rather than made here. */
	set(row: Row, stored: boolean): void {
		const was = this.#rows.get(row.id);
		this.#rows.set(row.id, { row, stored: was ? was.stored : stored });
	}

	/** Takes a held customer out (an erasure); whether it is also stored, to be deleted there. */
	drop(id: string): Held | undefined {
		const held = this.#rows.get(id);
		this.#rows.delete(id);
		return held;
	}

	/**
	 * Every customer of the apply written once, with its last contact, and the customers stored
	 * before whose log changed: the ids whose `lastContactAt` was written.
	 */
	async write(d: RapportDB, lastContact: LastContact): Promise<string[]> {
		const written = await lastContact.flush(d, this);
		const adds: Row[] = [];
		const puts: Row[] = [];
		for (const { row, stored } of this.#rows.values()) (stored ? puts : adds).push(row);
		this.#rows.clear();
		if (adds.length > 0) await d.customers.bulkAdd(adds as never[]);
		if (puts.length > 0) await d.customers.bulkPut(puts as never[]);
		return written;
	}

	/** Sets a held customer's last contact (no write: `write` does it once). */
	setLastContact(id: string, at: number | null): void {
		const held = this.#rows.get(id);
		if (held) held.row = { ...held.row, lastContactAt: at };
	}
}

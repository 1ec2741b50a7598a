import Dexie, { cmp, type IndexableType, type Table, type Transaction } from 'dexie';
import { CHANGE_FIELD } from '$lib/sync/change-number';
import {
	CHANGE_COUNTER_KEY,
	CHANGE_COUNTER_STORE,
	type ChangeCount
} from '../change-counter-middleware';

/**
 * Version 9: the local change counter (db/change-counter-middleware.ts). Sending a teammate "my
 * changes" needs what this device wrote since the last file it sent them, and the stamps cannot
 * say it: a record merged from another teammate keeps its author's stamps.
 *
 * - `_chg` on every synced table and on tombstones: the number of the last write of the record
 *   here, so that "changed after N" is an index range.
 * - `changeCounter` (key `key`): the last number taken. Afterwards the middleware numbers every
 *   write in the writing transaction.
 *
 * The upgrade numbers every stored record and tombstone, in one pass, oldest first (by
 * `_meta.updated`, tombstones by `hlc`), so that old records take low numbers: the tables are read
 * side by side in pages along those indexes and merged. It rewrites every record, which on a large
 * database takes a while (as long as IndexedDB takes to write them): it reports how far it got,
 * and the app shows it (upgrade-status.svelte.ts).
 * Records without a stamp (not in the index) are numbered after the others.
 *
 * The tables are the ones of this version, named here: a later version's tables are not there yet
 * when this upgrade runs. Every index of each table is restated (Dexie replaces a table's index
 * list with the new one).
 */
const TABLES = [
	'members',
	'customers',
	'contacts',
	'interactions',
	'tasks',
	'deals',
	'orders',
	'tickets',
	'feedback',
	'goals',
	'reviews'
] as const;

export const v9 = {
	version: 9,
	stores: {
		members: 'id, _meta.updated, _chg',
		customers: 'id, ownerId, trashedAt, _meta.updated, [ownerId+createdAt], _chg',
		contacts: 'id, customerId, _meta.updated, _chg',
		interactions:
			'id, customerId, [customerId+at], ownerId, _meta.updated, [ownerId+at], [ownerId+type+at], trashedAt, _chg',
		tasks:
			'id, customerId, dealId, ownerId, _meta.updated, [ownerId+dueAt], [ownerId+doneAt], [ownerId+openDueAt], _chg',
		deals:
			'id, customerId, ownerId, _meta.updated, [ownerId+stage+amount.currency+amount.minor+probability], trashedAt, [ownerId+stage+expectedClose], _chg',
		orders: 'id, customerId, dealId, ownerId, _meta.updated, [ownerId+at], _chg',
		tickets: 'id, customerId, ownerId, _meta.updated, [ownerId+openDeadlineAt], _chg',
		feedback: 'id, customerId, ownerId, _meta.updated, [ownerId+at], [customerId+at], _chg',
		goals: 'id, ownerId, _meta.updated, _chg',
		reviews: 'id, memberId, _meta.updated, _chg',
		tombstones: '[table+id], hlc, _chg',
		changeCounter: 'key'
	},
	upgrade: (tx: Transaction, report?: UpgradeReport) => numberEverything(tx, report)
} as const;

/** How far an upgrade got: `done` of `total` records. */
export type UpgradeReport = (done: number, total: number) => void;

/** Records read per table per page, and written per batch. */
const PAGE = 500;
const FIELD = CHANGE_FIELD;

type Row = Record<string, unknown>;
type AnyTable = Table<Row, IndexableType>;

/** IndexedDB's order of keys; stamps are strings, compared without a call into Dexie. */
const order = (a: IndexableType, b: IndexableType): number =>
	typeof a === 'string' && typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : cmp(a, b);

/** One table read in the order of an index, a page at a time. */
class Pages {
	#page: Row[] = [];
	#at = 0;
	/** The index key of the last page's last record: the next page starts after it. */
	#after: IndexableType | undefined;
	#ended = false;
	/** Records read, so that those missing from the index can be told. */
	read = 0;

	constructor(
		readonly table: AnyTable,
		readonly index: string,
		readonly key: (r: Row) => IndexableType
	) {}

	/** The next record, without taking it; undefined when the page is used up (see `more`). */
	get head(): Row | undefined {
		return this.#page[this.#at];
	}

	/** Whether a page is to be read before `head` can answer. */
	get more(): boolean {
		return this.#at >= this.#page.length && !this.#ended;
	}

	take(): void {
		this.#at++;
	}

	/**
	 * The page after the last key. A full page may stop inside a run of records with its last key
	 * (stamps shared by several records): that run is read whole, so the next page starts cleanly
	 * after it.
	 */
	async next(): Promise<void> {
		const t = this.table;
		const after = this.#after;
		const coll = after === undefined ? t.orderBy(this.index) : t.where(this.index).above(after);
		let page = await coll.limit(PAGE).toArray();
		if (page.length < PAGE) this.#ended = true;
		else {
			const last = this.key(page[page.length - 1]!);
			page = page.filter((r) => order(this.key(r), last) !== 0);
			page.push(...(await t.where(this.index).equals(last).toArray()));
			this.#after = last;
		}
		this.#page = page;
		this.#at = 0;
		this.read += page.length;
	}
}

/**
 * Writes rows straight into the upgrade's IndexedDB transaction. Only the number changes, so
 * nothing the other layers keep follows from it (tallies, open-only keys, live queries), and
 * the numbers are this upgrade's own: it goes under Dexie's layers, which would only add work.
 */
function putAll(tx: Transaction, store: string, rows: Row[]): Promise<void> {
	return new Dexie.Promise<void>((resolve, reject) => {
		const s = tx.idbtrans.objectStore(store);
		let last: IDBRequest | undefined;
		for (const r of rows) last = s.put(r);
		if (!last) return resolve();
		last.onsuccess = () => resolve();
		last.onerror = () => reject(last.error);
	});
}

const stampOf = (r: Row) => (r._meta as { updated?: IndexableType } | undefined)?.updated ?? '';
const hlcOf = (r: Row) => (r.hlc as IndexableType | undefined) ?? '';

async function numberEverything(tx: Transaction, report: UpgradeReport = () => undefined) {
	const sources = [
		...TABLES.map((name) => new Pages(tx.table(name), '_meta.updated', stampOf)),
		new Pages(tx.table('tombstones'), 'hlc', hlcOf)
	];
	const counts: number[] = [];
	for (const s of sources) counts.push(await s.table.count());
	const total = counts.reduce((a, b) => a + b, 0);
	let n = 0;
	report(0, total);
	const batch = new Map<AnyTable, Row[]>();
	const flush = async () => {
		for (const [table, rows] of batch) await putAll(tx, table.name, rows);
		batch.clear();
		report(n, total);
	};
	const number = (table: AnyTable, r: Row) => {
		const rows = batch.get(table);
		const numbered = { ...r, [FIELD]: ++n };
		if (rows) rows.push(numbered);
		else batch.set(table, [numbered]);
	};
	for (;;) {
		for (const s of sources) if (s.more) await s.next();
		// The oldest head of all tables; on a tie, the first table listed.
		let oldest: Pages | undefined;
		for (const s of sources)
			if (s.head && (!oldest || order(s.key(s.head), oldest.key(oldest.head!)) < 0)) oldest = s;
		if (!oldest) break;
		number(oldest.table, oldest.head!);
		oldest.take();
		if (n % PAGE === 0) await flush();
	}
	await flush();
	// A record whose stamp IndexedDB cannot index (damaged data) is in no page: numbered last.
	for (const [i, s] of sources.entries())
		if (s.read < counts[i]!) {
			for (const r of await s.table.filter((r) => !(FIELD in r)).toArray()) number(s.table, r);
			await flush();
		}
	const counter: ChangeCount = { key: CHANGE_COUNTER_KEY, value: n };
	await tx.table(CHANGE_COUNTER_STORE).put(counter);
}

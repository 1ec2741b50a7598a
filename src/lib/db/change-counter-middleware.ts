import Dexie, {
	type DBCore,
	type DBCoreMutateRequest,
	type DBCoreMutateResponse,
	type DBCoreTable,
	type DBCoreTransaction,
	type Middleware
} from 'dexie';
import { CHANGE_FIELD } from '$lib/sync/change-number';
import { hasStore, isUpgrade, widenedTo } from './dbcore-trans';
import { SYNCED_TABLES } from '$lib/sync/tables';

/**
 * Numbers every write of this device: each record and tombstone written gets the next local
 * change number (`_chg`, sync/change-number.ts), indexed, so that "everything changed here after
 * N" is one index range. Stamps cannot say it: a record merged from a teammate keeps its author's
 * stamps, yet this device has to pass it on. Every path (forms, the CSV import's worker, snapshot
 * merges, undo, purges, erasures, restore) writes through Dexie's DBCore, so no caller sets the
 * number or can forget it; a number a caller brings (a record read, then put back) is replaced.
 *
 * - The counter is one record in its own store. Read-write transactions over a numbered table are
 *   widened to that store (as the tallies middleware widens to its own), which reads it once and
 *   writes it back with each write: the values of one write take consecutive numbers, and later
 *   writes of the transaction the numbers after them. A write rolled back takes its numbers with
 *   it, so the counter and the records never disagree.
 * - One counter for every tab and worker of this device: it lives in IndexedDB and is read and
 *   written inside the writing transaction, and IndexedDB never runs two read-write transactions
 *   whose scopes overlap at the same time (the later one starts when the earlier one has
 *   finished). Every numbering transaction holds the counter store, so they run one at a time,
 *   whichever connection made them: numbers increase in commit order across tabs and workers,
 *   and a transaction that took a number has committed before any transaction with a greater one
 *   starts.
 * - So a reader never misses a write. A transaction that took a number at or below the counter a
 *   reader has read had committed before that read (it had finished writing the counter), and
 *   every later write takes a greater number. A reader that reads the counter (changeMark) before
 *   it reads "changed after N", and later asks for "changed after" that mark, sees every write: a
 *   record that took a number at or below the mark later is impossible, and a record rewritten
 *   meanwhile moves above the mark to be read next time. (IndexedDB also gives each read-only
 *   transaction a state in which every read-write transaction created before it has finished and
 *   none created after it has started.)
 * - Hard deletes take no number: nothing is left to carry one. Purges and erasures leave
 *   tombstones, which are numbered. The few deletes that leave none are named in
 *   docs/ARCHITECTURE.md ("The change counter").
 * - In a schema upgrade a value that carries a number keeps it: an upgrade rewrites records the
 *   same way on every device, which is not a change to pass on. A value without one is numbered
 *   as usual. (v9, which gave the stored records their first numbers, wrote them under this
 *   layer, oldest first.)
 * - It sits under the tallies and open-keys layers (which hand it their writes) and over the
 *   liveQuery layer (level 0), so that live queries hear of the counter and the index. What it
 *   returns is the Dexie promise of the layer below (see tallies-middleware.ts for why no
 *   `async` here).
 */

export const CHANGE_COUNTER_STORE = 'changeCounter';
/** The key of the counter's one record in its store. */
export const CHANGE_COUNTER_KEY = 'last';

/** The counter's record: the last number any write of this device took (0 before the first). */
export interface ChangeCount {
	key: typeof CHANGE_COUNTER_KEY;
	value: number;
}

/** The stores whose records are numbered: every synced table, and the tombstones. */
export const NUMBERED_TABLES = [...SYNCED_TABLES, 'tombstones'] as const;
export type NumberedTable = (typeof NUMBERED_TABLES)[number];
const NUMBERED: ReadonlySet<string> = new Set(NUMBERED_TABLES);

export const isNumberedTable = (name: string): name is NumberedTable => NUMBERED.has(name);

/** The counter of one transaction once read: the last number it handed out. */
interface Counter {
	last: number;
}

const counters = new WeakMap<DBCoreTransaction, Promise<Counter>>();

const lastOf = (r: unknown): number => {
	const v = (r as Partial<ChangeCount> | undefined)?.value;
	return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0;
};

function failure(res: DBCoreMutateResponse): unknown {
	return Object.values(res.failures)[0] ?? new Error('the change counter was not written');
}

/**
 * The first of `count` new numbers. Requests are answered in the order they were made (one
 * promise per transaction, and its callbacks run in order), so the numbers follow the writes.
 */
function reserve(counter: DBCoreTable, trans: DBCoreTransaction, count: number): Promise<number> {
	let state = counters.get(trans);
	if (!state) {
		state = counter
			.get({ trans, key: CHANGE_COUNTER_KEY })
			.then((r: unknown): Counter => ({ last: lastOf(r) }));
		counters.set(trans, state);
	}
	return state.then((c) => {
		const first = c.last + 1;
		c.last += count;
		const value: ChangeCount = { key: CHANGE_COUNTER_KEY, value: c.last };
		return counter.mutate({ type: 'put', trans, values: [value] }).then((res) => {
			if (res.numFailures > 0) throw failure(res);
			return first;
		});
	});
}

type Row = Record<string, unknown>;
const numberOf = (v: Row) => v[CHANGE_FIELD];
const hasNumber = (v: Row) => typeof numberOf(v) === 'number';

function numbered(
	counter: DBCoreTable,
	table: DBCoreTable,
	req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>
): Promise<DBCoreMutateResponse> {
	const trans = req.trans;
	// Every read-write transaction over a numbered table is widened below: one without the counter
	// would be a write left unnumbered, which a later "changed after" would never find.
	if (!hasStore(trans, CHANGE_COUNTER_STORE))
		return Dexie.Promise.reject(new Error(`a write to ${table.name} without the change counter`));
	const keep = isUpgrade(trans);
	const values = req.values as Row[];
	const count = keep ? values.filter((v) => !hasNumber(v)).length : values.length;
	if (count === 0) return table.mutate(req);
	return reserve(counter, trans, count).then((first) => {
		let next = first;
		const out = values.map((v) => (keep && hasNumber(v) ? v : { ...v, [CHANGE_FIELD]: next++ }));
		return table.mutate({ ...req, values: out });
	});
}

export const changeCounterMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'RapportChangeCounter',
	level: 1.4,
	create(down) {
		// Absent while an older version's upgrade runs (the store comes with v9): v9 numbers what
		// those upgrades wrote.
		const present = down.schema.tables.some((t) => t.name === CHANGE_COUNTER_STORE);
		if (!present) return {};
		return {
			transaction: widenedTo(down, CHANGE_COUNTER_STORE, isNumberedTable),
			table(name) {
				const table = down.table(name);
				if (!isNumberedTable(name)) return table;
				const counter = down.table(CHANGE_COUNTER_STORE);
				return {
					...table,
					mutate: (req) =>
						req.type === 'add' || req.type === 'put'
							? numbered(counter, table, req)
							: table.mutate(req)
				};
			}
		};
	}
};

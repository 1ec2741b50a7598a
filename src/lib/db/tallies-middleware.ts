import Dexie, {
	type DBCore,
	type DBCoreMutateRequest,
	type DBCoreMutateResponse,
	type DBCoreTable,
	type DBCoreTransaction,
	type Middleware
} from 'dexie';
import {
	TALLY_META_KEY,
	TallyDeltas,
	applyDelta,
	isTalliedTable,
	type Tally,
	type TalliedTable,
	type TallyMeta
} from '$lib/domain/reports/tallies';
import { LatestWork, raisedMarks, type WorkMark } from '$lib/domain/team/staleness';
import { hasStore, widenedTo } from './dbcore-trans';
import { storedByKeys } from './tally-reads';

/**
 * Keeps the tallies (domain/reports/tallies.ts) current, and each author's work mark
 * (domain/team/staleness.ts): every write to a tallied table, whatever path it takes (forms, the
 * CSV import's worker, snapshot merges, undo, purges), passes through Dexie's DBCore, and this
 * layer adds to the same transaction the change it makes to the sums. A write that fails or is
 * rolled back takes its tally change with it. A bulk write (`withSummedTallies`) sums its changes
 * in memory and writes them once, when it ends.
 *
 * - Read-write transactions over a tallied table are widened to the tallies store (the way
 *   dexie-cloud adds its mutation log), so no caller has to name it.
 * - The writes of one transaction to tallied tables run one after another, each with its tally
 *   update: two in flight side by side would otherwise both read the same old sum (or the same
 *   old record) and one change would be lost.
 * - It sits under Dexie's hooks layer (level 2), which needs the Dexie transaction of the caller's
 *   zone and would refuse the tallies store, which that transaction does not name; and over the
 *   liveQuery layer (level 0), so that a live query reading tallies hears of their changes. What
 *   it returns is the Dexie promise of the layer below, so every layer keeps its zone.
 * - Without the meta record (a database being upgraded to the version that creates the tallies,
 *   which then builds them from the records) nothing is tallied.
 */

export const TALLIES_STORE = 'tallies';

const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/*
 * No `async`/`await` below: the layers under this one (liveQuery's cache) find the caller's
 * Dexie transaction in Dexie's zone, which only Dexie's own promises carry from one step to the
 * next. Every step is chained on the promise the layer below returned.
 */

/** One after another within a transaction; a failed step does not stop the next. */
function enqueue<T>(trans: DBCoreTransaction, step: () => Promise<T>): Promise<T> {
	const run = () => step();
	const next = (queues.get(trans) ?? Dexie.Promise.resolve()).then(run, run);
	queues.set(trans, next);
	return next;
}

/** Records as they were before the write, for the kinds of write that replace or remove. */
export function before(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
	const trans = req.trans;
	if (req.type === 'add') return Dexie.Promise.resolve([]);
	if (req.type === 'deleteRange')
		return table
			.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
			.then((res) => res.result);
	const keys =
		req.type === 'delete'
			? req.keys
			: (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v)));
	return table.getMany({ trans, keys });
}

export function failed(res: DBCoreMutateResponse, i: number): boolean {
	return res.numFailures > 0 && res.failures[i] !== undefined;
}

function writeDeltas(tallies: DBCoreTable, trans: DBCoreTransaction, list: Tally[]): Promise<void> {
	if (list.length === 0) return Dexie.Promise.resolve();
	return storedByKeys<Tally>(
		tallies,
		trans,
		list.map((d) => d.k)
	)
		.then((stored: (Tally | undefined)[]) =>
			tallies.mutate({ type: 'put', trans, values: list.map((d, i) => applyDelta(stored[i], d)) })
		)
		.then((res) => {
			if (res.numFailures > 0) throw Object.values(res.failures)[0];
		});
}

/**
 * Notes the newest stamp of each author the write stored, for their work marks
 * (domain/team/staleness.ts). Stamps far ahead of this device's clock are left out, as the
 * dashboard leaves them out.
 */
function noteWork(seen: LatestWork, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
	if (req.type !== 'add' && req.type !== 'put') return;
	req.values.forEach((r, i) => {
		if (!failed(res, i)) seen.addStamped(r);
	});
}

/** Raises each author's work mark to the newest stamp `seen` holds. */
function raiseWorkMarks(
	tallies: DBCoreTable,
	trans: DBCoreTransaction,
	seen: LatestWork
): Promise<void> {
	const fresh = seen.marks();
	if (fresh.length === 0) return Dexie.Promise.resolve();
	return tallies
		.getMany({ trans, keys: fresh.map((m) => m.k) })
		.then((stored: (WorkMark | undefined)[]) => {
			const raised = raisedMarks(stored, fresh);
			return raised.length > 0
				? tallies.mutate({ type: 'put', trans, values: raised })
				: { numFailures: 0, failures: {} };
		})
		.then((r: { numFailures: number; failures: unknown }) => {
			if (r.numFailures > 0) throw Object.values(r.failures as object)[0];
		});
}

/** Adds the deltas of one write to `deltas`: what the old records took away, the new ones add. */
function addDeltas(
	deltas: TallyDeltas,
	name: TalliedTable,
	req: DBCoreMutateRequest,
	old: unknown[],
	res: DBCoreMutateResponse,
	offsetMin: number
): void {
	// deleteRange reports no failures per record; every other kind lists them by position.
	old.forEach((r, i) => {
		if (req.type === 'deleteRange' || !failed(res, i)) deltas.add(name, r, -1, offsetMin);
	});
	if (req.type === 'add' || req.type === 'put')
		req.values.forEach((r, i) => {
			if (!failed(res, i)) deltas.add(name, r, 1, offsetMin);
		});
}

/**
 * The tally changes of a bulk write, summed in memory over its whole transaction and written once
 * when it ends (`withSummedTallies`). A restore writes its records a thousand at a time, and each
 * thousand touches most of the same few thousand sums (one per owner, day and type): written per
 * batch, the sums cost about as many requests as the records themselves.
 */
interface Summed {
	deltas: TallyDeltas;
	work: LatestWork;
	/** The meta record's offset, read once (null: no meta, nothing is tallied). */
	offsetMin?: number | null;
	/** The tallies store of the layer below, known from the first write. */
	tallies?: DBCoreTable;
}

const summed = new WeakMap<DBCoreTransaction, Summed>();

const pending = (s: Summed | undefined): s is Summed => !!s?.tallies;

const fresh = (): Pick<Summed, 'deltas' | 'work'> => ({
	deltas: new TallyDeltas(),
	work: new LatestWork(Date.now())
});

/** Writes summed changes: the sums, then the work marks. */
function writeSums(
	tallies: DBCoreTable,
	trans: DBCoreTransaction,
	{ deltas, work }: Pick<Summed, 'deltas' | 'work'>
): Promise<void> {
	return writeDeltas(tallies, trans, deltas.list()).then(() =>
		raiseWorkMarks(tallies, trans, work)
	);
}

/** Writes what `s` summed so far, in the transaction's queue of tallied writes. */
function flush(trans: DBCoreTransaction, s: Summed): Promise<void> {
	return enqueue(trans, () => {
		const tallies = s.tallies;
		if (!tallies) return Dexie.Promise.resolve();
		const sums = { deltas: s.deltas, work: s.work };
		const next = fresh();
		s.deltas = next.deltas;
		s.work = next.work;
		s.tallies = undefined;
		return writeSums(tallies, trans, sums);
	});
}

/**
 * Runs `body`, a bulk write inside a read-write transaction, with its tally changes summed in
 * memory and written once at its end. Reading the tallies in the same transaction still sees
 * every change: a read of a sum still pending writes the pending sums first. The end is chained
 * on Dexie's promise, not awaited, so that the last write runs in the transaction's zone however
 * `body` awaited. Call it from the transaction's scope function declared `async`: Dexie follows
 * the native awaits of `body` only then.
 */
export function withSummedTallies<T>(body: () => Promise<T>): Promise<T> {
	const trans = Dexie.currentTransaction?.idbtrans as DBCoreTransaction | undefined;
	if (!trans || summed.has(trans)) return body();
	const s: Summed = fresh();
	summed.set(trans, s);
	return Dexie.Promise.resolve(body())
		.then((out) => flush(trans, s).then(() => out))
		.finally(() => summed.delete(trans));
}

/** The meta record's offset; null when there is none (nothing is tallied then). */
function offsetOf(tallies: DBCoreTable, trans: DBCoreTransaction, s?: Summed) {
	if (s?.offsetMin !== undefined) return Dexie.Promise.resolve(s.offsetMin);
	return tallies.get({ trans, key: TALLY_META_KEY }).then((meta: TallyMeta | undefined) => {
		const offset = meta ? meta.offsetMin : null;
		if (s) s.offsetMin = offset;
		return offset;
	});
}

function tallied(
	down: DBCore,
	table: DBCoreTable,
	name: TalliedTable,
	req: DBCoreMutateRequest
): Promise<DBCoreMutateResponse> {
	if (!hasStore(req.trans, TALLIES_STORE)) return table.mutate(req);
	const tallies = down.table(TALLIES_STORE);
	const trans = req.trans;
	// The whole write is queued, not only its tally: the records read before it must be the ones
	// it replaces, with no other write of the same transaction landing in between.
	return enqueue(trans, () =>
		before(table, req).then((old) =>
			table.mutate(req).then((res) => {
				const s = summed.get(trans);
				return offsetOf(tallies, trans, s)
					.then((offsetMin) => {
						if (offsetMin === null) return;
						const sums = s ?? fresh();
						addDeltas(sums.deltas, name, req, old, res, offsetMin);
						noteWork(sums.work, req, res);
						if (!s) return writeSums(tallies, trans, sums);
						s.tallies = tallies;
					})
					.then(() => res);
			})
		)
	);
}

/**
 * The tallies store as the layers above see it: while a transaction sums its tallies, a read of a
 * sum it holds (or any read or write that is not by key) first writes what it holds.
 */
function tallyStore(table: DBCoreTable): DBCoreTable {
	const holds = (trans: DBCoreTransaction, keys: readonly unknown[]) => {
		const s = summed.get(trans);
		return pending(s) && keys.some((k) => s.deltas.has(k) || isWorkKey(k)) ? s : undefined;
	};
	const first = <R>(trans: DBCoreTransaction, s: Summed | undefined, then: () => Promise<R>) =>
		s ? flush(trans, s).then(then) : then();
	const any = (trans: DBCoreTransaction) => {
		const s = summed.get(trans);
		return pending(s) ? s : undefined;
	};
	return {
		...table,
		get: (req) => first(req.trans, holds(req.trans, [req.key]), () => table.get(req)),
		getMany: (req) => first(req.trans, holds(req.trans, req.keys), () => table.getMany(req)),
		query: (req) => first(req.trans, any(req.trans), () => table.query(req)),
		openCursor: (req) => first(req.trans, any(req.trans), () => table.openCursor(req)),
		count: (req) => first(req.trans, any(req.trans), () => table.count(req)),
		mutate: (req) => {
			const keys =
				req.type === 'add' || req.type === 'put'
					? req.values.map((v) => (v as { k?: unknown } | null)?.k)
					: req.type === 'delete'
						? req.keys
						: null;
			const s = keys ? holds(req.trans, keys) : any(req.trans);
			return first(req.trans, s, () => table.mutate(req));
		}
	};
}

const isWorkKey = (k: unknown): boolean => Array.isArray(k) && k[0] === 'w';

export const talliesMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'RapportTallies',
	level: 1.5,
	create(down) {
		const present = down.schema.tables.some((t) => t.name === TALLIES_STORE);
		return {
			...(present ? { transaction: widenedTo(down, TALLIES_STORE, isTalliedTable) } : {}),
			table(name) {
				const table = down.table(name);
				if (name === TALLIES_STORE) return tallyStore(table);
				if (!isTalliedTable(name)) return table;
				return {
					...table,
					mutate: (req) => tallied(down, table, name, req)
				};
			}
		};
	}
};

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
 * (domain/team/staleness.ts): every write to a tallied table, whatever path it takes (forms, the CSV import's worker, snapshot merges, undo, purges),
 * passes through Dexie's DBCore, and this layer adds to the same transaction the change it makes
 * to the sums. A write that fails or is rolled back takes its tally change with it.
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
 * Raises each author's work mark (domain/team/staleness.ts) to the newest stamp the write stored.
 * Stamps far ahead of this device's clock are left out, as the dashboard leaves them out.
 */
function raiseWorkMarks(
	tallies: DBCoreTable,
	trans: DBCoreTransaction,
	req: DBCoreMutateRequest,
	res: DBCoreMutateResponse
): Promise<void> {
	if (req.type !== 'add' && req.type !== 'put') return Dexie.Promise.resolve();
	const seen = new LatestWork(Date.now());
	req.values.forEach((r, i) => {
		if (!failed(res, i)) seen.addStamped(r);
	});
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

/** The deltas of one write: what the old records took away and the new ones add. */
function deltasOf(
	name: TalliedTable,
	req: DBCoreMutateRequest,
	old: unknown[],
	res: DBCoreMutateResponse,
	offsetMin: number
): Tally[] {
	const deltas = new TallyDeltas();
	// deleteRange reports no failures per record; every other kind lists them by position.
	old.forEach((r, i) => {
		if (req.type === 'deleteRange' || !failed(res, i)) deltas.add(name, r, -1, offsetMin);
	});
	if (req.type === 'add' || req.type === 'put')
		req.values.forEach((r, i) => {
			if (!failed(res, i)) deltas.add(name, r, 1, offsetMin);
		});
	return deltas.list();
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
			table.mutate(req).then((res) =>
				tallies
					.get({ trans, key: TALLY_META_KEY })
					.then((meta: TallyMeta | undefined) =>
						meta
							? writeDeltas(tallies, trans, deltasOf(name, req, old, res, meta.offsetMin)).then(
									() => raiseWorkMarks(tallies, trans, req, res)
								)
							: undefined
					)
					.then(() => res)
			)
		)
	);
}

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
				if (!isTalliedTable(name)) return table;
				return {
					...table,
					mutate: (req) => tallied(down, table, name, req)
				};
			}
		};
	}
};

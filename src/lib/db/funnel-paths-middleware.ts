import Dexie, {
	type DBCore,
	type DBCoreKeyRange,
	type DBCoreMutateRequest,
	type DBCoreMutateResponse,
	type DBCoreTable,
	type DBCoreTransaction,
	type Middleware
} from 'dexie';
import {
	applyFunnelDelta,
	FunnelDeltas,
	pathMoveOf,
	type FunnelTally,
	type PathMove
} from '$lib/domain/deal/funnel-paths';
import { TALLY_META_KEY, type TallyMeta } from '$lib/domain/reports/tallies';
import type { Id } from '$lib/domain/shared/types';
import { hasStore, isUpgrade } from './dbcore-trans';
import { before, failed, TALLIES_STORE } from './tallies-middleware';

/**
 * Keeps the funnel's path tallies (domain/deal/funnel-paths.ts) current in the same transaction
 * as every write to a deal's moves or to a deal (whose trash takes its moves out of the funnel),
 * whatever path the write takes, as the tallies middleware keeps the other sums. A deal's tallies
 * depend on all its moves, so each write reads the moves of the deals it touches (their `dealId`
 * index) before it, works out their moves after it, and replaces what the deal added by what it
 * adds now. A write to a deal that does not put it in or take it out of the trash changes nothing
 * here.
 *
 * - Read-write transactions over deals or moves are widened to both and to the tallies.
 * - Writes run one after another within a transaction, so none reads another's half-done state.
 * - An upgrade's writes are left alone: a migration that changes moves builds the tallies again
 *   (tallies-rebuild.ts), as v17 first built them.
 */

const DEALS = 'deals';
const MOVES = 'dealStageChanges';
const STORES = [DEALS, MOVES, TALLIES_STORE];

const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/* No `async`/`await`: see tallies-middleware.ts (Dexie's zone rides on its own promises). */

function enqueue<T>(trans: DBCoreTransaction, step: () => Promise<T>): Promise<T> {
	const run = () => step();
	const next = (queues.get(trans) ?? Dexie.Promise.resolve()).then(run, run);
	queues.set(trans, next);
	return next;
}

const idOf = (r: unknown): Id | undefined => {
	const id = (r as { id?: unknown } | null | undefined)?.id;
	return typeof id === 'string' ? id : undefined;
};
const dealIdOf = (r: unknown): Id | undefined => pathMoveOf(r)?.dealId;

/** Every stored move of each deal, as stored, by its `dealId` index. */
function movesOf(
	moves: DBCoreTable,
	trans: DBCoreTransaction,
	ids: readonly Id[]
): Promise<Map<Id, unknown[]>> {
	const index = moves.schema.getIndexByKeyPath('dealId');
	if (!index) throw new Error('dealStageChanges has a dealId index');
	return Dexie.Promise.all(
		ids.map((id) =>
			moves
				.query({
					trans,
					values: true,
					query: { index, range: { type: 1, lower: id, upper: id } as DBCoreKeyRange }
				})
				.then((res) => res.result)
		)
	).then((lists) => new Map(ids.map((id, i) => [id, lists[i] ?? []])));
}

/**
 * Each deal's moves after a write, from its moves before it: the records the write replaced or
 * removed go, the ones it stored come. Worked out rather than read again, which would cost a
 * second index read per deal on every bulk write of moves.
 */
function movesAfter(
	was: ReadonlyMap<Id, unknown[]>,
	old: readonly unknown[],
	req: DBCoreMutateRequest,
	res: DBCoreMutateResponse
): Map<Id, unknown[]> {
	// A write that failed at a position left the record there as it was.
	const gone = new Set(
		old.flatMap((r, i) => (req.type === 'deleteRange' || !failed(res, i) ? (idOf(r) ?? []) : []))
	);
	const stored = new Map<Id, unknown>();
	if (req.type === 'add' || req.type === 'put')
		req.values.forEach((r, i) => {
			const id = idOf(r);
			if (id !== undefined && !failed(res, i)) stored.set(id, r);
		});
	const now = new Map<Id, unknown[]>();
	for (const [dealId, list] of was)
		now.set(
			dealId,
			list.filter((r) => {
				const id = idOf(r);
				return id === undefined || !gone.has(id);
			})
		);
	for (const r of stored.values()) now.get(dealIdOf(r) ?? '')?.push(r);
	return now;
}

const pathMoves = (list: readonly unknown[] | undefined): PathMove[] =>
	(list ?? []).flatMap((r) => pathMoveOf(r) ?? []);

/** The deals among `ids` that are in the trash (a deal not stored is not). */
function trashedOf(
	deals: DBCoreTable,
	trans: DBCoreTransaction,
	ids: readonly Id[]
): Promise<Set<Id>> {
	return deals
		.getMany({ trans, keys: [...ids] })
		.then(
			(list: unknown[]) =>
				new Set(
					ids.filter((_, i) => (list[i] as { trashedAt?: unknown } | undefined)?.trashedAt != null)
				)
		);
}

function writeDeltas(
	tallies: DBCoreTable,
	trans: DBCoreTransaction,
	list: FunnelTally[]
): Promise<void> {
	if (list.length === 0) return Dexie.Promise.resolve();
	return tallies
		.getMany({ trans, keys: list.map((d) => d.k) })
		.then((stored: ({ n: number } | undefined)[]) =>
			tallies.mutate({
				type: 'put',
				trans,
				values: list.map((d, i) => applyFunnelDelta(stored[i], d))
			})
		)
		.then((res) => {
			if (res.numFailures > 0) throw Object.values(res.failures)[0];
		});
}

/** A write to the moves: each touched deal's tallies from its moves before and after. */
function movesWrite(
	down: DBCore,
	table: DBCoreTable,
	req: DBCoreMutateRequest,
	offsetMin: number
): Promise<DBCoreMutateResponse> {
	const trans = req.trans;
	return before(table, req).then((old) => {
		const written = req.type === 'add' || req.type === 'put' ? req.values : [];
		const ids = [...new Set([...old, ...written].flatMap((r) => dealIdOf(r) ?? []))];
		if (ids.length === 0) return table.mutate(req);
		const deals = down.table(DEALS);
		return Dexie.Promise.all([movesOf(table, trans, ids), trashedOf(deals, trans, ids)]).then(
			([was, trashed]) =>
				table.mutate(req).then((res) => {
					const now = movesAfter(was, old, req, res);
					const deltas = new FunnelDeltas();
					for (const id of ids) {
						deltas.add(id, pathMoves(was.get(id)), trashed.has(id), -1, offsetMin);
						deltas.add(id, pathMoves(now.get(id)), trashed.has(id), 1, offsetMin);
					}
					return writeDeltas(down.table(TALLIES_STORE), trans, deltas.list()).then(() => res);
				})
		);
	});
}

/** A write to deals: the deals it puts in or takes out of the trash, from their moves. */
function dealsWrite(
	down: DBCore,
	table: DBCoreTable,
	req: DBCoreMutateRequest,
	offsetMin: number
): Promise<DBCoreMutateResponse> {
	const trans = req.trans;
	return before(table, req).then((old) =>
		table.mutate(req).then((res) => {
			const trashed = (r: unknown) => (r as { trashedAt?: unknown } | undefined)?.trashedAt != null;
			// Whether each deal was in the trash before, and is after (a deal removed is not).
			const was = new Map<Id, boolean>();
			const now = new Map<Id, boolean>();
			old.forEach((r) => {
				const id = idOf(r);
				if (id !== undefined) was.set(id, trashed(r));
			});
			if (req.type === 'add' || req.type === 'put')
				req.values.forEach((r, i) => {
					const id = idOf(r);
					if (id !== undefined && !failed(res, i)) now.set(id, trashed(r));
				});
			else if (req.type === 'delete')
				req.keys.forEach((k, i) => {
					if (typeof k === 'string' && !failed(res, i)) now.set(k, false);
				});
			else old.forEach((r) => idOf(r) !== undefined && now.set(idOf(r) as Id, false));
			const changed = [...now].filter(([id, t]) => (was.get(id) ?? false) !== t).map(([id]) => id);
			if (changed.length === 0) return res;
			return movesOf(down.table(MOVES), trans, changed)
				.then((moves) => {
					const deltas = new FunnelDeltas();
					for (const id of changed) {
						const list = pathMoves(moves.get(id));
						deltas.add(id, list, was.get(id) ?? false, -1, offsetMin);
						deltas.add(id, list, now.get(id) ?? false, 1, offsetMin);
					}
					return writeDeltas(down.table(TALLIES_STORE), trans, deltas.list());
				})
				.then(() => res);
		})
	);
}

function kept(
	down: DBCore,
	table: DBCoreTable,
	name: string,
	req: DBCoreMutateRequest
): Promise<DBCoreMutateResponse> {
	const trans = req.trans;
	if (isUpgrade(trans) || !STORES.every((s) => hasStore(trans, s))) return table.mutate(req);
	return enqueue(trans, () =>
		down
			.table(TALLIES_STORE)
			.get({ trans, key: TALLY_META_KEY })
			.then((meta: TallyMeta | undefined) => {
				if (!meta) return table.mutate(req);
				return name === MOVES
					? movesWrite(down, table, req, meta.offsetMin)
					: dealsWrite(down, table, req, meta.offsetMin);
			})
	);
}

export const funnelPathsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'RapportFunnelPaths',
	level: 1.55,
	create(down) {
		const present = STORES.every((s) => down.schema.tables.some((t) => t.name === s));
		if (!present) return {};
		return {
			transaction: (stores, mode, options) => {
				const widen = mode === 'readwrite' && stores.some((s) => s === DEALS || s === MOVES);
				return down.transaction(
					widen ? [...new Set([...stores, ...STORES])] : stores,
					mode,
					options
				);
			},
			table(name) {
				const table = down.table(name);
				if (name !== DEALS && name !== MOVES) return table;
				return { ...table, mutate: (req) => kept(down, table, name, req) };
			}
		};
	}
};

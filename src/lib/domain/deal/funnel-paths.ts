import { localDay, monthOfDay } from '../reports/tallies';
import type { EpochMs, Id } from '../shared/types';
import type { Funnel, FunnelRow } from './stage-history';
import { DEFAULT_STAGES, type StageDef } from './stages';

/**
 * The conversion funnel of a month from tallies of paths instead of every stage move.
 *
 * The funnel counts distinct deals (stage-history.ts conversionFunnel), so sums of moves would
 * change its figures. What a deal adds to a month's funnel, for any stage settings, is said by its
 * *path*: the stages its moves of the month entered, each with the stage its last entry came from,
 * in the order of those last entries. From it follow the stages it entered, the furthest one and,
 * once the settings say which stages are lost, the stage it was last lost from. Deals with the
 * same path add up, so a month is a few tallies per member and path:
 *
 * - `['P', month, ownerId, path]`: deals whose moves of the month (not trashed) were all made by
 *   `ownerId`, per path;
 * - `['M', month, dealId]`: a deal moved by two or more members in the month (a hand-over): its
 *   moves are read again when the funnel is, as a team may hold one mover and not the other.
 *
 * A deal in the trash adds nothing, as its moves count nowhere. `month` is `monthOfDay` of the
 * local day at the tallies' offset (reports/tallies.ts). Only a funnel over one whole month can be
 * read from them: a deal moved in two months of a quarter counts once in the quarter.
 */

export type FunnelPathKey = readonly ['P', number, Id, string];
export type FunnelMarkKey = readonly ['M', number, Id];
export const FUNNEL_KINDS = ['P', 'M'] as const;

export interface FunnelTally {
	k: FunnelPathKey | FunnelMarkKey;
	/** Deals on this path (1 for a marker while it stands, 0 once it no longer does). */
	n: number;
	/** Always 0: kept so that funnel tallies are shaped like every other tally. */
	minor: number;
	weighted: number;
}

/** What a path tally needs of a move. */
export interface PathMove {
	dealId: Id;
	ownerId: Id;
	from: string | null;
	to: string;
	at: EpochMs;
	trashedAt?: EpochMs | null;
}

type Loose = Record<string, unknown> | null | undefined;

/** A stored move as the tallies take it; null when it cannot be placed (a damaged record). */
export function pathMoveOf(record: unknown): PathMove | null {
	const r = record as Loose;
	if (!r) return null;
	const { dealId, ownerId, from, to, at, trashedAt } = r;
	if (typeof dealId !== 'string' || typeof ownerId !== 'string' || typeof to !== 'string')
		return null;
	if (typeof at !== 'number' || !Number.isFinite(at)) return null;
	if (from !== null && from !== undefined && typeof from !== 'string') return null;
	return {
		dealId,
		ownerId,
		from: typeof from === 'string' ? from : null,
		to,
		at,
		trashedAt: typeof trashedAt === 'number' ? trashedAt : null
	};
}

/**
 * The path of one deal's moves: each stage entered with the stage its last entry came from, in
 * the order of those last entries. A later entry wins, and at one instant the greater stage left,
 * as the funnel picks the loss it counts; so the last lost stage on the path is the one the funnel
 * counts the deal lost from.
 */
export function pathOf(moves: Iterable<Pick<PathMove, 'from' | 'to' | 'at'>>): string {
	const last = new Map<string, { at: EpochMs; from: string }>();
	for (const m of moves) {
		const from = m.from ?? '';
		const prev = last.get(m.to);
		if (!prev || m.at > prev.at || (m.at === prev.at && from > prev.from))
			last.set(m.to, { at: m.at, from });
	}
	const entries = [...last].sort(
		([ta, a], [tb, b]) =>
			a.at - b.at || (a.from < b.from ? -1 : a.from > b.from ? 1 : ta < tb ? -1 : ta > tb ? 1 : 0)
	);
	return JSON.stringify(entries.map(([to, { from }]) => [to, from]));
}

const tally = (k: FunnelTally['k'], n: number): FunnelTally => ({ k, n, minor: 0, weighted: 0 });

/** What one deal adds to the funnel's tallies, from all its moves and whether it is in the trash. */
export function funnelTalliesOfDeal(
	dealId: Id,
	moves: Iterable<PathMove>,
	trashed: boolean,
	offsetMin: number
): FunnelTally[] {
	if (trashed) return [];
	const byMonth = new Map<number, PathMove[]>();
	for (const m of moves) {
		if (m.dealId !== dealId || m.trashedAt != null) continue;
		const month = monthOfDay(localDay(m.at, offsetMin));
		const list = byMonth.get(month) ?? [];
		list.push(m);
		byMonth.set(month, list);
	}
	const out: FunnelTally[] = [];
	for (const [month, list] of byMonth) {
		const owners = new Set(list.map((m) => m.ownerId));
		const [owner] = owners;
		if (owners.size > 1 || owner === undefined) out.push(tally(['M', month, dealId], 1));
		else out.push(tally(['P', month, owner, pathOf(list)], 1));
	}
	return out;
}

/** Changes to the funnel's tallies summed over a batch of deals, one entry per key touched. */
export class FunnelDeltas {
	readonly #byKey = new Map<string, FunnelTally>();

	/** Adds what a deal contributes (`sign` 1 for its state after a write, -1 before it). */
	add(
		dealId: Id,
		moves: Iterable<PathMove>,
		trashed: boolean,
		sign: 1 | -1,
		offsetMin: number
	): void {
		for (const t of funnelTalliesOfDeal(dealId, moves, trashed, offsetMin)) {
			const id = JSON.stringify(t.k);
			const d = this.#byKey.get(id) ?? tally(t.k, 0);
			d.n += sign * t.n;
			this.#byKey.set(id, d);
		}
	}

	list(): FunnelTally[] {
		return [...this.#byKey.values()].filter((d) => d.n !== 0);
	}
}

/** A stored funnel tally with a delta applied (a missing one counts as zero). */
export function applyFunnelDelta(
	stored: { n: number } | undefined,
	delta: FunnelTally
): FunnelTally {
	return tally(delta.k, (stored?.n ?? 0) + delta.n);
}

/** Every funnel tally of a set of moves, built from nothing (a migration, a rebuild, tests). */
export function funnelTalliesOf(
	moves: Iterable<PathMove>,
	trashedDeals: ReadonlySet<Id>,
	offsetMin: number
): FunnelTally[] {
	const byDeal = new Map<Id, PathMove[]>();
	for (const m of moves) {
		const list = byDeal.get(m.dealId) ?? [];
		list.push(m);
		byDeal.set(m.dealId, list);
	}
	const deltas = new FunnelDeltas();
	for (const [dealId, list] of byDeal)
		deltas.add(dealId, list, trashedDeals.has(dealId), 1, offsetMin);
	return deltas.list();
}

/**
 * The funnel of deals given by their paths, each counted `n` times, for these stage settings:
 * what conversionFunnel gives from the moves the paths were taken from.
 */
export function funnelOfPaths(
	paths: Iterable<{ path: string; n: number }>,
	stages: readonly StageDef[] = DEFAULT_STAGES
): Funnel {
	const ladder = [
		...stages.filter((s) => s.kind === 'open'),
		...stages.filter((s) => s.kind === 'won')
	].map((s) => s.key);
	const rank = new Map(ladder.map((key, i) => [key, i]));
	const lostKeys = new Set(stages.filter((s) => s.kind === 'lost').map((s) => s.key));
	const entered = ladder.map(() => 0);
	const reached = ladder.map(() => 0);
	const lostFrom: Record<string, number> = {};
	let lost = 0;
	for (const { path, n } of paths) {
		if (n <= 0) continue;
		let furthest = -1;
		let lostFromHere: string | undefined;
		for (const [to, from] of JSON.parse(path) as [string, string][]) {
			if (lostKeys.has(to)) {
				lostFromHere = from;
				continue;
			}
			const r = rank.get(to);
			if (r === undefined) continue;
			entered[r] = (entered[r] ?? 0) + n;
			furthest = Math.max(furthest, r);
		}
		for (let i = 0; i <= furthest; i++) reached[i] = (reached[i] ?? 0) + n;
		if (lostFromHere !== undefined) {
			lost += n;
			lostFrom[lostFromHere] = (lostFrom[lostFromHere] ?? 0) + n;
		}
	}
	const rows = ladder.map((stage, i): FunnelRow => {
		const prev = i === 0 ? 0 : (reached[i - 1] ?? 0);
		return {
			stage,
			entered: entered[i] ?? 0,
			reached: reached[i] ?? 0,
			conversion: prev > 0 ? (reached[i] ?? 0) / prev : null
		};
	});
	return { rows, lost, lostFrom };
}

/**
 * The funnel of a month's tallies for the members in `owners`: the paths of their own deals, and
 * the paths of the marked deals from those deals' moves (`markedMoves`: every move of each
 * marked deal; only the members' moves inside `span` count, as conversionFunnel counts them).
 */
export function funnelFromTallies(
	tallies: Iterable<FunnelTally>,
	markedMoves: Iterable<PathMove>,
	owners: ReadonlySet<Id>,
	span: { startAt: EpochMs; endAt: EpochMs },
	stages: readonly StageDef[] = DEFAULT_STAGES
): Funnel {
	const paths: { path: string; n: number }[] = [];
	for (const t of tallies)
		if (t.k[0] === 'P' && owners.has(t.k[2])) paths.push({ path: t.k[3], n: t.n });
	const byDeal = new Map<Id, PathMove[]>();
	for (const m of markedMoves) {
		if (m.trashedAt != null || !owners.has(m.ownerId)) continue;
		if (!(m.at >= span.startAt && m.at < span.endAt)) continue;
		const list = byDeal.get(m.dealId) ?? [];
		list.push(m);
		byDeal.set(m.dealId, list);
	}
	for (const list of byDeal.values()) paths.push({ path: pathOf(list), n: 1 });
	return funnelOfPaths(paths, stages);
}

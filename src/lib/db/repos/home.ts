import type { InteractionType } from '$lib/domain/interaction/interaction';
import { INTERACTION_TYPES } from '$lib/domain/interaction/interaction';
import type { Deal } from '$lib/domain/deal/deal';
import { isOpenStage, type StageDef } from '$lib/domain/deal/stages';
import type { Period } from '$lib/domain/shared/dates';
import { DailySeries, type DayRow } from '$lib/domain/reports/daily';
import { pipelineByStage, type PipelineDeal, type StageRow } from '$lib/domain/reports/pipeline';
import { dealsClosingBetween } from '$lib/domain/reports/home';
import {
	interactionsByTypeFromCounts,
	type InteractionReport
} from '$lib/domain/reports/interactions';
import { spanDays, TALLY_META_KEY, type Tally, type TallyMeta } from '$lib/domain/reports/tallies';
import {
	interactionReportFromTallies,
	interactionTotal,
	pipelineFromTallies,
	salesFromTallies
} from '$lib/domain/reports/tally-figures';
import Dexie from 'dexie';
import { db } from '../db';
import type { RapportDB } from '../schema';

/**
 * The numbers of an account manager's home page, kept fast at 1,000,000 interactions and 100,000
 * deals. Counts and sums come from the tallies (a few dozen records per month, kept current with
 * every write: see db/tallies-middleware.ts); only small sets (the deals closing this month, the
 * coming week's birthdays) are read as records. When the tallies cannot answer (this device's
 * offset from UTC changed since they were built, so their days are not the user's days), the
 * figures are counted from index ranges of one owner and one period instead: slower, the same.
 */

/** The currency sales goals are counted in (orders in other currencies are left out). */
export const GOAL_CURRENCY = 'CNY';

type Span = Pick<Period, 'startAt' | 'endAt'>;
type KeyRange = [lower: unknown[], upper: unknown[]];

/**
 * One read of the tallies, in a transaction with their meta record: null when there are none to
 * trust, or when `read` (given the offset they count days in) returns null because they cannot
 * answer.
 */
async function fromTallies<T>(
	read: (table: RapportDB['tallies'], offsetMin: number) => Promise<T> | null
): Promise<T | null> {
	const table = db().tallies;
	return db().transaction('r', table, async () => {
		const meta = (await table.get(TALLY_META_KEY)) as TallyMeta | undefined;
		return meta ? await read(table, meta.offsetMin) : null;
	});
}

/** The tallies in one key range (both ends included). */
function readTallies(range: (offsetMin: number) => KeyRange | null): Promise<Tally[] | null> {
	return fromTallies((table, offsetMin) => {
		const r = range(offsetMin);
		return r
			? (table.where('k').between(r[0], r[1], true, true).toArray() as Promise<Tally[]>)
			: null;
	});
}

/** Tallies by key (a missing one is undefined). */
function readTallyKeys(keys: Tally['k'][]): Promise<(Tally | undefined)[] | null> {
	return fromTallies((table) => table.bulkGet(keys) as Promise<(Tally | undefined)[]>);
}

/** Tally keys of one kind and owner over the days of a span, when the span is whole days. */
function dayRange(kind: 'i' | 'o', ownerId: string, span: Span, offsetMin: number) {
	const days = spanDays(span, offsetMin);
	if (!days || days[1] <= days[0]) return null;
	return [
		[kind, ownerId, days[0]],
		[kind, ownerId, days[1] - 1, Dexie.maxKey]
	] satisfies KeyRange;
}

/** Trashed interactions of an owner in a span: the trashedAt index holds only trashed ones. */
async function trashedInteractions(ownerId: string, span: Span) {
	const list = await db().interactions.where('trashedAt').above(0).toArray();
	return list.filter((i) => i.ownerId === ownerId && i.at >= span.startAt && i.at < span.endAt);
}

/** How many (not trashed) interactions an owner logged in a span, from index keys. */
export async function countInteractions(ownerId: string, span: Span): Promise<number> {
	const tallies = await readTallies((offset) => dayRange('i', ownerId, span, offset));
	if (tallies) return interactionTotal(tallies);
	const [all, trashed] = await Promise.all([
		db()
			.interactions.where('[ownerId+at]')
			.between([ownerId, span.startAt], [ownerId, span.endAt])
			.count(),
		trashedInteractions(ownerId, span)
	]);
	return all - trashed.length;
}

/** Interactions by type and per day over a period (the home charts), counted from index keys. */
export async function interactionFigures(
	ownerId: string,
	period: Pick<Period, 'start' | 'end' | 'startAt' | 'endAt'>,
	tzOffsetMin: number
): Promise<InteractionReport> {
	const tallies = await readTallies((offset) =>
		offset === tzOffsetMin ? dayRange('i', ownerId, period, offset) : null
	);
	if (tallies) return interactionReportFromTallies(tallies, period, tzOffsetMin);
	const table = db().interactions;
	const byDay = new DailySeries(period, tzOffsetMin);
	// One count per day and per type: IndexedDB counts keys without handing them over, where
	// walking a month of one manager's keys (about 10,000 at 1,000,000 interactions) costs a
	// cursor step each. One read transaction for all of them.
	const { counts, perDay, trashed } = await db().transaction('r', table, async () => {
		const [counts, perDay, trashed] = await Promise.all([
			Promise.all(
				INTERACTION_TYPES.map((type) =>
					table
						.where('[ownerId+type+at]')
						.between([ownerId, type, period.startAt], [ownerId, type, period.endAt])
						.count()
				)
			),
			Promise.all(
				byDay
					.dayBounds(period.endAt)
					.map(([from, to]) =>
						table.where('[ownerId+at]').between([ownerId, from], [ownerId, to]).count()
					)
			),
			trashedInteractions(ownerId, period)
		]);
		return { counts, perDay, trashed };
	});
	byDay.addPerDay(perDay);
	const byType = new Map<InteractionType, number>(
		INTERACTION_TYPES.map((type, i) => [type, counts[i] ?? 0])
	);
	for (const i of trashed) {
		byType.set(i.type, (byType.get(i.type) ?? 0) - 1);
		byDay.add(i.at, -1);
	}
	const rows = interactionsByTypeFromCounts(byType);
	return {
		byType: rows,
		byDay: byDay.rows(),
		total: rows.reduce((sum, r) => sum + r.value, 0)
	};
}

/**
 * Orders of an owner in a period, in the goal currency, per day (the caller draws them against
 * the goal's straight line: see againstGoalLine, so that this read need not wait for the goal).
 */
export async function salesFigures(
	ownerId: string,
	period: Pick<Period, 'start' | 'end' | 'startAt' | 'endAt'>,
	tzOffsetMin: number
): Promise<{ daily: DayRow[]; totalMinor: number }> {
	const tallies = await readTallies((offset) =>
		offset === tzOffsetMin ? dayRange('o', ownerId, period, offset) : null
	);
	if (tallies) return salesFromTallies(tallies, period, tzOffsetMin, GOAL_CURRENCY);
	const orders = await db()
		.orders.where('[ownerId+at]')
		.between([ownerId, period.startAt], [ownerId, period.endAt])
		.toArray();
	const series = new DailySeries(period, tzOffsetMin);
	let totalMinor = 0;
	for (const o of orders) {
		if (o.trashedAt !== null || o.amount.currency !== GOAL_CURRENCY) continue;
		if (series.add(o.at, o.amount.minor)) totalMinor += o.amount.minor;
	}
	return { daily: series.rows(), totalMinor };
}

/** The deals index whose keys hold everything the pipeline chart sums (migrations/v5.ts). */
const PIPELINE_INDEX = '[ownerId+stage+amount.currency+amount.minor+probability]';
type PipelineKey = [string, string, string, number, number];

/**
 * The open pipeline of an owner by stage (count, amount and weighted amount per currency), from
 * index keys: no deal record is read, only the ids of the trashed ones, which are left out.
 */
export async function pipelineFigures(
	ownerId: string,
	stages: readonly StageDef[]
): Promise<StageRow[]> {
	const tallies = await readTallies(() => [
		['p', ownerId],
		['p', ownerId, Dexie.maxKey]
	]);
	if (tallies) return pipelineFromTallies(tallies, stages, { openOnly: true });
	const table = db().deals;
	const open = stages.filter((s) => isOpenStage(stages, s.key));
	const keyed: { id: string; deal: PipelineDeal }[] = [];
	const trashed = await db().transaction('r', table, async () => {
		const [ids] = await Promise.all([
			table.where('trashedAt').above(0).primaryKeys(),
			open.length === 0
				? Promise.resolve()
				: table
						.where(PIPELINE_INDEX)
						.inAnyRange(
							open.map((s) => [
								[ownerId, s.key],
								[ownerId, s.key, Dexie.maxKey]
							])
						)
						.eachKey((key, cursor) => {
							const [, stage, currency, minor, probability] = key as PipelineKey;
							keyed.push({
								id: String(cursor.primaryKey),
								deal: { stage, amount: { currency, minor }, probability }
							});
						})
		]);
		return new Set(ids);
	});
	const deals = keyed.flatMap((k) => (trashed.has(k.id) ? [] : [k.deal]));
	return pipelineByStage(deals, stages, { openOnly: true });
}

/** Adds each stage's counts and amounts over the members' pipelines. */
function sumPipelines(lists: StageRow[][]): StageRow[] {
	const byStage = new Map<string, StageRow>();
	for (const list of lists) {
		for (const row of list) {
			const sum = byStage.get(row.stage) ?? {
				stage: row.stage,
				count: 0,
				amount: {},
				weighted: {}
			};
			sum.count += row.count;
			for (const [c, v] of Object.entries(row.amount)) sum.amount[c] = (sum.amount[c] ?? 0) + v;
			for (const [c, v] of Object.entries(row.weighted))
				sum.weighted[c] = (sum.weighted[c] ?? 0) + v;
			byStage.set(row.stage, sum);
		}
	}
	return [...byStage.values()];
}

/**
 * The open deals of everyone in `ownerIds`, by stage: one read of every owner's pipeline tallies
 * (a few per owner), rather than a transaction per member.
 */
export async function rosterPipeline(
	ownerIds: readonly string[],
	stages: readonly StageDef[]
): Promise<StageRow[]> {
	const members = new Set(ownerIds);
	const tallies = await readTallies(() => [['p'], ['p', Dexie.maxKey]]);
	if (tallies)
		return pipelineFromTallies(
			tallies.filter((t) => members.has(t.k[1])),
			stages,
			{ openOnly: true }
		);
	return sumPipelines(await Promise.all(ownerIds.map((id) => pipelineFigures(id, stages))));
}

export interface ClosingDeals {
	/** How many open deals are expected to close in the period. */
	total: number;
	/** The earliest of them, at most `limit`. */
	first: Deal[];
}

/** The months a period covers when it runs from a 1st to a 1st (`YYYY-MM`), else null. */
function wholeMonths(period: Pick<Period, 'start' | 'end'>): string[] | null {
	if (!period.start.endsWith('-01') || !period.end.endsWith('-01')) return null;
	const months: string[] = [];
	let [y, m] = period.start.split('-').map(Number) as [number, number];
	for (let i = 0; i < 1200; i++) {
		const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
		if (`${month}-01` >= period.end) return months;
		months.push(month);
		[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
	}
	return null;
}

/**
 * Open deals of an owner expected to close in a period: how many (from the tallies, per open
 * stage and month) and the earliest few, read per open stage from [ownerId+stage+expectedClose]
 * with a limit, so that neither the closed deals (which keep their date) nor the many open ones
 * past the first few are read. Without tallies to trust, every deal in the ranges is read.
 */
export async function dealsClosingIn(
	ownerId: string,
	period: Pick<Period, 'start' | 'end'>,
	stages: readonly StageDef[],
	limit = 8
): Promise<ClosingDeals> {
	const open = stages.filter((s) => isOpenStage(stages, s.key)).map((s) => s.key);
	if (open.length === 0) return { total: 0, first: [] };
	const table = db().deals;
	const ranges = open.map(
		(stage) =>
			[
				[ownerId, stage, period.start],
				[ownerId, stage, period.end]
			] as [string[], string[]]
	);
	const isOpen = (s: string) => isOpenStage(stages, s);
	const months = wholeMonths(period);
	const tallies = months
		? await readTallyKeys(
				open.flatMap((stage) => months.map((m) => ['c', ownerId, stage, m] as const))
			)
		: null;
	if (!tallies) {
		const all = await table.where('[ownerId+stage+expectedClose]').inAnyRange(ranges).toArray();
		const list = dealsClosingBetween(all, period.start, period.end, isOpen);
		return { total: list.length, first: list.slice(0, limit) };
	}
	// Trashed deals are few (IndexedDB does not index null): read past them.
	const trashed = await table.where('trashedAt').above(0).count();
	const lists = await Promise.all(
		ranges.map(([lo, hi]) =>
			table
				.where('[ownerId+stage+expectedClose]')
				.between(lo, hi)
				.limit(limit + trashed)
				.toArray()
		)
	);
	return {
		total: tallies.reduce((n, t) => n + (t?.n ?? 0), 0),
		first: dealsClosingBetween(lists.flat(), period.start, period.end, isOpen).slice(0, limit)
	};
}

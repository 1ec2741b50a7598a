import type { KpiMetric } from '../goal/goal';
import { isLowerBetter, type GoalProgress } from '../goal/progress';
import type { EpochMs, Id } from '../shared/types';
import { kpiContributions, type AggregateKey, type KpiSources } from './kpi-facts';
import { kpiProgress, valuesOf, type KpiGoal, type KpiValues, type PeriodFigures } from './kpi';
import type { Contribution, Figures } from './rollup';
import { isStale } from './staleness';
import type { TeamPeriod } from './team-period';

/**
 * The lead's dashboard for one period: a row per member with each KPI's actual, target and
 * attainment (own figures, and the team's for whoever has people under them), the team's totals,
 * and the orderings the table and the leaderboard show. Figures come from kpi.ts (as at the
 * period's end) or from a closed period's frozen figures; this module only arranges them.
 */

/** Own figures, or the figures of the member's whole team (themselves and everyone under them). */
export type FigureScope = 'own' | 'team';

export interface DashboardRow {
	memberId: Id;
	own: KpiValues;
	team: KpiValues;
	/** Progress of the member's goals of the period, by metric and scope. */
	goals: {
		own: Partial<Record<KpiMetric, GoalProgress>>;
		team: Partial<Record<KpiMetric, GoalProgress>>;
	};
	/** When the member's latest work reached this device (their newest own stamp); null: never. */
	latestWorkAt: EpochMs | null;
	/** No work merged for seven days or more: the row's figures may not be current. */
	stale: boolean;
}

export interface DashboardRowsInput {
	members: readonly Id[];
	figures: PeriodFigures;
	goals: Iterable<KpiGoal>;
	period: Pick<TeamPeriod, 'startAt' | 'endAt'>;
	now: EpochMs;
	latestWork: (memberId: Id) => EpochMs | null;
}

/** A member with no figures: nothing to measure in any KPI. */
export const NO_VALUES: Readonly<KpiValues> = {
	sales_amount: null,
	new_customers: null,
	follow_ups: null,
	interactions: null,
	avg_satisfaction: null,
	retention_rate: null,
	complaint_rate: null,
	avg_resolution_time: null,
	market_share: null
};

/**
 * One row per member, in the roster's order. A goal of a member not on the roster is left out;
 * when a member has two goals for one metric and scope (two devices set one each before the
 * keyed ids), the last one given wins, as the goals list shows the newest.
 */
export function dashboardRows(input: DashboardRowsInput): DashboardRow[] {
	const goals = new Map<Id, DashboardRow['goals']>();
	for (const g of input.goals) {
		if (!input.members.includes(g.ownerId)) continue;
		let mine = goals.get(g.ownerId);
		if (!mine) goals.set(g.ownerId, (mine = { own: {}, team: {} }));
		mine[g.scope ?? 'own'][g.metric] = kpiProgress(g, input.figures, input.period, input.now);
	}
	return input.members.map((memberId) => {
		const latestWorkAt = input.latestWork(memberId);
		return {
			memberId,
			own: input.figures[memberId]?.own ?? NO_VALUES,
			team: input.figures[memberId]?.team ?? NO_VALUES,
			goals: goals.get(memberId) ?? { own: {}, team: {} },
			latestWorkAt,
			stale: isStale(latestWorkAt, input.now)
		};
	});
}

/**
 * The team's totals over the period: every roster member's own records summed, then turned into
 * values by the goals page's rule (so rates are the team's rate, not an average of rates).
 * Market share is not in the records: it is the one the lead entered for the team, if any.
 */
export function teamTotals(
	members: readonly Id[],
	sources: KpiSources,
	period: Pick<TeamPeriod, 'startAt' | 'endAt'>,
	currency: string,
	marketShare?: number
): KpiValues {
	return totalsOf(members, kpiContributions(sources, period, currency), period, marketShare);
}

/** The same totals from contributions read elsewhere (a day's tallies: kpi-tallies.ts). */
export function totalsOf(
	members: readonly Id[],
	contributions: Iterable<Contribution<AggregateKey>>,
	period: Pick<TeamPeriod, 'startAt' | 'endAt'>,
	marketShare?: number
): KpiValues {
	const roster = new Set(members);
	const sums: Figures<AggregateKey> = {};
	for (const c of contributions) {
		if (!roster.has(c.ownerId) || !Number.isFinite(c.amount)) continue;
		if (c.at < period.startAt || c.at >= period.endAt) continue;
		sums[c.key] = (sums[c.key] ?? 0) + c.amount;
	}
	return valuesOf(sums, marketShare);
}

export type SortDirection = 'asc' | 'desc';

/**
 * Orders rows by one KPI; members with no value (nothing to measure) come last whichever the
 * direction, and ties keep the roster's order.
 */
export function sortRows(
	rows: readonly DashboardRow[],
	metric: KpiMetric,
	scope: FigureScope,
	direction: SortDirection
): DashboardRow[] {
	const sign = direction === 'asc' ? 1 : -1;
	return rows
		.map((row, i) => ({ row, i, v: row[scope][metric] }))
		.sort((a, b) => {
			if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
			return (a.v - b.v) * sign || a.i - b.i;
		})
		.map((x) => x.row);
}

export interface Standing {
	memberId: Id;
	value: number;
	/** 1 for the best; equal values share a rank, and the next rank skips (1, 1, 3). */
	rank: number;
}

/**
 * The leaderboard of one KPI: best first (highest, or lowest where lower is better: complaint
 * rate, resolution time); members with no value are not ranked.
 */
export function leaderboard(
	rows: readonly DashboardRow[],
	metric: KpiMetric,
	scope: FigureScope = 'own'
): Standing[] {
	const direction = isLowerBetter(metric) ? 'asc' : 'desc';
	const ranked: Standing[] = [];
	for (const row of sortRows(rows, metric, scope, direction)) {
		const value = row[scope][metric];
		if (value === null) break;
		const previous = ranked.at(-1);
		const rank = previous && previous.value === value ? previous.rank : ranked.length + 1;
		ranked.push({ memberId: row.memberId, value, rank });
	}
	return ranked;
}

/**
 * The facts a metric's figure is made of, by their aggregate: what a drill-down lists. A rate
 * lists its events (the complaints, not the customers they are counted against); retention lists
 * the customers the period started with; market share is entered by hand and has none.
 */
const BEHIND: Record<KpiMetric, AggregateKey | null> = {
	sales_amount: 'salesMinor',
	new_customers: 'newCustomers',
	follow_ups: 'followUps',
	interactions: 'interactions',
	avg_satisfaction: 'satisfactionCount',
	retention_rate: 'customersAtStart',
	complaint_rate: 'complaints',
	avg_resolution_time: 'resolvedTickets',
	market_share: null
};

/** Which table each source list is, so that a drill-down can name and link its records. */
export type SourceTable = keyof KpiSources;

type ElementOf<L> = L extends Iterable<infer R> ? R : never;

/** A record behind a figure, typed by the table it was read from. */
export type FactBehind<S extends KpiSources> = {
	[T in keyof S & SourceTable]: {
		table: T;
		record: ElementOf<S[T]>;
		/** When it counts in the period (a customer's base counts at the period's start). */
		at: EpochMs;
	};
}[keyof S & SourceTable];

/**
 * The records behind one metric's figure over `span`, by the same rules that computed it
 * (kpi-facts.ts), newest first. `counts` says whose facts are wanted: one member's own, or those of
 * everyone in a member's team at each fact's instant. The sources are read twice: pass arrays.
 */
export function factsBehind<S extends KpiSources>(
	metric: KpiMetric,
	sources: S,
	span: Pick<TeamPeriod, 'startAt' | 'endAt'>,
	currency: string,
	counts: (ownerId: Id, at: EpochMs) => boolean
): FactBehind<S>[] {
	const key = BEHIND[metric];
	if (key === null) return [];
	const tableOf = new Map<object, SourceTable>();
	for (const table of Object.keys(sources) as SourceTable[])
		for (const r of sources[table] ?? []) tableOf.set(r, table);
	const out: FactBehind<S>[] = [];
	for (const c of kpiContributions(sources, span, currency)) {
		if (c.key !== key || !c.source || !counts(c.ownerId, c.at)) continue;
		const table = tableOf.get(c.source);
		// The source is one of the records of `table` (kpiContributions yields the records it read).
		if (table) out.push({ table, record: c.source, at: c.at } as FactBehind<S>);
	}
	return out.sort((a, b) => b.at - a.at);
}

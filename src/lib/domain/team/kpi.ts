import type { KpiMetric } from '../goal/goal';
import { goalActual, progressOver, type GoalAggregates, type GoalProgress } from '../goal/progress';
import type { EpochMs, Id } from '../shared/types';
import type { Hierarchy } from './hierarchy';
import { kpiContributions, type AggregateKey, type KpiSources } from './kpi-facts';
import { rollUp, type Contribution, type Figures } from './rollup';
import type { TeamPeriod } from './team-period';

/**
 * The team's KPIs per member and period, as at the period's end: each member's own figures and
 * their team's (themselves and everyone under them, through the dated hierarchy), computed from
 * the goals page's aggregates with its own `goalActual`, and judged with its own progress rule.
 */

/** The dashboard's columns, in the order the issue names them. */
export const TEAM_KPIS = [
	'sales_amount',
	'new_customers',
	'follow_ups',
	'avg_satisfaction',
	'retention_rate',
	'complaint_rate',
	'avg_resolution_time',
	'market_share'
] as const satisfies readonly KpiMetric[];
export type TeamKpi = (typeof TEAM_KPIS)[number];

/** Every metric's value; null where there is nothing to measure (no score, no customers …). */
export type KpiValues = Record<KpiMetric, number | null>;

export interface MemberFigures {
	own: KpiValues;
	team: KpiValues;
}

/** A period's figures for every member (a plain object, so a closed period can store it). */
export type PeriodFigures = Record<Id, MemberFigures>;

/** Market share is not in the records: the lead enters it per member, or for a whole team. */
export interface ManualFigure {
	memberId: Id;
	scope: 'own' | 'team';
	metric: 'market_share';
	value: number;
}

export interface TeamFiguresInput {
	/** The roster: each gets figures, zeros where they have no records. */
	members: Iterable<Id>;
	sources: KpiSources;
	hierarchy: Hierarchy;
	period: Pick<TeamPeriod, 'startAt' | 'endAt'>;
	/** The currency goals are set in. */
	currency: string;
	manual?: Iterable<ManualFigure>;
}

/** Aggregates that count something start at 0; market share is only what was entered. */
const COUNTED: readonly AggregateKey[] = [
	'salesMinor',
	'newCustomers',
	'followUps',
	'interactions',
	'satisfactionSum',
	'satisfactionCount',
	'customersAtStart',
	'customersRetained',
	'complaints',
	'activeCustomers',
	'resolvedTickets',
	'resolutionMs'
];

export function valuesOf(sums: Figures<AggregateKey> | undefined, marketShare?: number): KpiValues {
	const agg: Partial<GoalAggregates> = {};
	for (const k of COUNTED) agg[k] = sums?.[k] ?? 0;
	if (marketShare !== undefined) agg.marketShare = marketShare;
	const v = (m: KpiMetric) => goalActual(m, agg);
	return {
		sales_amount: v('sales_amount'),
		new_customers: v('new_customers'),
		follow_ups: v('follow_ups'),
		interactions: v('interactions'),
		avg_satisfaction: v('avg_satisfaction'),
		retention_rate: v('retention_rate'),
		complaint_rate: v('complaint_rate'),
		avg_resolution_time: v('avg_resolution_time'),
		market_share: v('market_share')
	};
}

export function teamFigures(input: TeamFiguresInput): PeriodFigures {
	return figuresOf({
		...input,
		contributions: kpiContributions(input.sources, input.period, input.currency)
	});
}

/** The same figures from contributions read elsewhere (a day's tallies: kpi-tallies.ts). */
export function figuresOf(
	input: Omit<TeamFiguresInput, 'sources' | 'currency'> & {
		contributions: Iterable<Contribution<AggregateKey>>;
	}
): PeriodFigures {
	const sums = rollUp(input.contributions, input.hierarchy, input.period);
	const entered = { own: new Map<Id, number>(), team: new Map<Id, number>() };
	for (const f of input.manual ?? []) entered[f.scope].set(f.memberId, f.value);
	const out: PeriodFigures = {};
	for (const id of input.members) {
		out[id] = {
			own: valuesOf(sums.own.get(id), entered.own.get(id)),
			team: valuesOf(sums.team.get(id), entered.team.get(id))
		};
	}
	return out;
}

/** A goal on a member's own figures, or on their team's (a supervisor's team target). */
export interface KpiGoal {
	ownerId: Id;
	metric: KpiMetric;
	target: number;
	scope?: 'own' | 'team';
}

/** Attainment, pace and on/off track of a goal over a team period: the goals page's rule. */
export function kpiProgress(
	goal: KpiGoal,
	figures: PeriodFigures,
	period: Pick<TeamPeriod, 'startAt' | 'endAt'>,
	now: EpochMs
): GoalProgress {
	const member = figures[goal.ownerId];
	const actual = member ? member[goal.scope ?? 'own'][goal.metric] : null;
	return progressOver(goal.metric, goal.target, actual, period, now);
}

import type { StageDef } from '$lib/domain/deal/stages';
import { enteredShares } from '$lib/domain/goal/entered';
import type { Goal, KpiMetric } from '$lib/domain/goal/goal';
import { currentGoals } from '$lib/domain/goal/keyed-goals';
import type { StageRow } from '$lib/domain/reports/pipeline';
import type { EpochMs, Id } from '$lib/domain/shared/types';
import {
	dashboardRows,
	factsBehind,
	totalsOf,
	type DashboardRow,
	type FactBehind,
	type FigureScope,
	type SourceTable
} from '$lib/domain/team/dashboard';
import { Hierarchy, type ReportingCycle, type ReportingEntry } from '$lib/domain/team/hierarchy';
import { figuresOf, type KpiValues } from '$lib/domain/team/kpi';
import { trailingPeriods, type TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import {
	memberSources,
	pooled,
	readLatestWork,
	readTeamKpis,
	type RecordSources
} from './team-kpi-reads';
import { GOAL_CURRENCY, rosterPipeline } from './home';
import { listMembers } from './members';

/**
 * The lead's dashboard of the merged files for one team period: each member's figures as at the
 * period's end (domain/team/kpi.ts), their goals' progress, when their latest work arrived, the
 * team's totals and its open pipeline. The figures and the trend are counted from the tallies
 * (team-kpi-reads.ts), whatever the size of the data; the drill-down reads the records of one
 * figure, by index ranges of each member's own.
 */

export interface TeamMemberRef {
	id: Id;
	name: string;
}

export interface TeamDashboard {
	period: TeamPeriod;
	members: TeamMemberRef[];
	rows: DashboardRow[];
	totals: KpiValues;
	/** The open deals of everyone on the roster, by stage. */
	pipeline: StageRow[];
	/**
	 * Reporting lines that close a loop (two files set them on two devices): until the lead
	 * mends them, team figures are each member's own.
	 */
	cycles: ReportingCycle[];
}

/** The dated lines compiled; when they close a loop, no lines at all, and the loops. */
function hierarchyOf(
	lines: readonly ReportingEntry[],
	zone: string
): { hierarchy: Hierarchy; cycles: ReportingCycle[] } {
	const built = Hierarchy.build(lines, zone);
	if (built.ok) return { hierarchy: built.value, cycles: [] };
	const flat = Hierarchy.build([], zone);
	if (!flat.ok) throw new Error('a hierarchy without lines has no loop');
	return { hierarchy: flat.value, cycles: built.cycles };
}

export interface TeamDashboardQuery {
	/** The roster, in the order the rows show it (teamMembers()). */
	members: readonly TeamMemberRef[];
	period: TeamPeriod;
	now: EpochMs;
	stages: readonly StageDef[];
	/** The dated reporting lines the figures roll up through. */
	lines: readonly ReportingEntry[];
}

/** The roster the dashboard shows, by name (a live query of its own: see keyed-live.svelte.ts). */
export async function teamMembers(): Promise<TeamMemberRef[]> {
	return (await listMembers())
		.map((m) => ({ id: m.id, name: m.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function loadTeamDashboard(q: TeamDashboardQuery): Promise<TeamDashboard> {
	const members = [...q.members];
	const ids = members.map((m) => m.id);
	const { hierarchy, cycles } = hierarchyOf(q.lines, q.period.zone);
	// With no line changing inside the period, its months' sums roll up as their days' would.
	const steady = hierarchy.steadyOver(q.period) ? [q.period] : undefined;
	const [reading, latest, stored, pipelines] = await Promise.all([
		readTeamKpis(ids, q.period, q.period.zone, steady),
		readLatestWork(ids, q.now),
		db()
			.goals.where('ownerId')
			.anyOf(ids)
			.filter((g: Goal) => g.periodKind === q.period.kind && g.periodStart === q.period.start)
			.toArray(),
		rosterPipeline(ids, q.stages)
	]);
	// One goal per key (old random-id copies left out); market share is the one entered on it.
	const goals = currentGoals(stored);
	// Counted once: the rows and the totals sum the same contributions.
	const contributions = [...reading.contributions(q.period)];
	const figures = figuresOf({
		members: ids,
		contributions,
		hierarchy,
		period: q.period,
		manual: enteredShares(goals)
	});
	const rows = dashboardRows({
		members: ids,
		figures,
		goals,
		period: q.period,
		now: q.now,
		latestWork: (id) => latest.latest(id)
	});
	return {
		period: q.period,
		members,
		rows,
		totals: totalsOf(ids, contributions, q.period),
		pipeline: pipelines,
		cycles
	};
}

/** One record behind a figure, as the drill-down lists it. */
export interface DrillRow {
	table: SourceTable;
	id: Id;
	/** The customer it concerns (the customer itself for a customer); '' when none. */
	customerId: Id;
	customerName: string;
	/** When it counts in the period. */
	at: EpochMs;
	/** What it is: an interaction's or ticket's type, a customer's stage … */
	kind: string;
	/** An order's amount in minor units of `currency`; null for others. */
	minor: number | null;
	currency: string;
}

export interface DrillDown {
	rows: DrillRow[];
	/** How many records there are in all (rows holds the newest `limit`). */
	total: number;
}

export interface DrillQuery {
	members: readonly TeamMemberRef[];
	memberId: Id;
	scope: FigureScope;
	metric: KpiMetric;
	period: TeamPeriod;
	lines: readonly ReportingEntry[];
	limit?: number;
}

type Sources = RecordSources;

/** What a drill-down shows of a record, by the table it was read from. */
function drillRowOf(f: FactBehind<Sources>): Omit<DrillRow, 'customerName'> {
	const base = { id: f.record.id, at: f.at, minor: null, currency: '' };
	switch (f.table) {
		case 'orders':
			return {
				...base,
				table: f.table,
				customerId: f.record.customerId,
				kind: '',
				minor: f.record.amount.minor,
				currency: f.record.amount.currency
			};
		case 'customers':
			return { ...base, table: f.table, customerId: f.record.id, kind: f.record.stage };
		case 'interactions':
			return { ...base, table: f.table, customerId: f.record.customerId, kind: f.record.type };
		case 'tickets':
			return { ...base, table: f.table, customerId: f.record.customerId, kind: f.record.kind };
		case 'feedback':
			return { ...base, table: f.table, customerId: f.record.customerId, kind: f.record.kind };
		case 'tasks':
			return {
				...base,
				table: f.table,
				customerId: f.record.customerId ?? '',
				kind: f.record.kind
			};
	}
}

/**
 * The records behind one figure of the dashboard: a member's own, or their team's (everyone
 * under them at each record's date, read member by member).
 */
export async function loadDrillDown(q: DrillQuery): Promise<DrillDown> {
	const limit = q.limit ?? 200;
	const { hierarchy } = hierarchyOf(q.lines, q.period.zone);
	const members = q.scope === 'own' ? [q.memberId] : q.members.map((m) => m.id);
	const parts = await Promise.all(members.map((id) => memberSources(id, q.period)));
	const counts =
		q.scope === 'own'
			? (owner: Id) => owner === q.memberId
			: (owner: Id, at: EpochMs) => hierarchy.chainAt(owner, at).includes(q.memberId);
	const facts = factsBehind(q.metric, pooled(parts), q.period, GOAL_CURRENCY, counts);
	const shown = facts.slice(0, limit).map(drillRowOf);
	const ids = [...new Set(shown.map((r) => r.customerId).filter(Boolean))];
	const customers = await db().customers.bulkGet(ids);
	const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
	return {
		rows: shown.map((r) => ({ ...r, customerName: names.get(r.customerId) ?? '' })),
		total: facts.length
	};
}

export interface TrendPoint {
	period: TeamPeriod;
	totals: KpiValues;
}

/**
 * The team's totals over the six periods that end with `period` (oldest first), from one read
 * over the whole span: by month when the periods are months, quarters or years (totals have no
 * reporting lines, so a month's sum is as good as its days').
 */
export async function loadTeamTrend(q: {
	members: readonly TeamMemberRef[];
	period: TeamPeriod;
}): Promise<TrendPoint[]> {
	const periods = trailingPeriods(q.period, 6);
	const first = periods[0];
	if (!first) return [];
	const span = { startAt: first.startAt, endAt: q.period.endAt };
	const ids = q.members.map((m) => m.id);
	const reading = await readTeamKpis(ids, span, q.period.zone, periods);
	return periods.map((p) => ({ period: p, totals: totalsOf(ids, reading.contributions(p), p) }));
}

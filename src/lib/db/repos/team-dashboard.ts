import type { EntityTable } from 'dexie';
import type { StageDef } from '$lib/domain/deal/stages';
import type { Feedback } from '$lib/domain/feedback/feedback';
import type { Goal, KpiMetric } from '$lib/domain/goal/goal';
import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Order } from '$lib/domain/order/order';
import type { StageRow } from '$lib/domain/reports/pipeline';
import type { EpochMs, Id } from '$lib/domain/shared/types';
import type { Task } from '$lib/domain/task/task';
import {
	dashboardRows,
	factsBehind,
	teamTotals,
	type DashboardRow,
	type FactBehind,
	type FigureScope,
	type SourceTable
} from '$lib/domain/team/dashboard';
import { Hierarchy, type ReportingCycle, type ReportingEntry } from '$lib/domain/team/hierarchy';
import { teamFigures, type KpiValues } from '$lib/domain/team/kpi';
import { LatestWork } from '$lib/domain/team/staleness';
import { trailingPeriods, type TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { GOAL_CURRENCY, pipelineFigures } from './home';
import { listMembers } from './members';

/**
 * The lead's dashboard of the merged files for one team period: each member's figures as at the
 * period's end (domain/team/kpi.ts), their goals' progress, when their latest work arrived, the
 * team's totals and its open pipeline. Every member's records are read by index ranges of their
 * own (`[ownerId+at]` and the like), so a member's share of a large database is what is read.
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

type Span = Pick<TeamPeriod, 'startAt' | 'endAt'>;

/** One member's records that can count in `span`, and every customer they own. */
async function sourcesOf(ownerId: Id, span: Span) {
	const d = db();
	const range = <T extends { id: string }>(
		table: EntityTable<T, 'id'>,
		index: string
	): Promise<T[]> =>
		table.where(index).between([ownerId, span.startAt], [ownerId, span.endAt]).toArray();
	const [orders, interactions, tasks, feedback, tickets, customers] = await Promise.all([
		range<Order>(d.orders, '[ownerId+at]'),
		range<Interaction>(d.interactions, '[ownerId+at]'),
		range<Task>(d.tasks, '[ownerId+doneAt]'),
		range<Feedback>(d.feedback, '[ownerId+at]'),
		d.tickets.where('ownerId').equals(ownerId).toArray(),
		d.customers.where('ownerId').equals(ownerId).toArray()
	]);
	return { orders, interactions, tasks, feedback, tickets, customers };
}

/** Concatenates each member's sources into the team's. */
function pooled(parts: Awaited<ReturnType<typeof sourcesOf>>[]) {
	return {
		orders: parts.flatMap((p) => p.orders),
		interactions: parts.flatMap((p) => p.interactions),
		tasks: parts.flatMap((p) => p.tasks),
		feedback: parts.flatMap((p) => p.feedback),
		tickets: parts.flatMap((p) => p.tickets),
		customers: parts.flatMap((p) => p.customers)
	};
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
	const [parts, goals, pipelines] = await Promise.all([
		Promise.all(ids.map((id) => sourcesOf(id, q.period))),
		db()
			.goals.where('ownerId')
			.anyOf(ids)
			.filter(
				(g: Goal) =>
					g.trashedAt === null && g.periodKind === q.period.kind && g.periodStart === q.period.start
			)
			.toArray(),
		Promise.all(ids.map((id) => pipelineFigures(id, q.stages)))
	]);
	const sources = pooled(parts);
	const { hierarchy, cycles } = hierarchyOf(q.lines, q.period.zone);
	const figures = teamFigures({
		members: ids,
		sources,
		hierarchy,
		period: q.period,
		currency: GOAL_CURRENCY
	});
	const latest = new LatestWork(q.now);
	for (const p of parts) for (const list of Object.values(p)) latest.addAll(list);
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
		totals: teamTotals(ids, sources, q.period, GOAL_CURRENCY),
		pipeline: sumPipelines(pipelines),
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

type Sources = ReturnType<typeof pooled>;

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
	const parts = await Promise.all(members.map((id) => sourcesOf(id, q.period)));
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
 * The team's totals over the six periods that end with `period` (oldest first), from one read of
 * each member's records over the whole span.
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
	const sources = pooled(await Promise.all(ids.map((id) => sourcesOf(id, span))));
	return periods.map((p) => ({ period: p, totals: teamTotals(ids, sources, p, GOAL_CURRENCY) }));
}

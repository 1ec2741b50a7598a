/**
 * The demo team's side for the lead: a ladder of three levels, each demo member's level,
 * reporting line and status as dated records (one of them promoted this month, so last month
 * still shows the level before), and last month closed with its figures frozen.
 *
 * Pure: the clock, the team zone and the stamps are passed in. The members are demoMembers'
 * (demo-vocabulary's MEMBERS, in that order).
 */
import { levelDraft, type LadderLevel } from '../domain/growth/ladder-level';
import type { Member } from '../domain/member/member';
import { closePeriod, type PeriodClose } from '../domain/team/frozen';
import { Hierarchy } from '../domain/team/hierarchy';
import { teamFigures } from '../domain/team/kpi';
import type { KpiSources } from '../domain/team/kpi-facts';
import {
	factIdOf,
	factsOfKind,
	type MemberFact,
	type MemberFactDraft
} from '../domain/team/member-fact';
import { shiftPeriod, teamPeriodContaining } from '../domain/team/team-period';
import { zonedIsoDate } from '../domain/team/zone';
import { createRecord } from '../sync/edit';
import type { Stamp } from '../sync/stamp';
import { Random } from './random';

export interface TeamDemoOptions {
	seed: number;
	now: number;
	/** The team's IANA zone: the dates of the facts and the closed period are its dates. */
	zone: string;
	stamp: () => Stamp;
	demo?: boolean;
}

export interface TeamDemo {
	levels: LadderLevel[];
	facts: MemberFact[];
}

/** The ladder: names as a Chinese team writes them. */
const LADDER = [
	levelDraft('客户经理'),
	levelDraft('高级客户经理', {
		monthsAtLevel: 12,
		attainmentPeriods: 3,
		attainmentMinPct: 100,
		minReviewScore: 80,
		trainingCount: 3
	}),
	levelDraft('销售主管', {
		monthsAtLevel: 24,
		attainmentPeriods: 6,
		attainmentMinPct: 95,
		minReviewScore: 85
	})
];

/**
 * Per member of demo-vocabulary's MEMBERS: their levels (index into LADDER, and from when:
 * 'start' is their start date, 'month' the first day of the current month), and whom they
 * report to (index into MEMBERS; null for the top).
 */
const PLAN: readonly {
	levels: readonly { level: number; from: 'start' | 'month' | string }[];
	reportsTo: number | null;
}[] = [
	// 王磊: promoted this month, so every closed period shows him as 客户经理.
	{
		levels: [
			{ level: 0, from: 'start' },
			{ level: 1, from: 'month' }
		],
		reportsTo: 2
	},
	{ levels: [{ level: 0, from: 'start' }], reportsTo: 2 },
	// 陈晓东: the supervisor (销售主管) of 王磊 and 李娜.
	{
		levels: [
			{ level: 1, from: 'start' },
			{ level: 2, from: '2023-01-01' }
		],
		reportsTo: 4
	},
	{ levels: [{ level: 1, from: 'start' }], reportsTo: 4 },
	// 刘建华 leads the operations center: no level of the ladder, reports to nobody.
	{ levels: [], reportsTo: null }
];

export function generateTeamDemo(members: readonly Member[], opts: TeamDemoOptions): TeamDemo {
	const rnd = new Random(opts.seed ^ 0x7ea3);
	const demo = opts.demo ? { demo: true as const } : {};
	const levels = LADDER.map((l, rank) =>
		createRecord<LadderLevel>(rnd.uuid(), { ...l, rank, trashedAt: null, ...demo }, opts.stamp())
	);
	const monthStart = `${zonedIsoDate(opts.zone, opts.now).slice(0, 8)}01`;
	const facts: MemberFact[] = [];
	const add = (d: MemberFactDraft) =>
		facts.push(
			createRecord<MemberFact>(factIdOf(d), { ...d, trashedAt: null, ...demo }, opts.stamp())
		);
	PLAN.forEach((plan, i) => {
		const m = members[i];
		if (!m) return;
		const start = m.startDate || '2020-01-01';
		for (const l of plan.levels) {
			const from = l.from === 'start' ? start : l.from === 'month' ? monthStart : l.from;
			add({ memberId: m.id, kind: 'level', value: levels[l.level]!.id, from, note: '' });
		}
		const manager = plan.reportsTo === null ? null : (members[plan.reportsTo]?.id ?? null);
		add({ memberId: m.id, kind: 'reports_to', value: manager, from: start, note: '' });
		add({ memberId: m.id, kind: 'status', value: 'active', from: start, note: '' });
	});
	return { levels, facts };
}

/**
 * Last month closed by the lead: its figures computed from the demo's records as at its end,
 * through the reporting lines in force then, and frozen.
 */
export function demoClosedMonth(
	members: readonly Member[],
	facts: readonly MemberFact[],
	sources: KpiSources,
	opts: TeamDemoOptions & { currency: string; closedBy: string }
): PeriodClose | null {
	const current = teamPeriodContaining(opts.zone, 'month', opts.now);
	const hierarchy = Hierarchy.build(factsOfKind(facts, 'reports_to'), opts.zone);
	if (!current.ok || !hierarchy.ok) return null;
	const period = shiftPeriod(current.value, -1);
	const figures = teamFigures({
		members: members.map((m) => m.id),
		sources,
		hierarchy: hierarchy.value,
		period,
		currency: opts.currency
	});
	const closed = closePeriod(period, figures, opts.now, opts.closedBy);
	if (!closed.ok) return null;
	const { id, ...data } = closed.value;
	return createRecord<PeriodClose>(
		id,
		{ ...data, ...(opts.demo ? { demo: true } : {}) },
		opts.stamp()
	);
}

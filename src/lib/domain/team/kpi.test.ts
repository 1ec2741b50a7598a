import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_METRICS, type KpiMetric } from '../goal/goal';
import { DAY_MS, HOUR_MS, type PeriodKind } from '../shared/dates';
import { goalProgress } from '../goal/progress';
import { Hierarchy, type ReportingEntry } from './hierarchy';
import type { KpiSources } from './kpi-facts';
import { kpiProgress, teamFigures, TEAM_KPIS, type PeriodFigures } from './kpi';
import { teamPeriod, type TeamPeriod } from './team-period';

const RUNS = 1000;
const ZONE = 'Asia/Shanghai';

function period(kind: PeriodKind, start: string): TeamPeriod {
	const r = teamPeriod(ZONE, kind, start);
	if (!r.ok) throw new Error('period');
	return r.value;
}

function hierarchy(lines: ReportingEntry[]): Hierarchy {
	const r = Hierarchy.build(lines, ZONE);
	if (!r.ok) throw new Error('cycle');
	return r.value;
}

const APRIL = period('month', '2025-04-01');
const IN = APRIL.startAt + 3 * DAY_MS;
const LINES: ReportingEntry[] = [
	{ id: '1', memberId: 'a', value: 's', from: '2025-01-01' },
	{ id: '2', memberId: 'b', value: 's', from: '2025-01-01' }
];

describe('teamFigures', () => {
	const sources: KpiSources = {
		orders: [
			{ ownerId: 'a', at: IN, amount: { minor: 300, currency: 'CNY' }, trashedAt: null },
			{ ownerId: 'b', at: IN, amount: { minor: 700, currency: 'CNY' }, trashedAt: null }
		],
		interactions: [
			{ ownerId: 'a', at: IN, satisfaction: 5, trashedAt: null },
			{ ownerId: 'a', at: IN, satisfaction: 5, trashedAt: null },
			{ ownerId: 'b', at: IN, satisfaction: 2, trashedAt: null }
		],
		customers: [
			{ ownerId: 'a', createdAt: APRIL.startAt - DAY_MS, trashedAt: null, stage: 'customer' },
			{ ownerId: 'b', createdAt: APRIL.startAt - DAY_MS, trashedAt: null, stage: 'churned' }
		],
		tickets: [
			{ ownerId: 'b', kind: 'complaint', openedAt: IN, closedAt: IN + 4 * HOUR_MS, trashedAt: null }
		]
	};
	const f = teamFigures({
		members: ['a', 'b', 's', 'idle'],
		sources,
		hierarchy: hierarchy(LINES),
		period: APRIL,
		currency: 'CNY',
		manual: [
			{ memberId: 'a', scope: 'own', metric: 'market_share', value: 4 },
			{ memberId: 's', scope: 'team', metric: 'market_share', value: 11 }
		]
	});
	it('gives each member their own figures', () => {
		expect(f.a?.own).toMatchObject({
			sales_amount: 300,
			interactions: 2,
			avg_satisfaction: 5,
			retention_rate: 100,
			complaint_rate: 0,
			avg_resolution_time: null,
			market_share: 4
		});
		expect(f.b?.own).toMatchObject({
			sales_amount: 700,
			retention_rate: 0,
			complaint_rate: null,
			avg_resolution_time: 4
		});
	});
	it('pools a team’s figures, averages and rates included', () => {
		expect(f.s?.team).toMatchObject({
			sales_amount: 1000,
			interactions: 3,
			avg_satisfaction: 4,
			retention_rate: 50,
			complaint_rate: 100,
			avg_resolution_time: 4,
			market_share: 11
		});
		expect(f.s?.own.sales_amount).toBe(0);
	});
	it('a member without records has zeros, and no rate where nothing is measured', () => {
		expect(f.idle?.own).toEqual({
			sales_amount: 0,
			new_customers: 0,
			follow_ups: 0,
			interactions: 0,
			avg_satisfaction: null,
			retention_rate: null,
			complaint_rate: null,
			avg_resolution_time: null,
			market_share: null
		});
		expect(Object.keys(f)).toEqual(['a', 'b', 's', 'idle']);
	});
	it('lists the dashboard’s KPIs among the metrics', () => {
		for (const k of TEAM_KPIS) expect(KPI_METRICS).toContain(k);
		expect(TEAM_KPIS).toHaveLength(8);
	});
});

describe('kpiProgress', () => {
	const figures: PeriodFigures = teamFigures({
		members: ['a', 'b', 's'],
		sources: {
			orders: [
				{ ownerId: 'a', at: IN, amount: { minor: 300, currency: 'CNY' }, trashedAt: null },
				{ ownerId: 'b', at: IN, amount: { minor: 700, currency: 'CNY' }, trashedAt: null }
			]
		},
		hierarchy: hierarchy(LINES),
		period: APRIL,
		currency: 'CNY'
	});
	const mid = APRIL.startAt + 15 * DAY_MS;
	it('judges a member’s goal on their own figures', () => {
		const p = kpiProgress(
			{ ownerId: 'a', metric: 'sales_amount', target: 1000 },
			figures,
			APRIL,
			mid
		);
		expect(p).toMatchObject({ actual: 300, ratio: 0.3, pace: 'off_track', state: 'active' });
	});
	it('judges a team goal on the team total', () => {
		const g = {
			ownerId: 's',
			metric: 'sales_amount' as const,
			target: 1000,
			scope: 'team' as const
		};
		expect(kpiProgress(g, figures, APRIL, mid)).toMatchObject({ actual: 1000, achieved: true });
		expect(kpiProgress({ ...g, scope: 'own' }, figures, APRIL, mid).actual).toBe(0);
	});
	it('a member the figures do not know has no actual value', () => {
		const p = kpiProgress({ ownerId: 'x', metric: 'sales_amount', target: 1 }, figures, APRIL, mid);
		expect(p).toMatchObject({ actual: null, pace: null });
	});
	it('law: in Asia/Shanghai it is the goals page’s own verdict', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...KPI_METRICS),
				fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
				fc.integer({ min: 0, max: 120 }),
				fc.option(fc.double({ min: 0, max: 2000, noNaN: true })),
				fc.double({ min: 0, max: 2000, noNaN: true }),
				fc.integer({ min: -40, max: 400 }),
				(metric: KpiMetric, kind, month, actual, target, day) => {
					const start = new Date(Date.UTC(2020, month, 1)).toISOString().slice(0, 10);
					const p = period(kind, start);
					const now = p.startAt + day * DAY_MS + (month % 24) * HOUR_MS;
					const figures: PeriodFigures = {
						m: { own: { ...figuresOf(null), [metric]: actual }, team: figuresOf(null) }
					};
					expect(kpiProgress({ ownerId: 'm', metric, target }, figures, p, now)).toEqual(
						goalProgress({ metric, periodKind: kind, periodStart: start, target }, actual, now, 480)
					);
				}
			),
			{ numRuns: RUNS }
		);
	});
});

function figuresOf(v: number | null) {
	return Object.fromEntries(KPI_METRICS.map((m) => [m, v])) as Record<KpiMetric, number | null>;
}

/** Random records of three members around April 2025, some trashed, some in other currencies. */
const MEMBERS = ['a', 'b', 's'];
const T0 = APRIL.startAt - 40 * DAY_MS;
const T1 = APRIL.endAt + 40 * DAY_MS;
const owner = fc.constantFrom(...MEMBERS);
const when = fc.integer({ min: T0, max: T1 });
const trashed = fc.option(when, { freq: 4 });
/** The sources as arrays, so the laws can add to them. */
type Listed = {
	[K in keyof KpiSources]-?: NonNullable<KpiSources[K]> extends Iterable<infer T> ? T[] : never;
};
const sourcesArb: fc.Arbitrary<Listed> = fc.record({
	orders: fc.array(
		fc.record({
			ownerId: owner,
			at: when,
			amount: fc.record({
				minor: fc.nat({ max: 10_000 }),
				currency: fc.constantFrom('CNY', 'USD')
			}),
			trashedAt: trashed
		}),
		{ maxLength: 8 }
	),
	customers: fc.array(
		fc.record({
			ownerId: owner,
			createdAt: when,
			trashedAt: trashed,
			stage: fc.constantFrom('customer' as const, 'churned' as const)
		}),
		{ maxLength: 8 }
	),
	tasks: fc.array(
		fc.record({
			ownerId: owner,
			kind: fc.constantFrom('follow_up' as const, 'todo' as const),
			done: fc.boolean(),
			doneAt: fc.option(when),
			trashedAt: trashed
		}),
		{ maxLength: 6 }
	),
	interactions: fc.array(
		fc.record({
			ownerId: owner,
			at: when,
			satisfaction: fc.option(fc.integer({ min: 0, max: 6 })),
			trashedAt: trashed
		}),
		{ maxLength: 8 }
	),
	feedback: fc.array(
		fc.record({
			ownerId: owner,
			kind: fc.constantFrom('csat' as const, 'nps' as const),
			score: fc.integer({ min: 0, max: 10 }),
			at: when,
			trashedAt: trashed
		}),
		{ maxLength: 6 }
	),
	tickets: fc.array(
		fc.record({
			ownerId: owner,
			kind: fc.constantFrom('complaint' as const, 'support' as const),
			openedAt: when,
			closedAt: fc.option(when),
			trashedAt: trashed
		}),
		{ maxLength: 6 }
	)
});

function compute(sources: KpiSources, p: TeamPeriod = APRIL): PeriodFigures {
	return teamFigures({
		members: MEMBERS,
		sources,
		hierarchy: hierarchy(LINES),
		period: p,
		currency: 'CNY'
	});
}

describe('law: as at the period’s end', () => {
	it('nothing dated at or after the end changes a period', () => {
		let changedInside = 0;
		fc.assert(
			fc.property(sourcesArb, sourcesArb, (base, extra) => {
				const late = (t: number) => Math.max(t, APRIL.endAt);
				const after: KpiSources = {
					orders: [...base.orders, ...extra.orders.map((o) => ({ ...o, at: late(o.at) }))],
					customers: [
						...base.customers,
						...extra.customers.map((c) => ({ ...c, createdAt: late(c.createdAt) }))
					],
					tasks: [
						...base.tasks,
						...extra.tasks.map((t) => ({ ...t, doneAt: t.doneAt && late(t.doneAt) }))
					],
					interactions: [
						...base.interactions,
						...extra.interactions.map((i) => ({ ...i, at: late(i.at) }))
					],
					feedback: [...base.feedback, ...extra.feedback.map((f) => ({ ...f, at: late(f.at) }))],
					tickets: [
						...base.tickets,
						...extra.tickets.map((t) => ({
							...t,
							openedAt: late(t.openedAt),
							closedAt: t.closedAt && late(t.closedAt)
						}))
					]
				};
				expect(compute(after)).toEqual(compute(base));
				// The same records left at their drawn dates do change it, now and then.
				const drawn: KpiSources = {
					orders: [...base.orders, ...extra.orders],
					customers: [...base.customers, ...extra.customers],
					tasks: [...base.tasks, ...extra.tasks],
					interactions: [...base.interactions, ...extra.interactions],
					feedback: [...base.feedback, ...extra.feedback],
					tickets: [...base.tickets, ...extra.tickets]
				};
				if (JSON.stringify(compute(drawn)) !== JSON.stringify(compute(base))) changedInside += 1;
			}),
			{ numRuns: RUNS }
		);
		expect(changedInside).toBeGreaterThan(RUNS / 2);
	});
	it('a customer who leaves after the end was still there at the end', () => {
		fc.assert(
			fc.property(sourcesArb, fc.integer({ min: 0, max: 30 * DAY_MS }), (base, later) => {
				const stayed = base.customers.map((c) => ({ ...c, trashedAt: null }));
				const leftLater = stayed.map((c) => ({ ...c, trashedAt: APRIL.endAt + later }));
				const a = compute({ customers: stayed });
				const b = compute({ customers: leftLater });
				for (const m of MEMBERS) {
					for (const scope of ['own', 'team'] as const) {
						expect(b[m]?.[scope].retention_rate).toBe(a[m]?.[scope].retention_rate);
						expect(b[m]?.[scope].complaint_rate).toBe(a[m]?.[scope].complaint_rate);
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});
});

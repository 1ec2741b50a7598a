import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiMetric } from '../goal/goal';
import { isLowerBetter } from '../goal/progress';
import { DAY_MS } from '../shared/dates';
import {
	dashboardRows,
	factsBehind,
	leaderboard,
	NO_VALUES,
	sortRows,
	teamTotals,
	type DashboardRow
} from './dashboard';
import { Hierarchy } from './hierarchy';
import type { KpiSources } from './kpi-facts';
import { teamFigures, type KpiValues } from './kpi';
import { teamPeriod, type TeamPeriod } from './team-period';

const RUNS = 1000;
const ZONE = 'Asia/Shanghai';

function period(start: string): TeamPeriod {
	const r = teamPeriod(ZONE, 'month', start);
	if (!r.ok) throw new Error('period');
	return r.value;
}

const APRIL = period('2025-04-01');
const IN = APRIL.startAt + 3 * DAY_MS;
const NOW = APRIL.startAt + 15 * DAY_MS;
const FLAT = (() => {
	const r = Hierarchy.build([], ZONE);
	if (!r.ok) throw new Error('cycle');
	return r.value;
})();

const order = (ownerId: string, minor: number, at = IN) => ({
	ownerId,
	at,
	amount: { minor, currency: 'CNY' },
	trashedAt: null
});

function values(over: Partial<KpiValues>): KpiValues {
	return { ...NO_VALUES, ...over };
}

const row = (memberId: string, over: Partial<KpiValues>): DashboardRow => ({
	memberId,
	own: values(over),
	team: values(over),
	goals: { own: {}, team: {} },
	latestWorkAt: null,
	stale: true
});

describe('dashboardRows', () => {
	const sources: KpiSources = { orders: [order('a', 30_000), order('b', 90_000)] };
	const figures = teamFigures({
		members: ['a', 'b'],
		sources,
		hierarchy: FLAT,
		period: APRIL,
		currency: 'CNY'
	});
	const rows = dashboardRows({
		members: ['a', 'b'],
		figures,
		goals: [
			{ ownerId: 'a', metric: 'sales_amount', target: 60_000 },
			{ ownerId: 'gone', metric: 'sales_amount', target: 1 }
		],
		period: APRIL,
		now: NOW,
		latestWork: (id) => (id === 'a' ? NOW - DAY_MS : null)
	});

	it('gives each member their actuals and the progress of their goals', () => {
		expect(rows.map((r) => r.memberId)).toEqual(['a', 'b']);
		expect(rows[0]?.own.sales_amount).toBe(30_000);
		expect(rows[0]?.goals.own.sales_amount).toMatchObject({ actual: 30_000, ratio: 0.5 });
		expect(rows[1]?.goals.own).toEqual({});
	});

	it('flags a member whose latest work is a week old or was never merged', () => {
		expect(rows[0]?.stale).toBe(false);
		expect(rows[1]?.stale).toBe(true);
		const late = dashboardRows({
			members: ['a'],
			figures,
			goals: [],
			period: APRIL,
			now: NOW,
			latestWork: () => NOW - 7 * DAY_MS
		});
		expect(late[0]?.stale).toBe(true);
	});

	it('gives a member with no records empty values, not zeros of another member', () => {
		const r = dashboardRows({
			members: ['nobody'],
			figures,
			goals: [],
			period: APRIL,
			now: NOW,
			latestWork: () => null
		});
		expect(r[0]?.own.sales_amount).toBeNull();
	});
});

describe('teamTotals', () => {
	it('pools the records of the roster, rates as the team’s rate', () => {
		const sources: KpiSources = {
			orders: [order('a', 100), order('b', 200), order('left', 5_000), order('a', 7, APRIL.endAt)],
			tickets: [{ ownerId: 'a', kind: 'complaint', openedAt: IN, closedAt: null, trashedAt: null }],
			customers: [
				{ ownerId: 'a', createdAt: 0, trashedAt: null, stage: 'customer' },
				{ ownerId: 'b', createdAt: 0, trashedAt: null, stage: 'customer' },
				{ ownerId: 'b', createdAt: 0, trashedAt: null, stage: 'customer' },
				{ ownerId: 'b', createdAt: 0, trashedAt: null, stage: 'customer' }
			]
		};
		const totals = teamTotals(['a', 'b'], sources, APRIL, 'CNY');
		expect(totals.sales_amount).toBe(300);
		// One complaint over four active customers: 25%, not the mean of 100% and 0%.
		expect(totals.complaint_rate).toBe(25);
		expect(totals.market_share).toBeNull();
		expect(teamTotals(['a', 'b'], sources, APRIL, 'CNY', 12).market_share).toBe(12);
	});

	it('equals the sum of the members’ own figures for what adds up (property)', () => {
		const members = ['a', 'b', 'c'];
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						ownerId: fc.constantFrom(...members, 'x'),
						minor: fc.integer({ min: 0, max: 1_000_000 }),
						day: fc.integer({ min: -5, max: 35 })
					})
				),
				(list) => {
					const sources: KpiSources = {
						orders: list.map((o) => order(o.ownerId, o.minor, APRIL.startAt + o.day * DAY_MS)),
						interactions: list.map((o) => ({
							ownerId: o.ownerId,
							at: APRIL.startAt + o.day * DAY_MS,
							satisfaction: null,
							trashedAt: null
						}))
					};
					const figures = teamFigures({
						members,
						sources,
						hierarchy: FLAT,
						period: APRIL,
						currency: 'CNY'
					});
					const totals = teamTotals(members, sources, APRIL, 'CNY');
					for (const metric of ['sales_amount', 'interactions'] as const) {
						const sum = members.reduce((s, m) => s + (figures[m]?.own[metric] ?? 0), 0);
						expect(totals[metric]).toBe(sum);
					}
				}
			),
			{ numRuns: RUNS }
		);
	});
});

const valueArb = fc.option(fc.integer({ min: 0, max: 20 }), { nil: null });
const rowsArb = fc
	.array(valueArb, { maxLength: 12 })
	.map((vs) => vs.map((v, i) => row(`m${i}`, { sales_amount: v, complaint_rate: v })));

describe('sortRows', () => {
	it('orders by the value, members without one last, in either direction (property)', () => {
		fc.assert(
			fc.property(rowsArb, fc.constantFrom('asc' as const, 'desc' as const), (rows, dir) => {
				const sorted = sortRows(rows, 'sales_amount', 'own', dir);
				expect([...sorted].map((r) => r.memberId).sort()).toEqual(
					rows.map((r) => r.memberId).sort()
				);
				const vs = sorted.map((r) => r.own.sales_amount);
				const firstNull = vs.indexOf(null);
				if (firstNull >= 0) expect(vs.slice(firstNull).every((v) => v === null)).toBe(true);
				const known = vs.filter((v): v is number => v !== null);
				for (let i = 1; i < known.length; i++) {
					const [a, b] = [known[i - 1] ?? 0, known[i] ?? 0];
					expect(dir === 'asc' ? a <= b : a >= b).toBe(true);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('keeps the roster’s order among equal values', () => {
		const rows = [row('a', { sales_amount: 1 }), row('b', { sales_amount: 1 })];
		expect(sortRows(rows, 'sales_amount', 'own', 'desc').map((r) => r.memberId)).toEqual([
			'a',
			'b'
		]);
	});
});

describe('leaderboard', () => {
	it('ranks the best first, lower first where lower is better, ties share a rank', () => {
		const rows = [
			row('a', { sales_amount: 5, complaint_rate: 5 }),
			row('b', { sales_amount: 9, complaint_rate: 1 }),
			row('c', { sales_amount: 5, complaint_rate: 5 }),
			row('d', {})
		];
		expect(leaderboard(rows, 'sales_amount')).toEqual([
			{ memberId: 'b', value: 9, rank: 1 },
			{ memberId: 'a', value: 5, rank: 2 },
			{ memberId: 'c', value: 5, rank: 2 }
		]);
		expect(leaderboard(rows, 'complaint_rate').map((s) => [s.memberId, s.rank])).toEqual([
			['b', 1],
			['a', 2],
			['c', 2]
		]);
	});

	it('gives each member one plus the number strictly better (property)', () => {
		fc.assert(
			fc.property(
				rowsArb,
				fc.constantFrom<KpiMetric>('sales_amount', 'complaint_rate'),
				(rows, m) => {
					const board = leaderboard(rows, m);
					const known = rows.filter((r) => r.own[m] !== null);
					expect(board).toHaveLength(known.length);
					for (const s of board) {
						const better = known.filter((r) => {
							const v = r.own[m] ?? 0;
							return isLowerBetter(m) ? v < s.value : v > s.value;
						}).length;
						expect(s.rank).toBe(better + 1);
					}
				}
			),
			{ numRuns: RUNS }
		);
	});
});

describe('factsBehind', () => {
	it('lists the records a figure is made of, newest first, and none for a figure typed in', () => {
		const early = order('a', 100, IN);
		const late = order('a', 200, IN + DAY_MS);
		const sources: KpiSources = {
			orders: [early, late, order('b', 5), order('a', 9, APRIL.endAt)],
			tickets: [
				{ ownerId: 'a', kind: 'complaint', openedAt: IN, closedAt: null, trashedAt: null },
				{ ownerId: 'a', kind: 'support', openedAt: IN, closedAt: null, trashedAt: null }
			]
		};
		const mine = (owner: string) => owner === 'a';
		const sales = factsBehind('sales_amount', sources, APRIL, 'CNY', mine);
		expect(sales.map((f) => f.record)).toEqual([late, early]);
		expect(sales.every((f) => f.table === 'orders')).toBe(true);
		const complaints = factsBehind('complaint_rate', sources, APRIL, 'CNY', mine);
		expect(complaints.map((f) => f.table)).toEqual(['tickets']);
		expect(factsBehind('market_share', sources, APRIL, 'CNY', mine)).toEqual([]);
	});

	it('adds up to the figure it explains (property)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						ownerId: fc.constantFrom('a', 'b'),
						minor: fc.integer({ min: 0, max: 100_000 }),
						day: fc.integer({ min: -3, max: 33 }),
						trashed: fc.boolean()
					})
				),
				(list) => {
					const sources: KpiSources = {
						orders: list.map((o) => ({
							...order(o.ownerId, o.minor, APRIL.startAt + o.day * DAY_MS),
							trashedAt: o.trashed ? 1 : null
						}))
					};
					const figures = teamFigures({
						members: ['a', 'b'],
						sources,
						hierarchy: FLAT,
						period: APRIL,
						currency: 'CNY'
					});
					const facts = factsBehind('sales_amount', sources, APRIL, 'CNY', (o) => o === 'a');
					const sum = facts.reduce(
						(s, f) =>
							s +
							('amount' in f.record ? (f.record as { amount: { minor: number } }).amount.minor : 0),
						0
					);
					expect(sum).toBe(figures.a?.own.sales_amount);
				}
			),
			{ numRuns: RUNS }
		);
	});
});

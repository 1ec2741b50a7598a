import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '$lib/domain/deal/stages';
import { Hierarchy } from '$lib/domain/team/hierarchy';
import { teamFigures } from '$lib/domain/team/kpi';
import { teamPeriodContaining, type TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { loadDemoData } from './demo';
import { GOAL_CURRENCY, pipelineFigures } from './home';
import { loadDrillDown, loadTeamDashboard, loadTeamTrend, teamMembers } from './team-dashboard';

const ZONE = 'Asia/Shanghai';

function month(now: number): TeamPeriod {
	const p = teamPeriodContaining(ZONE, 'month', now);
	if (!p.ok) throw new Error('period');
	return p.value;
}

describe('the team dashboard', () => {
	it('reads each member’s figures as the team rules compute them over every record', async () => {
		await loadDemoData();
		const now = Date.now();
		const period = month(now);
		const d = db();
		const [members, customers, interactions, tasks, orders, tickets, feedback] = await Promise.all([
			d.members.toArray(),
			d.customers.toArray(),
			d.interactions.toArray(),
			d.tasks.toArray(),
			d.orders.toArray(),
			d.tickets.toArray(),
			d.feedback.toArray()
		]);
		const [boss, report] = members;
		if (!boss || !report) throw new Error('the demo has a team');
		const lines = [{ id: 'l1', memberId: report.id, value: boss.id, from: '2000-01-01' }];
		const flat = Hierarchy.build(lines, ZONE);
		if (!flat.ok) throw new Error('cycle');
		const expected = teamFigures({
			members: members.map((m) => m.id),
			sources: { customers, interactions, tasks, orders, tickets, feedback },
			hierarchy: flat.value,
			period,
			currency: GOAL_CURRENCY
		});

		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period,
			now,
			stages: DEFAULT_STAGES,
			lines
		});

		expect(board.rows).toHaveLength(members.length);
		let sales = 0;
		for (const row of board.rows) {
			expect(row.own).toEqual(expected[row.memberId]?.own);
			expect(row.team).toEqual(expected[row.memberId]?.team);
			sales += row.own.sales_amount ?? 0;
		}
		expect(board.totals.sales_amount).toBe(sales);
		const bossRow = board.rows.find((r) => r.memberId === boss.id);
		const reportRow = board.rows.find((r) => r.memberId === report.id);
		expect(bossRow?.team.sales_amount).toBe(
			(bossRow?.own.sales_amount ?? 0) + (reportRow?.own.sales_amount ?? 0)
		);
		expect(board.cycles).toEqual([]);
	});

	it('shows the goals of the period with their progress', async () => {
		const now = Date.now();
		const period = month(now);
		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period,
			now,
			stages: DEFAULT_STAGES,
			lines: []
		});
		const goals = await db()
			.goals.filter(
				(g) => g.trashedAt === null && g.periodKind === 'month' && g.periodStart === period.start
			)
			.toArray();
		expect(goals.length).toBeGreaterThan(0);
		for (const g of goals) {
			const row = board.rows.find((r) => r.memberId === g.ownerId);
			expect(row?.goals.own[g.metric]?.target).toBe(g.target);
			expect(row?.goals.own[g.metric]?.actual).toBe(row?.own[g.metric]);
		}
	});

	it('says whose work arrived lately and whose did not', async () => {
		const now = Date.now();
		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period: month(now),
			now,
			stages: DEFAULT_STAGES,
			lines: []
		});
		// The demo data is written now, stamped by this device's member.
		const fresh = board.rows.filter((r) => !r.stale);
		expect(fresh.length).toBeGreaterThan(0);
		for (const r of fresh) expect(now - (r.latestWorkAt ?? 0)).toBeLessThan(60_000);
		const aWeekOn = now + 8 * 24 * 60 * 60 * 1000;
		const later = await loadTeamDashboard({
			members: await teamMembers(),
			period: month(now),
			now: aWeekOn,
			stages: DEFAULT_STAGES,
			lines: []
		});
		expect(later.rows.every((r) => r.stale)).toBe(true);
	});

	it('adds the members’ open pipelines stage by stage', async () => {
		const now = Date.now();
		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period: month(now),
			now,
			stages: DEFAULT_STAGES,
			lines: []
		});
		const each = await Promise.all(board.members.map((m) => pipelineFigures(m.id, DEFAULT_STAGES)));
		const count = each.flat().reduce((s, r) => s + r.count, 0);
		expect(count).toBeGreaterThan(0);
		expect(board.pipeline.reduce((s, r) => s + r.count, 0)).toBe(count);
	});

	it('reports reporting lines that close a loop and rolls nothing up through them', async () => {
		const now = Date.now();
		const [a, b] = await db().members.toArray();
		if (!a || !b) throw new Error('the demo has a team');
		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period: month(now),
			now,
			stages: DEFAULT_STAGES,
			lines: [
				{ id: 'x', memberId: a.id, value: b.id, from: '2020-01-01' },
				{ id: 'y', memberId: b.id, value: a.id, from: '2020-01-01' }
			]
		});
		expect(board.cycles.length).toBeGreaterThan(0);
		for (const row of board.rows) expect(row.team).toEqual(row.own);
	});

	it('lists the records behind a figure, named by their customer', async () => {
		const now = Date.now();
		const period = month(now);
		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period,
			now,
			stages: DEFAULT_STAGES,
			lines: []
		});
		const row = board.rows.find((r) => (r.own.interactions ?? 0) > 3);
		if (!row) throw new Error('the demo logs contacts this month');
		const all = await loadDrillDown({
			members: await teamMembers(),
			memberId: row.memberId,
			scope: 'own',
			metric: 'interactions',
			period,
			lines: []
		});
		expect(all.total).toBe(row.own.interactions);
		expect(all.rows.every((r) => r.table === 'interactions' && r.customerName !== '')).toBe(true);
		const few = await loadDrillDown({
			members: await teamMembers(),
			memberId: row.memberId,
			scope: 'own',
			metric: 'interactions',
			period,
			lines: [],
			limit: 2
		});
		expect(few.rows).toHaveLength(2);
		expect(few.total).toBe(all.total);
		expect(few.rows[0]?.at).toBeGreaterThanOrEqual(few.rows[1]?.at ?? Infinity);
		const sales = await loadDrillDown({
			members: await teamMembers(),
			memberId: row.memberId,
			scope: 'own',
			metric: 'sales_amount',
			period,
			lines: []
		});
		expect(sales.rows.reduce((s, r) => s + (r.minor ?? 0), 0)).toBe(row.own.sales_amount);
	});

	it('gives six periods of totals, the last one the dashboard’s own', async () => {
		const now = Date.now();
		const period = month(now);
		const members = await teamMembers();
		const [board, trend] = await Promise.all([
			loadTeamDashboard({ members, period, now, stages: DEFAULT_STAGES, lines: [] }),
			loadTeamTrend({ members, period })
		]);
		expect(trend).toHaveLength(6);
		expect(trend.at(-1)?.totals).toEqual(board.totals);
		expect(trend.at(-1)?.period.start).toBe(period.start);
		for (let i = 1; i < trend.length; i++)
			expect(trend[i]?.period.startAt).toBe(trend[i - 1]?.period.endAt);
		const earlier = trend[0]?.period;
		if (!earlier) throw new Error('six periods');
		const then = await loadTeamDashboard({
			members,
			period: earlier,
			now,
			stages: DEFAULT_STAGES,
			lines: []
		});
		expect(trend[0]?.totals).toEqual(then.totals);
	});
});

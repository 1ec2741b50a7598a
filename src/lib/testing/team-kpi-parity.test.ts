import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { loadDemoData } from '$lib/db/repos/demo';
import { goalAggregates } from '$lib/db/repos/goals';
import { GOAL_CURRENCY } from '$lib/db/repos/home';
import { GOAL_METRICS } from '$lib/domain/goal/goal';
import type { PeriodKind } from '$lib/domain/shared/dates';
import { goalActual } from '$lib/domain/goal/progress';
import { Hierarchy } from '$lib/domain/team/hierarchy';
import { teamFigures } from '$lib/domain/team/kpi';
import { teamPeriodContaining } from '$lib/domain/team/team-period';

/**
 * The lead's figures of a member must be the member's own goals page's figures. The goals page
 * reads them with index ranges (src/lib/db/repos/goals.ts); the team's rules state the same filters
 * over records (src/lib/domain/team/kpi-facts.ts). This test holds the two together on the demo
 * data, with some records trashed, for the periods that are running (for ended periods the team's
 * figures are taken as at the end, by design).
 */

const ZONE = 'Asia/Shanghai';

/** The part of a table this test writes through (any synced table has it). */
interface Trashable {
	toCollection(): { primaryKeys(): Promise<string[]> };
	bulkUpdate(changes: { key: string; changes: { trashedAt: number } }[]): Promise<number>;
}

/** Trashes every seventh record, so that the rule for trashed records is compared too. */
async function trashSome(table: Trashable, at: number): Promise<void> {
	const keys = await table.toCollection().primaryKeys();
	const some = keys.filter((_, i) => i % 7 === 0);
	await table.bulkUpdate(some.map((key) => ({ key, changes: { trashedAt: at } })));
}
const OFFSET = 480;

describe('team KPIs and the goals page', () => {
	it('give every member the same actual value for every goal metric', async () => {
		await loadDemoData();
		const d = db();
		const now = Date.now();
		for (const table of [d.orders, d.interactions, d.tickets, d.feedback, d.tasks, d.customers])
			await trashSome(table, now - 1);
		const [members, customers, interactions, tasks, orders, tickets, feedback] = await Promise.all([
			d.members.toArray(),
			d.customers.toArray(),
			d.interactions.toArray(),
			d.tasks.toArray(),
			d.orders.toArray(),
			d.tickets.toArray(),
			d.feedback.toArray()
		]);
		const hierarchy = Hierarchy.build([], ZONE);
		if (!hierarchy.ok) throw new Error('cycle');
		let nonZero = 0;
		for (const kind of ['month', 'quarter', 'year'] as PeriodKind[]) {
			const period = teamPeriodContaining(ZONE, kind, now);
			if (!period.ok) throw new Error('period');
			const figures = teamFigures({
				members: members.map((m) => m.id),
				sources: { customers, interactions, tasks, orders, tickets, feedback },
				hierarchy: hierarchy.value,
				period: period.value,
				currency: GOAL_CURRENCY
			});
			for (const m of members) {
				for (const metric of GOAL_METRICS) {
					const goal = { ownerId: m.id, metric, periodKind: kind, periodStart: period.value.start };
					const page = goalActual(metric, await goalAggregates(goal, OFFSET));
					const team = figures[m.id]?.own[metric];
					if (page === null) expect(team, `${m.name} ${kind} ${metric}`).toBeNull();
					else expect(team, `${m.name} ${kind} ${metric}`).toBeCloseTo(page, 9);
					if (page) nonZero += 1;
				}
			}
		}
		// Most members have figures for most metrics: the comparison is not between empty sets.
		expect(nonZero).toBeGreaterThan(members.length * GOAL_METRICS.length);
	});
});

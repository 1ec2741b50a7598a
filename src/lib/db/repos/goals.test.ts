import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { periodContaining } from '$lib/domain/shared/dates';
import { goalActual } from '$lib/domain/goal/progress';
import { againstGoalLine } from '$lib/domain/reports/daily';
import { db } from '../db';
import { createDeal, moveDealTo } from './deals';
import { createGoal, goalActuals, goalAggregates, listGoals } from './goals';
import { salesFigures } from './home';
import { completeFollowUp } from './tasks';
import { contact, customer, errorCodes, me, TZ } from './test-fixtures';

/** A goal's actual value, read as the goals page reads it: its owner's goals, then their actuals. */
async function actualOf(owner: string, goalId: string): Promise<number | null | undefined> {
	return (await goalActuals(await listGoals(owner), TZ)).get(goalId);
}

describe('goals', () => {
	it('a sales goal moves when a deal is won', async () => {
		const owner = await me();
		const period = periodContaining('month', Date.now(), TZ);
		const goalId = await createGoal(
			{
				ownerId: owner,
				metric: 'sales_amount',
				periodKind: 'month',
				periodStart: period.start,
				target: 10_000_000
			},
			TZ
		);
		const before = (await actualOf(owner, goalId)) ?? 0;
		const c = await customer('目标客户');
		const id = await createDeal(
			{
				customerId: c,
				title: 'Goal deal',
				amount: { minor: 500_000, currency: 'CNY' },
				expectedClose: '',
				probability: 50,
				products: [],
				competitor: '',
				nextStep: '',
				ownerId: owner
			},
			'negotiation'
		);
		await moveDealTo(id, 'won');
		const after = await actualOf(owner, goalId);
		expect(after).toBe(before + 500_000);
		const sales = await salesFigures(owner, period, TZ);
		expect(sales.totalMinor).toBe(after);
		const line = againstGoalLine(sales.daily, 10_000_000);
		expect(line.at(-1)?.expected).toBeCloseTo(10_000_000);
		expect(line.at(-1)?.actual).toBe(after);
		const meta = await db().tallies.get(['meta']);
		await db().tallies.put({ k: ['meta'], offsetMin: TZ - 30 });
		try {
			expect(await salesFigures(owner, period, TZ)).toEqual(sales);
		} finally {
			if (meta) await db().tallies.put(meta);
		}
		expect(
			await errorCodes(
				createGoal(
					{
						ownerId: owner,
						metric: 'interactions',
						periodKind: 'month',
						periodStart: '2025-02-30',
						target: -1
					},
					TZ
				)
			)
		).toEqual(['period_invalid', 'target_invalid']);
	});

	it('follow-ups done count against a follow-up goal', async () => {
		const owner = await me();
		const period = periodContaining('month', Date.now(), TZ);
		const goal = {
			ownerId: owner,
			metric: 'follow_ups' as const,
			periodKind: 'month' as const,
			periodStart: period.start
		};
		const before = goalActual('follow_ups', await goalAggregates(goal, TZ)) ?? 0;
		await completeFollowUp(contact(await customer('计数客户'), owner, Date.now()), null);
		expect(goalActual('follow_ups', await goalAggregates(goal, TZ))).toBe(before + 1);
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '$lib/domain/shared/dates';
import { db } from '../db';
import { createDeal, moveDealTo } from './deals';
import { logInteraction } from './interactions';
import { contact, customer, dealDraft, errorCodes, fixedClock, me } from './test-fixtures';
import {
	commentOnWorkPlan,
	getWorkPlan,
	listWorkPlans,
	removeWorkPlan,
	saveWorkPlan,
	workPlanActual
} from './work-plans';

/** The team's zone (Asia/Shanghai): plans are read in it whatever the device's zone. */
const TEAM = 480;
/** Wednesday 11 March 2026, 12:00 in Shanghai; the week began on Monday the 9th. */
const NOW = Date.UTC(2026, 2, 11, 4);
const MONDAY = '2026-03-09';

fixedClock(NOW);

const plan = (memberId: string, over = {}) => ({
	memberId,
	span: 'week' as const,
	start: MONDAY,
	planned: { visits: 2, calls: 4, new_customers: 1 },
	dealIds: [] as string[],
	...over
});

describe('work plans', () => {
	it('sets the plan against the week’s log: visits, calls, new customers and deals moved', async () => {
		const owner = await me();
		const c = await customer('计划客户');
		await logInteraction(contact(c, owner, NOW - 2 * HOUR_MS, { type: 'visit' }));
		await logInteraction(contact(c, owner, NOW - HOUR_MS));
		await logInteraction(contact(c, owner, NOW - 30 * 24 * HOUR_MS)); // another month
		await logInteraction(contact(c, 'someone-else', NOW - HOUR_MS));
		const deal = await createDeal(dealDraft(c, owner, '推进商机'), 'lead');
		const still = await createDeal(dealDraft(c, owner, '未动商机'), 'lead');
		await moveDealTo(deal, 'proposal');

		const id = await saveWorkPlan(plan(owner, { dealIds: [deal, still] }));
		const stored = await getWorkPlan(id);
		const result = await workPlanActual(stored!, TEAM);
		expect(result?.rows).toEqual([
			{ measure: 'visits', planned: 2, actual: 1, ratio: 0.5 },
			{ measure: 'calls', planned: 4, actual: 1, ratio: 0.25 },
			{ measure: 'new_customers', planned: 1, actual: 1, ratio: 1 }
		]);
		expect(result?.deals).toEqual([
			{ dealId: deal, movedTo: 'proposal' },
			{ dealId: still, movedTo: null }
		]);
	});

	it('keeps one plan per member, span and start; the lead comments on it', async () => {
		const id = await saveWorkPlan(plan('wp-m'));
		expect(
			await saveWorkPlan(plan('wp-m', { planned: { visits: 5, calls: 4, new_customers: 1 } }))
		).toBe(id);
		await commentOnWorkPlan(id, '  拜访量再提一提 ');
		expect(await listWorkPlans('wp-m')).toMatchObject([
			{ id, planned: { visits: 5, calls: 4, new_customers: 1 }, leadComment: '拜访量再提一提' }
		]);
		const fields = Object.keys((await db().workPlans.get(id))?._meta.fields ?? {}).sort();
		expect(fields).toEqual(['leadComment', 'planned']);
		await removeWorkPlan(id);
		expect(await listWorkPlans('wp-m')).toEqual([]);
		// Saving it again brings it back.
		await saveWorkPlan(plan('wp-m'));
		expect(await listWorkPlans('wp-m')).toHaveLength(1);
	});

	it('refuses a misaligned start, negative or absurd counts, a comment too long', async () => {
		expect(
			await errorCodes(
				saveWorkPlan(
					plan('wp-x', {
						start: '2026-03-10',
						planned: { visits: -1, calls: 1e6, new_customers: 0 }
					})
				)
			)
		).toEqual(['start_invalid', 'count_invalid', 'count_invalid']);
		expect(await errorCodes(saveWorkPlan(plan('')))).toEqual(['member_required']);
		const id = await saveWorkPlan(plan('wp-y'));
		expect(await errorCodes(commentOnWorkPlan(id, 'x'.repeat(5001)))).toEqual(['text_too_long']);
	});

	it('reads counts it cannot read from a file as zero', async () => {
		const id = await saveWorkPlan(plan('wp-z'));
		await db().workPlans.update(id, { planned: { visits: 'many' } as never });
		expect((await getWorkPlan(id))?.planned).toEqual({ visits: 0, calls: 0, new_customers: 0 });
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getSession } from '../session';
import { acknowledgeMyPlan, myPlan } from './pay-answers';
import { savePlan, type PlanDraft } from './pay-plans';
import { setMemberFact } from './team-facts';
import { setTeamZone } from './team-settings';
import { plainLevel } from './test-fixtures';

const MARCH_10 = Date.UTC(2026, 2, 10, 2);

const draft = (levelId: string, effective: string, base: number): PlanDraft => ({
	levelId,
	effective,
	currency: 'CNY',
	baseMinor: base,
	targetMinor: 10_000_000,
	brackets: [
		{ fromPct: '0', toPct: '100', ratePct: '3' },
		{ fromPct: '100', toPct: null, ratePct: '5' }
	],
	performanceBonus: null
});

describe("a member's own plan", () => {
	it('is the plan of the level they hold today, acknowledged once', async () => {
		await setTeamZone('Asia/Shanghai');
		expect(await myPlan(MARCH_10)).toBeNull();
		const { member } = await getSession();
		const level = await plainLevel('客户经理');
		await setMemberFact({
			memberId: member.id,
			kind: 'level',
			value: level,
			from: '2026-01-01',
			note: ''
		});
		expect(await myPlan(MARCH_10)).toBeNull();
		const january = await savePlan(draft(level, '2026-01-01', 600_000));
		// A plan from April is not yet in force in March.
		await savePlan(draft(level, '2026-04-01', 700_000));
		const mine = await myPlan(MARCH_10);
		expect(mine).toMatchObject({ levelName: '客户经理', acknowledgedAt: null });
		expect(mine?.plan.id).toBe(january);

		await acknowledgeMyPlan(january, MARCH_10);
		await acknowledgeMyPlan(january, MARCH_10 + 1);
		expect((await myPlan(MARCH_10))?.acknowledgedAt).toBe(MARCH_10);
	});
});

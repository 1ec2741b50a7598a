import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { nextStamp } from '../session';
import { createGoal, listGoals, planLevelGoals, setLevelGoals, trashGoal } from './goals';
import { setMemberFact } from './team-facts';
import { errorCodes, plainLevel, TZ } from './test-fixtures';

let senior = '';
const Q2 = { metric: 'sales_amount', periodKind: 'quarter', periodStart: '2026-04-01' } as const;

async function member(id: string): Promise<void> {
	await db().members.put(createRecord<Member>(id, blankMember(id, 'manager'), await nextStamp()));
}

beforeAll(async () => {
	senior = await plainLevel('高级客户经理');
	const junior = await plainLevel('客户经理');
	for (const id of ['li', 'wang', 'zhao']) await member(id);
	await setMemberFact({
		memberId: 'li',
		kind: 'level',
		value: senior,
		from: '2026-01-01',
		note: ''
	});
	await setMemberFact({
		memberId: 'wang',
		kind: 'level',
		value: junior,
		from: '2026-01-01',
		note: ''
	});
	// Promoted after the quarter began: judged at the level held on its first day.
	await setMemberFact({
		memberId: 'wang',
		kind: 'level',
		value: senior,
		from: '2026-05-01',
		note: ''
	});
	await setMemberFact({
		memberId: 'zhao',
		kind: 'level',
		value: senior,
		from: '2026-01-01',
		note: ''
	});
	await setMemberFact({
		memberId: 'zhao',
		kind: 'status',
		value: 'left',
		from: '2026-03-01',
		note: ''
	});
});

const goalsOf = async (owner: string) =>
	(await listGoals(owner)).filter((g) => g.periodStart === Q2.periodStart);

describe('goals of a whole level', () => {
	it('sets one goal per member at the level on the first day, and again updates them', async () => {
		const plan = await planLevelGoals({ ...Q2, level: senior, target: 50_000_000 });
		expect(plan.map((g) => g.ownerId)).toEqual(['li']);
		await setLevelGoals({ ...Q2, level: senior, target: 50_000_000 }, TZ);
		expect((await goalsOf('li')).map((g) => g.target)).toEqual([50_000_000]);
		expect(await goalsOf('wang')).toEqual([]);
		expect(await goalsOf('zhao')).toEqual([]);

		await setLevelGoals({ ...Q2, level: senior, target: 60_000_000 }, TZ);
		expect((await goalsOf('li')).map((g) => g.target)).toEqual([60_000_000]);
	});

	it('sets a lead-only KPI for the level, keeping each member’s entered share', async () => {
		const share = { ...Q2, metric: 'market_share' } as const;
		await createGoal({ ownerId: 'li', ...share, target: 20, enteredActual: 15 }, TZ);
		await setLevelGoals({ ...share, level: senior, target: 25 }, TZ);
		const mine = (await goalsOf('li')).filter((g) => g.metric === 'market_share');
		expect(mine.map((g) => [g.target, g.enteredActual])).toEqual([[25, 15]]);
		await setLevelGoals({ ...Q2, metric: 'avg_resolution_time', level: senior, target: 8 }, TZ);
		const hours = (await goalsOf('li')).filter((g) => g.metric === 'avg_resolution_time');
		expect(hours.map((g) => g.target)).toEqual([8]);
	});

	it('refuses a bad request and writes nothing', async () => {
		const before = await db().goals.count();
		expect(await errorCodes(setLevelGoals({ ...Q2, level: senior, target: -1 }, TZ))).toEqual([
			'target_invalid'
		]);
		expect(
			await errorCodes(
				setLevelGoals({ ...Q2, level: senior, periodStart: '2026-13-01', target: 1 }, TZ)
			)
		).toEqual(['period_invalid']);
		expect(
			await errorCodes(setLevelGoals({ ...Q2, level: 'no-such-level', target: 1 }, TZ))
		).toEqual(['no_members_at_level']);
		expect(await db().goals.count()).toBe(before);
	});
});

describe('a goal set twice', () => {
	it('is one goal with the newer target, brought back if it was deleted', async () => {
		const draft = {
			ownerId: 'wang',
			metric: 'follow_ups',
			periodKind: 'month',
			periodStart: '2026-06-01'
		} as const;
		const first = await createGoal({ ...draft, target: 10 }, TZ);
		const second = await createGoal({ ...draft, target: 12 }, TZ);
		expect(second).toBe(first);
		const june = (await listGoals('wang')).filter((g) => g.periodStart === '2026-06-01');
		expect(june.map((g) => g.target)).toEqual([12]);
		await trashGoal(first);
		expect((await listGoals('wang')).some((g) => g.id === first)).toBe(false);
		await createGoal({ ...draft, target: 15 }, TZ);
		expect((await listGoals('wang')).find((g) => g.id === first)?.target).toBe(15);
	});
});

import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '$lib/domain/deal/stages';
import type { Goal } from '$lib/domain/goal/goal';
import { blankMember, type Member } from '$lib/domain/member/member';
import type { Scorecard } from '$lib/domain/review/scorecard';
import { teamPeriodContaining } from '$lib/domain/team/team-period';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { getSession, nextStamp, updateMyProfile } from '../session';
import { createGoal } from './goals';
import { loadReview } from './reviews';
import { saveScorecard } from './scorecard';
import { loadTeamDashboard, teamMembers } from './team-dashboard';

/** The market share the lead enters on a goal is the member's figure on the dashboard and in a review. */

const ZONE = 'Asia/Shanghai';
const month = () => {
	const p = teamPeriodContaining(ZONE, 'month', Date.now());
	if (!p.ok) throw new Error('no month');
	return p.value;
};
const CARD: Scorecard = {
	kpis: [
		{ metric: 'market_share', weight: 50 },
		{ metric: 'avg_resolution_time', weight: 50 }
	],
	ratings: [],
	cap: 120
};

beforeAll(async () => {
	await getSession();
	await updateMyProfile({ name: '周主管', role: 'ops_lead' });
	for (const id of ['li', 'wang'])
		await db().members.put(createRecord<Member>(id, blankMember(id, 'manager'), await nextStamp()));
	const { start } = month();
	const tz = -new Date().getTimezoneOffset();
	const at = { periodKind: 'month', periodStart: start } as const;
	await createGoal(
		{ ownerId: 'li', metric: 'market_share', ...at, target: 20, enteredActual: 18 },
		tz
	);
	await createGoal({ ownerId: 'li', metric: 'avg_resolution_time', ...at, target: 8 }, tz);
	// An old copy of Wang's share goal with a random id, beside the keyed one.
	await createGoal(
		{ ownerId: 'wang', metric: 'market_share', ...at, target: 30, enteredActual: 25 },
		tz
	);
	const copy = createRecord<Goal>(
		'old-random-id',
		{
			ownerId: 'wang',
			metric: 'market_share',
			...at,
			target: 99,
			enteredActual: 90,
			setBy: 'x',
			trashedAt: null
		},
		await nextStamp()
	);
	await db().goals.put(copy);
	await saveScorecard(CARD);
});

describe('an entered market share', () => {
	it('is the member’s figure on the dashboard, judged against the keyed goal only', async () => {
		const now = Date.now();
		const board = await loadTeamDashboard({
			members: await teamMembers(),
			period: month(),
			now,
			stages: DEFAULT_STAGES,
			lines: []
		});
		const li = board.rows.find((r) => r.memberId === 'li');
		const wang = board.rows.find((r) => r.memberId === 'wang');
		expect(li?.own.market_share).toBe(18);
		expect(li?.goals.own.market_share).toMatchObject({ target: 20, actual: 18, ratio: 0.9 });
		expect(li?.goals.own.avg_resolution_time).toMatchObject({ target: 8, actual: null });
		expect(wang?.own.market_share).toBe(25);
		expect(wang?.goals.own.market_share).toMatchObject({ target: 30, actual: 25 });
	});

	it('is the review’s market-share line', async () => {
		const { start } = month();
		const view = await loadReview({ memberId: 'li', periodKind: 'month', periodStart: start });
		expect(view.kpis).toEqual([
			{ metric: 'market_share', target: 20, actual: 18 },
			{ metric: 'avg_resolution_time', target: 8, actual: null }
		]);
		const wang = await loadReview({ memberId: 'wang', periodKind: 'month', periodStart: start });
		expect(wang.kpis[0]).toEqual({ metric: 'market_share', target: 30, actual: 25 });
	});
});

import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankMember, type Member } from '$lib/domain/member/member';
import type { ReviewContent, ReviewKey } from '$lib/domain/review/review';
import { DEFAULT_SCORECARD, type Scorecard } from '$lib/domain/review/scorecard';
import { teamPeriodContaining } from '$lib/domain/team/team-period';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { getSession, nextStamp, updateMyProfile } from '../session';
import { createDeal, moveDealTo } from './deals';
import { createGoal } from './goals';
import { periodReviews } from './review-period';
import {
	listMemberReviews,
	loadReview,
	markReviewAction,
	myReviews,
	reopenReview,
	saveReview,
	signReviewAsLead,
	signReviewAsMember
} from './reviews';
import { getScorecard, saveScorecard } from './scorecard';
import { closeTeamPeriod } from './team-closes';
import { setTeamZone } from './team-settings';
import { customer, errorCodes } from './test-fixtures';

const ZONE = 'Asia/Shanghai';
const CARD: Scorecard = {
	kpis: [
		{ metric: 'sales_amount', weight: 60 },
		{ metric: 'new_customers', weight: 10 }
	],
	ratings: [
		{ criterion: 'communication', weight: 15 },
		{ criterion: 'custom_1', weight: 15, label: '拜访质量' }
	],
	cap: 120
};
const RATED: ReviewContent = {
	ratings: {
		communication: { rating: 4, comment: '汇报清楚' },
		custom_1: { rating: 5, comment: '' }
	},
	strengths: '老客户维护好',
	plan: [],
	notes: ''
};

const thisMonth = () => {
	const p = teamPeriodContaining(ZONE, 'month', Date.now());
	if (!p.ok) throw new Error('no month');
	return p.value;
};

async function addMember(name: string): Promise<string> {
	const id = `m-${name}`;
	const member = createRecord<Member>(id, blankMember(name, 'manager'), await nextStamp());
	await db().members.put(member);
	return id;
}

/** A won deal of `amount` minor units for a customer of `owner`, this month. */
async function sale(owner: string, amount: number): Promise<void> {
	const c = await customer(`客户 ${amount}`, { ownerId: owner });
	const id = await createDeal(
		{
			customerId: c,
			title: `单 ${amount}`,
			amount: { minor: amount, currency: 'CNY' },
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
}

let li = '';
let wang = '';
let key: ReviewKey;

beforeAll(async () => {
	await getSession();
	await updateMyProfile({ name: '周主管', role: 'ops_lead' });
	li = await addMember('李娜');
	wang = await addMember('王强');
	const month = thisMonth();
	key = { memberId: li, periodKind: 'month', periodStart: month.start };
	const tz = -new Date().getTimezoneOffset();
	await createGoal(
		{
			ownerId: li,
			metric: 'sales_amount',
			periodKind: 'month',
			periodStart: month.start,
			target: 1_000_000
		},
		tz
	);
	await sale(li, 250_000);
	await sale(wang, 990_000);
});

describe('the scorecard', () => {
	it('is the default until the lead saves one, which travels as a team setting', async () => {
		expect(await getScorecard()).toEqual(DEFAULT_SCORECARD);
		await saveScorecard({ ...CARD, ratings: CARD.ratings.map((r) => ({ ...r, label: r.label })) });
		expect(await getScorecard()).toEqual(CARD);
		const stored = await db().teamSettings.get('team_setting:scorecard');
		expect(stored?.value).toEqual(CARD);
		// A built-in criterion carries no label field at all, not even an undefined one.
		expect(Object.keys((stored?.value as Scorecard).ratings[0]!)).toEqual(['criterion', 'weight']);
	});

	it('refuses weights summing to 90 with the sum, and keeps the one saved', async () => {
		const ninety: Scorecard = {
			...CARD,
			kpis: [
				{ metric: 'sales_amount', weight: 50 },
				{ metric: 'new_customers', weight: 10 }
			]
		};
		const e = await saveScorecard(ninety).catch((x: unknown) => x);
		expect(e).toMatchObject({ errors: [{ field: 'weights', code: 'weights_sum', sum: 90 }] });
		expect(await errorCodes(saveScorecard({ ...CARD, cap: 80 }))).toEqual(['cap_invalid']);
		expect(
			await errorCodes(
				saveScorecard({
					...CARD,
					ratings: [CARD.ratings[0]!, { criterion: 'custom_1', weight: 15, label: ' ' }]
				})
			)
		).toEqual(['criterion_label_required']);
		expect(await getScorecard()).toEqual(CARD);
	});
});

describe('a review', () => {
	it('opens as a draft filled from the merged data, and writes nothing', async () => {
		const v = await loadReview(key);
		expect(v.id).toBe(`review:${li}:month:${key.periodStart}`);
		expect(v).toMatchObject({ viewer: 'lead', state: 'draft', stored: null, memberName: '李娜' });
		expect(v.period.zone).toBe(ZONE);
		expect(v.scorecard).toEqual(CARD);
		expect(v.kpis).toEqual([
			{ metric: 'sales_amount', target: 1_000_000, actual: 250_000 },
			{ metric: 'new_customers', target: null, actual: 1 }
		]);
		expect(v.score).toBeNull();
		expect(await db().reviews.count()).toBe(0);
	});

	it('follows the team zone the lead sets', async () => {
		await setTeamZone('Pacific/Kiritimati');
		try {
			expect((await loadReview(key)).period.zone).toBe('Pacific/Kiritimati');
		} finally {
			await setTeamZone(ZONE);
		}
	});

	it('saves ratings, comments and actions, and scores once every criterion is rated', async () => {
		await saveReview(key, {
			...RATED,
			ratings: { communication: RATED.ratings.communication! },
			plan: [{ id: 'a1', text: '每周复盘丢单', due: '2099-01-31', done: false }]
		});
		let v = await loadReview(key);
		expect(v.stored).toMatchObject({ memberId: li, reviewerId: await lead(), score: null });
		expect(v.content.plan).toHaveLength(1);
		await saveReview(key, { ...RATED, plan: v.content.plan });
		v = await loadReview(key);
		// 60 × 25 + 10 × 0 (no goal) + 15 × 80 + 15 × 100, over 100.
		expect(v.score?.total).toBeCloseTo(42);
		expect(v.stored?.score).toBe(42);
		expect(await db().reviews.count()).toBe(1);
	});

	it('refuses bad content with its codes and changes nothing', async () => {
		const before = await db().reviews.toArray();
		expect(
			await errorCodes(
				saveReview(key, {
					...RATED,
					ratings: { communication: { rating: 7, comment: '' } },
					plan: [{ id: 'a1', text: '', due: '2001-01-01', done: false }]
				})
			)
		).toEqual(['rating_invalid', 'action_text_required', 'action_due_before_period']);
		expect(await errorCodes(saveReview({ ...key, periodStart: '2026-02-30' }, RATED))).toEqual([
			'period_date_invalid'
		]);
		expect(await db().reviews.toArray()).toEqual(before);
	});

	it('is signed by the lead, which freezes lines and score against later data', async () => {
		expect(await errorCodes(signReviewAsMember(key, ''))).toEqual(['lead_not_signed']);
		const { plan } = (await loadReview(key)).content;
		await signReviewAsLead(key, { ...RATED, plan });
		await sale(li, 750_000);
		const v = await loadReview(key);
		expect(v.state).toBe('lead_signed');
		expect(v.kpis[0]?.actual).toBe(250_000);
		expect(v.score?.total).toBeCloseTo(42);
		expect(v.scoreHolds).toBe(true);
		expect(await errorCodes(saveReview(key, RATED))).toEqual(['review_signed']);
		// The lead's device is not the member's: only they sign as the member.
		expect(await errorCodes(signReviewAsMember(key, ''))).toEqual(['not_your_review']);
	});

	it('lets the plan be followed up after the sign-off', async () => {
		const v = await loadReview(key);
		await markReviewAction(v.id, 'a1', true);
		expect((await loadReview(key)).content.plan[0]?.done).toBe(true);
		expect(await errorCodes(markReviewAction(v.id, 'zz', true))).toEqual(['action_unknown']);
		await markReviewAction(v.id, 'a1', false);
	});

	it('reopened, follows the data again until signed anew', async () => {
		await reopenReview(key);
		const v = await loadReview(key);
		expect(v.state).toBe('draft');
		expect(v.kpis[0]?.actual).toBe(1_000_000);
		expect(await errorCodes(reopenReview(key))).toEqual(['not_signed']);
		await signReviewAsLead(key, v.content);
		// 60 × 100 + 10 × 0 + 15 × 80 + 15 × 100, over 100.
		expect((await loadReview(key)).stored?.score).toBe(87);
	});

	it('shows the next review the open actions of this one, and lists the history', async () => {
		const month = thisMonth();
		const next = { ...key, periodStart: shiftMonth(month.start) };
		const v = await loadReview(next);
		expect(v.carried.map((c) => [c.reviewId, c.action.text])).toEqual([
			[`review:${li}:month:${month.start}`, '每周复盘丢单']
		]);
		expect((await listMemberReviews(li)).map((r) => r.periodStart)).toEqual([month.start]);
	});

	it('takes a closed period’s frozen figures', async () => {
		const month = thisMonth();
		const last = { ...key, periodStart: shiftMonth(month.start, -1) };
		const period = (await loadReview(last)).period;
		const figures = {
			[li]: {
				own: { ...emptyValues(), sales_amount: 123_400, new_customers: 3 },
				team: emptyValues()
			}
		};
		await closeTeamPeriod(period, figures);
		expect((await loadReview(last)).kpis).toEqual([
			{ metric: 'sales_amount', target: null, actual: 123_400 },
			{ metric: 'new_customers', target: null, actual: 3 }
		]);
	});
});

describe('a period’s reviews across the team', () => {
	it('lists each member the lead reviews with the state of their review', async () => {
		const month = thisMonth();
		const { rows } = await periodReviews('month', month.start);
		expect(rows.map((r) => [r.memberName, r.state, r.review?.score ?? null])).toEqual([
			['李娜', 'lead_signed', 87],
			['王强', 'not_started', null]
		]);
		const me = await lead();
		expect(rows.some((r) => r.memberId === me)).toBe(false);
	});
});

describe('the member’s own view', () => {
	it('a member signs their own review after the lead, with a comment', async () => {
		// The member's device: the same records, the member's session.
		const session = await getSession();
		const leadMember = session.member;
		session.member = (await db().members.get(li))!;
		try {
			expect((await loadReview(key)).viewer).toBe('member');
			expect((await myReviews()).map((r) => r.periodStart)).toEqual([key.periodStart]);
			expect(await errorCodes(reopenReview(key))).toEqual(['own_review']);
			expect(await errorCodes(signReviewAsMember(key, '长'.repeat(1001)))).toEqual([
				'member_comment_too_long'
			]);
			await signReviewAsMember(key, ' 同意 ');
			const v = await loadReview(key);
			expect(v.state).toBe('signed');
			expect(v.stored?.memberComment).toBe('同意');
			expect(await errorCodes(signReviewAsMember(key, ''))).toEqual(['member_signed']);
			// Someone else's review is none of theirs.
			expect((await loadReview({ ...key, memberId: wang })).viewer).toBe('none');
		} finally {
			session.member = leadMember;
		}
	});
});

async function lead(): Promise<string> {
	return (await getSession()).member.id;
}

function shiftMonth(start: string, by = 1): string {
	const [y, m] = start.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(y, m - 1 + by, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

function emptyValues() {
	return {
		sales_amount: null,
		new_customers: null,
		follow_ups: null,
		interactions: null,
		avg_satisfaction: null,
		retention_rate: null,
		complaint_rate: null,
		avg_resolution_time: null,
		market_share: null
	};
}

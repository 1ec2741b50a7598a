import { earlierOpenActions, type CarriedAction } from '$lib/domain/review/plan';
import {
	emptyReviewContent,
	type Review,
	type ReviewContent,
	type ReviewKey,
	type ReviewKpi
} from '$lib/domain/review/review';
import { enteredShares } from '$lib/domain/goal/entered';
import { currentGoals } from '$lib/domain/goal/keyed-goals';
import { readReview } from '$lib/domain/review/review-read';
import { reviewKpis, reviewScore } from '$lib/domain/review/review-score';
import type { ReviewScore, Scorecard } from '$lib/domain/review/scorecard';
import {
	frozenScoreHolds,
	markAction,
	reopen,
	reviewState,
	saveDraft,
	signAsLead,
	signAsMember,
	type ReviewData,
	type ReviewState,
	type ReviewStep
} from '$lib/domain/review/sign-off';
import type { Id } from '$lib/domain/shared/types';
import { reviewId } from '$lib/domain/team/keyed-id';
import { teamPeriod, type TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { putKeyed } from './keyed-write';
import { memberKpiValues } from './member-figures';
import { getScorecard } from './scorecard';
import { myTeamScope } from './team-access';
import { getTeamZone } from './team-settings';

/**
 * Performance reviews (domain/review/): one record per member and period, id from that key, so
 * the lead's devices write one. A draft's KPI lines are computed from the merged data in the
 * team zone at each read and save; the lead's sign-off stores them frozen with the score. Every
 * step is a pure rule of sign-off.ts applied to the stored record inside one transaction.
 */

/** Who is looking: the lead (or a supervisor of the member), the member, or someone else. */
export type ReviewViewer = 'lead' | 'member' | 'none';

export interface ReviewView {
	id: string;
	key: ReviewKey;
	period: TeamPeriod;
	memberName: string;
	viewer: ReviewViewer;
	/** The review as stored; null before its first save. */
	stored: Review | null;
	state: ReviewState;
	/** The stored scorecard and lines once the lead signed, else the team's and the data's now. */
	scorecard: Scorecard;
	kpis: ReviewKpi[];
	content: ReviewContent;
	/** Lines and total from the above; null while a criterion is unrated. */
	score: ReviewScore | null;
	/** False when a signed review's ratings no longer give its stored score (a late merge). */
	scoreHolds: boolean;
	/** The open actions of the member's earlier reviews. */
	carried: CarriedAction[];
	/** The member's other reviews, the latest first. */
	history: Review[];
}

async function periodOf(key: ReviewKey): Promise<TeamPeriod> {
	const p = teamPeriod(await getTeamZone(), key.periodKind, key.periodStart);
	if (!p.ok) throw new ValidationFailed(p.errors);
	return p.value;
}

/** The figures a draft follows now: the team's scorecard and the member's lines for the period. */
async function liveFigures(key: ReviewKey, period: TeamPeriod) {
	const [scorecard, counted, stored] = await Promise.all([
		getScorecard(),
		memberKpiValues(key.memberId, period),
		db()
			.goals.where('ownerId')
			.equals(key.memberId)
			.filter((g) => g.periodKind === key.periodKind && g.periodStart === key.periodStart)
			.toArray()
	]);
	// One goal per key (old random-id copies left out); the records hold no market share, so
	// the one the lead entered on the goal is the member's figure (a frozen one stays).
	const goals = currentGoals(stored);
	const share = enteredShares(goals)[0]?.value ?? null;
	const values = { ...counted, market_share: counted.market_share ?? share };
	const kpis = reviewKpis(
		scorecard,
		values,
		goals.map((g) => ({ metric: g.metric, target: g.target, updated: g._meta.updated }))
	);
	return { scorecard, kpis };
}

/** A member's reviews, every period, the latest first (their history). */
export async function listMemberReviews(memberId: Id): Promise<Review[]> {
	const all = await db().reviews.where('memberId').equals(memberId).toArray();
	return all
		.map(readReview)
		.filter((r) => r.trashedAt === null)
		.sort(
			(a, b) =>
				b.periodStart.localeCompare(a.periodStart) || a.periodKind.localeCompare(b.periodKind)
		);
}

/** The reviews this device's member may open as their own: those their lead has signed. */
export async function myReviews(): Promise<Review[]> {
	const { member } = await getSession();
	return (await listMemberReviews(member.id)).filter((r) => r.leadSignedAt !== null);
}

async function viewerOf(memberId: Id, now: number): Promise<ReviewViewer> {
	const [session, scope] = await Promise.all([getSession(), myTeamScope(now)]);
	if (session.member.id === memberId) return 'member';
	return scope.members.has(memberId) ? 'lead' : 'none';
}

/**
 * The review of a member and period as its page shows it, made up when none is stored yet: a
 * draft with the data's KPI lines and the team's scorecard. Nothing is written.
 */
export async function loadReview(key: ReviewKey, now = Date.now()): Promise<ReviewView> {
	const id = reviewId(key.memberId, key.periodKind, key.periodStart);
	const [period, member, raw, history, viewer] = await Promise.all([
		periodOf(key),
		db().members.get(key.memberId),
		db().reviews.get(id),
		listMemberReviews(key.memberId),
		viewerOf(key.memberId, now)
	]);
	const stored = raw && raw.trashedAt === null ? readReview(raw) : null;
	const state = reviewState(stored);
	const { scorecard, kpis } = stored && state !== 'draft' ? stored : await liveFigures(key, period);
	const content = stored ?? emptyReviewContent();
	return {
		id,
		key,
		period,
		memberName: member?.name ?? '',
		viewer,
		stored,
		state,
		scorecard,
		kpis,
		content: {
			ratings: content.ratings,
			strengths: content.strengths,
			plan: content.plan,
			notes: content.notes
		},
		score: reviewScore(scorecard, kpis, content),
		scoreHolds: stored === null || frozenScoreHolds(stored),
		carried: earlierOpenActions(history, key),
		history: history.filter((r) => r.id !== id)
	};
}

const dataOf = ({ id: _id, _meta: _m, ...data }: Review): ReviewData => data;

/** Applies a step to the stored review in one transaction and writes what it gives. */
async function step(id: string, make: (current: ReviewData | null) => ReviewStep): Promise<void> {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.reviews, async () => {
			const raw = await d.reviews.get(id);
			const current = raw && raw.trashedAt === null ? dataOf(readReview(raw)) : null;
			const next = make(current);
			if (!next.ok) throw new ValidationFailed(next.errors);
			await putKeyed(d.reviews, id, next.value, stamp);
		})
	);
}

const idOf = (key: ReviewKey) => reviewId(key.memberId, key.periodKind, key.periodStart);

/** Saves the lead's draft (created on its first save); refused once the lead has signed. */
export async function saveReview(key: ReviewKey, content: ReviewContent): Promise<void> {
	const live = await liveFigures(key, await periodOf(key));
	const { member } = await getSession();
	const now = Date.now();
	await step(idOf(key), (current) => saveDraft(current, key, content, live, member.id, now));
}

/** The lead's sign-off, with the content as it stands: freezes the KPI lines and the score. */
export async function signReviewAsLead(key: ReviewKey, content: ReviewContent): Promise<void> {
	const live = await liveFigures(key, await periodOf(key));
	const { member } = await getSession();
	const now = Date.now();
	await step(idOf(key), (current) => signAsLead(current, key, content, live, member.id, now));
}

/** The member's sign-off of their own review, after the lead's. */
export async function signReviewAsMember(key: ReviewKey, comment: string): Promise<void> {
	const { member } = await getSession();
	const now = Date.now();
	await step(idOf(key), (current) => signAsMember(current, comment, member.id, now));
}

/** Reopens a signed review for editing; both sign-offs go. */
export async function reopenReview(key: ReviewKey): Promise<void> {
	const { member } = await getSession();
	await step(idOf(key), (current) => reopen(current, member.id));
}

/** Marks an action of a review's plan done or open again (also from the next review). */
export async function markReviewAction(id: string, actionId: string, done: boolean): Promise<void> {
	await step(id, (current) => markAction(current, actionId, done));
}

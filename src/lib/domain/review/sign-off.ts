import type { EpochMs, FieldError, Id, Result } from '../shared/types';
import type { Review, ReviewContent, ReviewKey, ReviewKpi } from './review';
import {
	COMMENT_MAX,
	contentErrors,
	normalizeContent,
	type ReviewContentErrorCode
} from './review-content';
import { reviewScore, roundScore } from './review-score';
import type { Scorecard } from './scorecard';

/**
 * The life of a review: a draft the lead edits, signed by the lead (which freezes its KPI lines,
 * its scorecard and its score), then signed by the member, who signs only after the lead. Editing
 * a signed review means reopening it first, which clears both sign-offs; the member's comment
 * stays, as what the reopening answers. Only an action's "done" changes at any time: the plan is
 * followed up after the review is signed.
 *
 * Each step is a function from the stored review to the next one (or codes), so that the rules
 * hold whichever device applies them; the repository writes the result as stamped edits.
 */

export type ReviewData = Omit<Review, 'id' | '_meta'>;

export type ReviewState = 'draft' | 'lead_signed' | 'signed';

export function reviewState(
	r: Pick<Review, 'leadSignedAt' | 'memberSignedAt'> | null
): ReviewState {
	if (!r || r.leadSignedAt === null) return 'draft';
	return r.memberSignedAt === null ? 'lead_signed' : 'signed';
}

/** What a draft follows: the team's scorecard now and the member's figures now. */
export interface LiveFigures {
	scorecard: Scorecard;
	kpis: ReviewKpi[];
}

export const SIGN_OFF_ERROR_CODES = [
	'review_signed',
	'lead_not_signed',
	'member_signed',
	'not_signed',
	'own_review',
	'not_your_review',
	'member_comment_too_long',
	'action_unknown',
	'scorecard_invalid'
] as const;
export type SignOffErrorCode = (typeof SIGN_OFF_ERROR_CODES)[number];

export type ReviewErrorCode = SignOffErrorCode | ReviewContentErrorCode;
export type ReviewStep = Result<ReviewData, ReviewErrorCode>;

const refuse = (field: string, code: ReviewErrorCode): ReviewStep => ({
	ok: false,
	errors: [{ field, code }]
});

/** The content written by the lead (`by`), checked; the figures and scorecard of now. */
function written(
	current: ReviewData | null,
	key: ReviewKey,
	content: ReviewContent,
	live: LiveFigures,
	by: Id,
	now: EpochMs,
	complete: boolean
): ReviewStep {
	if (by === key.memberId) return refuse('review', 'own_review');
	if (current && current.leadSignedAt !== null) return refuse('review', 'review_signed');
	const c = normalizeContent(live.scorecard, content);
	const errors: FieldError<ReviewErrorCode>[] = contentErrors(
		live.scorecard,
		c,
		key.periodStart,
		complete
	);
	if (errors.length) return { ok: false, errors };
	const score = reviewScore(live.scorecard, live.kpis, c);
	if (complete && !score) return refuse('scorecard', 'scorecard_invalid');
	return {
		ok: true,
		value: {
			memberId: key.memberId,
			periodKind: key.periodKind,
			periodStart: key.periodStart,
			scorecard: live.scorecard,
			kpis: live.kpis,
			...c,
			score: score ? roundScore(score.total) : null,
			reviewerId: by,
			at: now,
			leadSignedAt: null,
			memberSignedAt: null,
			memberComment: current?.memberComment ?? '',
			trashedAt: null
		}
	};
}

/** Saves a draft: ratings may be missing; the score is null until all are given. */
export function saveDraft(
	current: ReviewData | null,
	key: ReviewKey,
	content: ReviewContent,
	live: LiveFigures,
	by: Id,
	now: EpochMs
): ReviewStep {
	return written(current, key, content, live, by, now, false);
}

/** The lead's sign-off: every criterion rated; the KPI lines, scorecard and score freeze. */
export function signAsLead(
	current: ReviewData | null,
	key: ReviewKey,
	content: ReviewContent,
	live: LiveFigures,
	by: Id,
	now: EpochMs
): ReviewStep {
	const r = written(current, key, content, live, by, now, true);
	return r.ok ? { ok: true, value: { ...r.value, leadSignedAt: now } } : r;
}

/** The member's sign-off (签字确认), with what they want to say; only after the lead's. */
export function signAsMember(
	current: ReviewData | null,
	comment: string,
	by: Id,
	now: EpochMs
): ReviewStep {
	if (!current || current.leadSignedAt === null) return refuse('review', 'lead_not_signed');
	if (by !== current.memberId) return refuse('review', 'not_your_review');
	if (current.memberSignedAt !== null) return refuse('review', 'member_signed');
	const text = comment.trim();
	if (text.length > COMMENT_MAX) return refuse('memberComment', 'member_comment_too_long');
	return { ok: true, value: { ...current, memberSignedAt: now, memberComment: text } };
}

/** Reopens a signed review for editing: both sign-offs go; figures follow the data again. */
export function reopen(current: ReviewData | null, by: Id): ReviewStep {
	if (!current || current.leadSignedAt === null) return refuse('review', 'not_signed');
	if (by === current.memberId) return refuse('review', 'own_review');
	return { ok: true, value: { ...current, leadSignedAt: null, memberSignedAt: null } };
}

/** Marks an action of the plan done or not, in any state, by the lead or the member. */
export function markAction(
	current: ReviewData | null,
	actionId: string,
	done: boolean
): ReviewStep {
	if (!current || !current.plan.some((a) => a.id === actionId))
		return refuse('plan', 'action_unknown');
	return {
		ok: true,
		value: { ...current, plan: current.plan.map((a) => (a.id === actionId ? { ...a, done } : a)) }
	};
}

/**
 * Whether a signed review's stored score is still the one its frozen lines and its ratings give:
 * a rating changed on another device that had not yet seen the sign-off merges in beside it, and
 * the review then says so rather than show a score its ratings do not give.
 */
export function frozenScoreHolds(r: ReviewData): boolean {
	if (r.leadSignedAt === null) return true;
	const s = reviewScore(r.scorecard, r.kpis, r);
	return s !== null && r.score === roundScore(s.total);
}

import { parseIsoDate } from '../shared/dates';
import type { FieldError, IsoDate } from '../shared/types';
import type { PlanAction, RatingEntry, ReviewContent } from './review';
import { RATING_MAX, RATING_MIN, type Scorecard } from './scorecard';

/**
 * What the lead writes in a review, checked: ratings from 1 to 5 (unrated allowed in a draft,
 * not at the sign-off), texts within their lengths, and a plan whose actions each say what and
 * by when. Codes name their field as the form does: `ratings.<criterion>`,
 * `comments.<criterion>`, `plan.<i>.text`, `plan.<i>.due`.
 */

export const STRENGTHS_MAX = 2000;
export const NOTES_MAX = 2000;
export const COMMENT_MAX = 1000;
export const ACTION_TEXT_MAX = 300;
export const PLAN_MAX = 20;

export const REVIEW_CONTENT_ERROR_CODES = [
	'rating_invalid',
	'rating_missing',
	'comment_too_long',
	'strengths_too_long',
	'notes_too_long',
	'plan_too_long',
	'action_text_required',
	'action_text_too_long',
	'action_due_invalid',
	'action_due_before_period'
] as const;
export type ReviewContentErrorCode = (typeof REVIEW_CONTENT_ERROR_CODES)[number];

export type ReviewContentError = FieldError<ReviewContentErrorCode>;

const validRating = (r: number): boolean =>
	Number.isInteger(r) && r >= RATING_MIN && r <= RATING_MAX;

/** The content trimmed, and kept to the scorecard's criteria (a removed one's rating goes). */
export function normalizeContent(card: Scorecard, c: ReviewContent): ReviewContent {
	const ratings: Record<string, RatingEntry> = {};
	for (const { criterion } of card.ratings) {
		const e = Object.hasOwn(c.ratings, criterion) ? c.ratings[criterion] : undefined;
		if (e) ratings[criterion] = { rating: e.rating, comment: e.comment.trim() };
	}
	return {
		ratings,
		strengths: c.strengths.trim(),
		notes: c.notes.trim(),
		plan: c.plan.map((a) => ({ ...a, text: a.text.trim(), due: a.due.trim() }))
	};
}

function actionErrors(a: PlanAction, i: number, periodStart: IsoDate): ReviewContentError[] {
	const errors: ReviewContentError[] = [];
	if (!a.text) errors.push({ field: `actions.${i}.text`, code: 'action_text_required' });
	else if (a.text.length > ACTION_TEXT_MAX)
		errors.push({ field: `actions.${i}.text`, code: 'action_text_too_long' });
	if (!parseIsoDate(a.due)) errors.push({ field: `actions.${i}.due`, code: 'action_due_invalid' });
	else if (a.due < periodStart)
		errors.push({ field: `actions.${i}.due`, code: 'action_due_before_period' });
	return errors;
}

/**
 * Codes for normalised content. `complete`: the sign-off's check, where every criterion of the
 * scorecard must be rated.
 */
export function contentErrors(
	card: Scorecard,
	c: ReviewContent,
	periodStart: IsoDate,
	complete: boolean
): ReviewContentError[] {
	const errors: ReviewContentError[] = [];
	for (const { criterion } of card.ratings) {
		const e = Object.hasOwn(c.ratings, criterion) ? c.ratings[criterion] : undefined;
		if (e?.rating != null && !validRating(e.rating))
			errors.push({ field: `ratings.${criterion}`, code: 'rating_invalid' });
		else if (complete && e?.rating == null)
			errors.push({ field: `ratings.${criterion}`, code: 'rating_missing' });
		if (e && e.comment.length > COMMENT_MAX)
			errors.push({ field: `comments.${criterion}`, code: 'comment_too_long' });
	}
	if (c.strengths.length > STRENGTHS_MAX)
		errors.push({ field: 'strengths', code: 'strengths_too_long' });
	if (c.notes.length > NOTES_MAX) errors.push({ field: 'notes', code: 'notes_too_long' });
	if (c.plan.length > PLAN_MAX) errors.push({ field: 'plan', code: 'plan_too_long' });
	c.plan.forEach((a, i) => errors.push(...actionErrors(a, i, periodStart)));
	return errors;
}

/** The ratings of the scorecard's criteria that have one, as scoreReview takes them. */
export function ratingValues(c: Pick<ReviewContent, 'ratings'>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [criterion, e] of Object.entries(c.ratings))
		if (e.rating !== null) out[criterion] = e.rating;
	return out;
}

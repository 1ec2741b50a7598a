import { FEEDBACK_CHANNELS, type Feedback } from '$lib/domain/feedback/feedback';
import { isValidCsat, isValidNps } from '$lib/domain/feedback/scores';
import { isOneOf } from '$lib/domain/shared/one-of';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { isFiniteNumber, refuse, textError } from './field-errors';

export type FeedbackDraft = Pick<
	Feedback,
	'customerId' | 'kind' | 'score' | 'channel' | 'comment' | 'at' | 'ownerId'
>;

export function checkFeedback(d: FeedbackDraft): FeedbackDraft {
	const errors = [];
	if (!d.customerId) errors.push({ field: 'customerId', code: 'customer_required' });
	const validScore =
		d.kind === 'csat' ? Number.isInteger(d.score) && isValidCsat(d.score) : isValidNps(d.score);
	if (d.kind !== 'csat' && d.kind !== 'nps') errors.push({ field: 'kind', code: 'kind_invalid' });
	else if (!validScore) errors.push({ field: 'score', code: `score_invalid_${d.kind}` });
	if (!isOneOf(FEEDBACK_CHANNELS, d.channel))
		errors.push({ field: 'channel', code: 'channel_invalid' });
	const comment = textError('comment', d.comment, 2000, false);
	if (comment) errors.push(comment);
	if (!isFiniteNumber(d.at) || d.at > Date.now() + 5 * 60_000)
		errors.push({ field: 'at', code: 'date_invalid' });
	refuse(errors);
	return { ...d, comment: d.comment.trim() };
}

/** A customer's satisfaction and NPS answers, newest first. */
export async function listFeedbackForCustomer(customerId: string): Promise<Feedback[]> {
	const list = await db()
		.feedback.where('[customerId+at]')
		.between([customerId, -Infinity], [customerId, Infinity])
		.reverse()
		.toArray();
	return list.filter((f) => f.trashedAt === null);
}

export async function addFeedback(draft: FeedbackDraft): Promise<string> {
	const value = checkFeedback(draft);
	const id = newId();
	const stamp = await nextStamp();
	await guarded(() =>
		db().feedback.add(createRecord<Feedback>(id, { ...value, trashedAt: null }, stamp))
	);
	return id;
}

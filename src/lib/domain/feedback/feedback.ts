import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id } from '../shared/types';

export const FEEDBACK_KINDS = ['csat', 'nps'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Where an answer came from (stored as a code, translated on screen). */
export const FEEDBACK_CHANNELS = [
	'phone',
	'wechat',
	'email',
	'visit',
	'survey',
	'ticket',
	'other'
] as const;

/** A satisfaction (CSAT 1-5) or NPS (0-10) entry. */
export interface Feedback extends Synced {
	customerId: Id;
	kind: FeedbackKind;
	score: number;
	channel: string;
	comment: string;
	at: EpochMs;
	ownerId: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

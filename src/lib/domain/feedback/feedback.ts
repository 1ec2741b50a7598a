import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id } from '../shared/types';

/** A satisfaction (CSAT 1-5) or NPS (0-10) entry. */
export interface Feedback extends Synced {
	customerId: Id;
	kind: 'csat' | 'nps';
	score: number;
	channel: string;
	comment: string;
	at: EpochMs;
	ownerId: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

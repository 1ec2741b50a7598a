import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id, IsoDate } from '../shared/types';

/** An operations lead's performance review / coaching note for a manager and period. */
export interface Review extends Synced {
	memberId: Id;
	periodStart: IsoDate;
	periodKind: 'month' | 'quarter' | 'year';
	score: number | null;
	notes: string;
	reviewerId: Id;
	at: EpochMs;
	trashedAt: number | null;
	demo?: boolean;
}

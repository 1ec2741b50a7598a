import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id, IsoDate } from '../shared/types';

export const INTERACTION_TYPES = [
	'call',
	'visit',
	'email',
	'wechat',
	'meeting',
	'training',
	'care',
	'other'
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** One logged contact with a customer (联系记录). */
export interface Interaction extends Synced {
	customerId: Id;
	type: InteractionType;
	at: EpochMs;
	durationMinutes: number | null;
	summary: string;
	outcome: string;
	/** 1-5, optional. */
	satisfaction: number | null;
	/** Optional next follow-up date; logging one creates a task. */
	nextFollowUp: IsoDate | null;
	/** Member id of who logged it. */
	ownerId: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

export type InteractionDraft = Omit<Interaction, 'id' | '_meta' | 'trashedAt' | 'demo'>;

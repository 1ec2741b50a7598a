import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id, IsoDate, Money } from '../shared/types';

export interface Deal extends Synced {
	customerId: Id;
	title: string;
	stage: string;
	amount: Money;
	expectedClose: IsoDate | '';
	/** 0-100. */
	probability: number;
	products: string[];
	competitor: string;
	nextStep: string;
	lostReason: string;
	ownerId: Id;
	createdAt: EpochMs;
	closedAt: EpochMs | null;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

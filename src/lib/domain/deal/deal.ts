import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id, IsoDate, Money } from '../shared/types';

/** Default stages (configurable later): 线索, 需求确认, 方案报价, 商务谈判, 赢单, 输单. */
export const DEFAULT_DEAL_STAGES = [
	'lead',
	'needs_confirmed',
	'proposal',
	'negotiation',
	'won',
	'lost'
] as const;

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

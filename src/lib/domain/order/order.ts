import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id, Money } from '../shared/types';

/** A purchase in a customer's history (购买记录); a won deal records one. */
export interface Order extends Synced {
	customerId: Id;
	dealId: Id | null;
	at: EpochMs;
	amount: Money;
	products: string[];
	notes: string;
	ownerId: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

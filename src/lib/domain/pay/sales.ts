import type { Period } from '../shared/dates';
import type { Order } from '../order/order';
import type { Id } from '../shared/types';
import { isMinor, toSafe } from './decimal';

/**
 * A member's sales for a pay period: their orders that are not in the trash, in the plan's
 * currency, dated in [startAt, endAt) (the caller gives the period's edges in its time zone).
 * Orders in another currency are left out, never converted: a plan pays on one currency.
 * The ids counted are kept, so that a later recomputation can say which orders changed.
 */
export type SalesOrder = Pick<Order, 'id' | 'ownerId' | 'at' | 'amount' | 'trashedAt'>;

export interface PeriodSales {
	minor: number;
	/** The orders counted, sorted by id. */
	orderIds: Id[];
}

export type SalesErrorCode = 'order_amount_invalid' | 'amount_out_of_range';

export type SalesResult =
	| { ok: true; value: PeriodSales }
	| { ok: false; errors: { code: SalesErrorCode; orderIds: Id[] }[] };

export function salesFor(
	orders: Iterable<SalesOrder>,
	memberId: Id,
	currency: string,
	span: Pick<Period, 'startAt' | 'endAt'>
): SalesResult {
	let total = 0n;
	const orderIds: Id[] = [];
	const invalid: Id[] = [];
	for (const o of orders) {
		if (o.ownerId !== memberId || o.trashedAt != null || o.amount.currency !== currency) continue;
		if (!(o.at >= span.startAt && o.at < span.endAt)) continue;
		if (!isMinor(o.amount.minor)) {
			invalid.push(o.id);
			continue;
		}
		total += BigInt(o.amount.minor);
		orderIds.push(o.id);
	}
	if (invalid.length > 0) {
		return { ok: false, errors: [{ code: 'order_amount_invalid', orderIds: invalid.sort() }] };
	}
	const minor = toSafe(total);
	if (minor === null) return { ok: false, errors: [{ code: 'amount_out_of_range', orderIds: [] }] };
	return { ok: true, value: { minor, orderIds: orderIds.sort() } };
}

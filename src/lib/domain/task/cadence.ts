import type { Tier } from '../customer/customer';
import type { EpochMs, Id } from '../shared/types';
import { DAY_MS } from '../goal/period';

/**
 * Follow-up cadence (回访周期): how many days may pass without contact before a customer of each tier
 * is due for a follow-up. Due customers appear without anyone creating a task.
 */
export type Cadence = Record<Tier, number>;

export const DEFAULT_CADENCE: Readonly<Cadence> = Object.freeze({ A: 14, B: 30, C: 90 });

/** Days for a tier, or null when the tier has no cadence (no tier, or 0 / invalid = switched off). */
export function cadenceDays(cadence: Readonly<Cadence>, tier: Tier | ''): number | null {
	if (tier === '') return null;
	const days = cadence[tier];
	return typeof days === 'number' && Number.isFinite(days) && days > 0 ? days : null;
}

/** The lean customer fields the rule needs (a CustomerRow fits). */
export interface CadenceCustomer {
	id: Id;
	tier: Tier | '';
	lastContactAt: EpochMs | null;
	createdAt: EpochMs;
	trashedAt?: EpochMs | null;
}

export interface DueFollowUp<C extends CadenceCustomer = CadenceCustomer> {
	customer: C;
	/** Last contact, or creation when never contacted. */
	since: EpochMs;
	/** When the follow-up became due: since + cadence. */
	dueAt: EpochMs;
	/** Whole days past dueAt (0 on the day it falls due). */
	daysOverdue: number;
	neverContacted: boolean;
}

/** The follow-up due for one customer at `now`, or null when not due / not applicable. */
export function followUpDue<C extends CadenceCustomer>(
	customer: C,
	cadence: Readonly<Cadence>,
	now: EpochMs
): DueFollowUp<C> | null {
	if (customer.trashedAt != null) return null;
	const days = cadenceDays(cadence, customer.tier);
	if (days === null) return null;
	const since = customer.lastContactAt ?? customer.createdAt;
	if (!Number.isFinite(since)) return null;
	const dueAt = since + days * DAY_MS;
	if (now < dueAt) return null;
	return {
		customer,
		since,
		dueAt,
		daysOverdue: Math.floor((now - dueAt) / DAY_MS),
		neverContacted: customer.lastContactAt === null
	};
}

/**
 * How many customers are due, and the first `limit` of them in dueFollowUps' order, without
 * sorting them all (Home shows eight of what can be tens of thousands).
 */
export function firstDueFollowUps<C extends CadenceCustomer>(
	customers: Iterable<C>,
	cadence: Readonly<Cadence>,
	now: EpochMs,
	limit: number
): { total: number; first: DueFollowUp<C>[] } {
	const first: DueFollowUp<C>[] = [];
	let total = 0;
	for (const c of customers) {
		const d = followUpDue(c, cadence, now);
		if (!d) continue;
		total += 1;
		if (first.length === limit && !(limit > 0 && byDue(d, first[limit - 1] as DueFollowUp<C>) < 0))
			continue;
		let i = first.length;
		while (i > 0 && byDue(d, first[i - 1] as DueFollowUp<C>) < 0) i -= 1;
		first.splice(i, 0, d);
		if (first.length > limit) first.pop();
	}
	return { total, first };
}

function byDue<C extends CadenceCustomer>(a: DueFollowUp<C>, b: DueFollowUp<C>): number {
	return (
		a.dueAt - b.dueAt ||
		(a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0)
	);
}

/**
 * Customers whose last contact (or creation, if never contacted) is older than their tier's cadence,
 * most overdue first (ties: earliest due, then id, so the order is stable). One pass over `customers`.
 */
export function dueFollowUps<C extends CadenceCustomer>(
	customers: Iterable<C>,
	cadence: Readonly<Cadence>,
	now: EpochMs
): DueFollowUp<C>[] {
	const due: DueFollowUp<C>[] = [];
	for (const c of customers) {
		const d = followUpDue(c, cadence, now);
		if (d) due.push(d);
	}
	return due.sort(byDue);
}

import type { Tier } from '../customer/customer';
import type { EpochMs, Id } from '../shared/types';
import { DAY_MS } from '../shared/dates';

/**
 * Follow-up cadence (回访周期): how many days may pass without contact before a customer of each tier
 * is due for a follow-up. Due customers appear without anyone creating a task.
 */
export type Cadence = Record<Tier, number>;

export const DEFAULT_CADENCE: Readonly<Cadence> = Object.freeze({ A: 14, B: 30, C: 90 });
const CADENCE_MAX_DAYS = 3650;

/** Field errors of a cadence: whole days per tier, 0 (off) to CADENCE_MAX_DAYS. */
export function cadenceErrors(
	cadence: Partial<Record<Tier, unknown>>
): { field: Tier; code: 'cadence_invalid' }[] {
	const errors: { field: Tier; code: 'cadence_invalid' }[] = [];
	for (const tier of Object.keys(DEFAULT_CADENCE) as Tier[]) {
		const days = cadence[tier];
		if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > CADENCE_MAX_DAYS)
			errors.push({ field: tier, code: 'cadence_invalid' });
	}
	return errors;
}

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

/**
 * When the customer's follow-up falls due (last contact, or creation when never contacted, plus
 * the tier's cadence), or null when none applies (in the trash, no tier or cadence, no date).
 */
function dueAtOf(customer: CadenceCustomer, cadence: Readonly<Cadence>): EpochMs | null {
	if (customer.trashedAt != null) return null;
	const days = cadenceDays(cadence, customer.tier);
	if (days === null) return null;
	const since = customer.lastContactAt ?? customer.createdAt;
	return Number.isFinite(since) ? since + days * DAY_MS : null;
}

function dueFollowUpAt<C extends CadenceCustomer>(
	customer: C,
	dueAt: EpochMs,
	now: EpochMs
): DueFollowUp<C> {
	return {
		customer,
		since: customer.lastContactAt ?? customer.createdAt,
		dueAt,
		daysOverdue: Math.floor((now - dueAt) / DAY_MS),
		neverContacted: customer.lastContactAt === null
	};
}

/** The follow-up due for one customer at `now`, or null when not due / not applicable. */
export function followUpDue<C extends CadenceCustomer>(
	customer: C,
	cadence: Readonly<Cadence>,
	now: EpochMs
): DueFollowUp<C> | null {
	const dueAt = dueAtOf(customer, cadence);
	if (dueAt === null || now < dueAt) return null;
	return dueFollowUpAt(customer, dueAt, now);
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
		const dueAt = dueAtOf(c, cadence);
		if (dueAt === null || now < dueAt) continue;
		total += 1;
		// Most due customers are not among the first: they are counted without building a record.
		if (first.length === limit) {
			const lastKept = first[limit - 1];
			if (!lastKept || compareDue(dueAt, c.id, lastKept) >= 0) continue;
		}
		let i = first.length;
		while (i > 0 && compareDue(dueAt, c.id, first[i - 1] as DueFollowUp<C>) < 0) i -= 1;
		first.splice(i, 0, dueFollowUpAt(c, dueAt, now));
		if (first.length > limit) first.pop();
	}
	return { total, first };
}

/**
 * The follow-ups' order (earliest due first, ties by customer id) of one due at `dueAt` for
 * customer `id` against `b`: firstDueFollowUps compares before it builds the record.
 */
function compareDue(dueAt: EpochMs, id: string, b: DueFollowUp): number {
	return dueAt - b.dueAt || (id < b.customer.id ? -1 : id > b.customer.id ? 1 : 0);
}

const byDue = (a: DueFollowUp, b: DueFollowUp): number => compareDue(a.dueAt, a.customer.id, b);

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

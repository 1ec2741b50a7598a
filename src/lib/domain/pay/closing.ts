import { addMonths, formatIsoDate, parseIsoDate } from '../shared/dates';
import type { EpochMs, Id, IsoDate } from '../shared/types';
import type { Adjustment, AdjustmentReason, LineChange } from './adjustment';
import { isMinor, toSafe } from './decimal';
import type { ClosedPeriod } from './plan';
import { earnedLines, type PayoutStatement } from './statement';

/**
 * Closing a period writes its statements once. A change found later (an order returned or
 * trashed, a deal won late) never edits them: the difference between the frozen statement and a
 * recomputation of it becomes an adjustment carried by the next open period's statement.
 */

export type CloseErrorCode = 'statement_closed';

/** The statement as it will be kept, closed at `closedAt`; a closed one cannot close again. */
export function closeStatement(
	s: PayoutStatement,
	closedAt: EpochMs
): { ok: true; value: PayoutStatement } | { ok: false; code: CloseErrorCode } {
	if (s.closedAt !== null) return { ok: false, code: 'statement_closed' };
	return { ok: true, value: { ...s, closedAt } };
}

/** Whether a local day falls inside one of the closed periods. */
export function isClosedDay(day: IsoDate, closed: readonly ClosedPeriod[]): boolean {
	return closed.some((c) => day >= c.start && day < c.end);
}

/**
 * The first month after `after` (a month's first day) that is not closed: where a correction
 * of a closed month lands. Null for a malformed date.
 */
export function nextOpenMonth(after: IsoDate, closed: readonly ClosedPeriod[]): IsoDate | null {
	const d = parseIsoDate(after);
	if (!d) return null;
	let next = formatIsoDate(addMonths({ ...d, day: 1 }, 1));
	// Each step jumps past a closed period that holds `next`, so no period is met twice.
	for (;;) {
		const holding = closed.find((c) => next >= c.start && next < c.end);
		if (!holding) return next;
		const end = parseIsoDate(holding.end);
		if (!end) return null;
		next = formatIsoDate(end.day === 1 ? end : addMonths({ ...end, day: 1 }, 1));
	}
}

export type AdjustmentErrorCode =
	| 'statement_not_closed'
	| 'statement_mismatch'
	| 'plan_mismatch'
	| 'period_invalid'
	| 'period_closed'
	| 'period_not_later'
	| 'amount_invalid'
	| 'note_required'
	| 'amount_out_of_range';

export type AdjustmentResult =
	{ ok: true; value: Adjustment | null } | { ok: false; code: AdjustmentErrorCode };

export interface RecomputeInput {
	/** The statement as closed. */
	frozen: PayoutStatement;
	/** The same member, period and plan computed again from today's records. */
	recomputed: PayoutStatement;
	/** Adjustments already issued for this statement's period (any order). */
	prior: readonly Adjustment[];
	/** The open period's first day that carries the adjustment (see nextOpenMonth). */
	into: IsoDate;
	closed: readonly ClosedPeriod[];
	createdAt: EpochMs;
	createdBy: Id;
	note?: string;
}

function checkInto(into: IsoDate, notBefore: IsoDate, closed: readonly ClosedPeriod[]) {
	if (!parseIsoDate(into)) return 'period_invalid' as const;
	if (into < notBefore) return 'period_not_later' as const;
	if (isClosedDay(into, closed)) return 'period_closed' as const;
	return null;
}

/**
 * The n-th adjustment of a member's closed period: derived, so that the same late change found
 * on two devices of the lead is one record.
 */
export function lateChangeId(memberId: Id, periodStart: IsoDate, n: number): Id {
	return `late:${memberId}:${periodStart}:${n}`;
}

/** What the statement stood at after the prior adjustments: its lines and its orders. */
function baseline(frozen: PayoutStatement, prior: readonly Adjustment[]) {
	const lines = new Map(earnedLines(frozen).map((l) => [l.key, l.minor]));
	const orders = new Set(frozen.sales.orderIds);
	const ordered = [...prior].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
	for (const a of ordered) {
		for (const c of a.lines) lines.set(c.key, c.recomputedMinor);
		for (const id of a.removedOrderIds) orders.delete(id);
		for (const id of a.addedOrderIds) orders.add(id);
	}
	return { lines, orders };
}

/**
 * The adjustment a recomputation of a closed statement calls for, or null when nothing changed
 * in the pay. Its amount is what the recomputation earns minus what the frozen statement and the
 * adjustments issued since already paid, so running it twice on the same records adjusts once.
 * Negative: a clawback; positive: a correction. Lines carried by the frozen statement from
 * earlier periods (its own adjustments) are not recomputed: they have their own records.
 */
export function adjustmentFor(input: RecomputeInput): AdjustmentResult {
	const { frozen, recomputed } = input;
	if (frozen.closedAt === null) return { ok: false, code: 'statement_not_closed' };
	if (
		recomputed.id !== frozen.id ||
		recomputed.memberId !== frozen.memberId ||
		recomputed.period.start !== frozen.period.start ||
		recomputed.currency !== frozen.currency
	) {
		return { ok: false, code: 'statement_mismatch' };
	}
	if (recomputed.plan.id !== frozen.plan.id) return { ok: false, code: 'plan_mismatch' };
	const intoError = checkInto(input.into, frozen.period.end, input.closed);
	if (intoError) return { ok: false, code: intoError };

	const prior = input.prior.filter(
		(a) => a.memberId === frozen.memberId && a.sourcePeriodStart === frozen.period.start
	);
	const base = baseline(frozen, prior);
	const now = new Map(earnedLines(recomputed).map((l) => [l.key, l.minor]));
	const lines: LineChange[] = [];
	let diff = 0n;
	for (const key of new Set([...base.lines.keys(), ...now.keys()])) {
		const was = base.lines.get(key) ?? 0;
		const is = now.get(key) ?? 0;
		if (was !== is) lines.push({ key, frozenMinor: was, recomputedMinor: is });
		diff += BigInt(is) - BigInt(was);
	}
	const minor = toSafe(diff);
	if (minor === null) return { ok: false, code: 'amount_out_of_range' };
	if (minor === 0) return { ok: true, value: null };

	const nowOrders = new Set(recomputed.sales.orderIds);
	const removedOrderIds = [...base.orders].filter((id) => !nowOrders.has(id)).sort();
	const addedOrderIds = [...nowOrders].filter((id) => !base.orders.has(id)).sort();
	const reasons: AdjustmentReason[] = [];
	if (removedOrderIds.length > 0) reasons.push('orders_removed');
	if (addedOrderIds.length > 0) reasons.push('orders_added');
	if (reasons.length === 0) reasons.push('figures_changed');
	return {
		ok: true,
		value: {
			id: lateChangeId(frozen.memberId, frozen.period.start, prior.length + 1),
			memberId: frozen.memberId,
			kind: minor < 0 ? 'clawback' : 'correction',
			minor,
			currency: frozen.currency,
			sourcePeriodStart: frozen.period.start,
			periodStart: input.into,
			reasons,
			removedOrderIds,
			addedOrderIds,
			lines,
			note: input.note?.trim() ?? '',
			createdAt: input.createdAt,
			createdBy: input.createdBy
		}
	};
}

export interface OneOffBonusInput {
	id: Id;
	memberId: Id;
	minor: number;
	currency: string;
	into: IsoDate;
	closed: readonly ClosedPeriod[];
	note: string;
	createdAt: EpochMs;
	createdBy: Id;
}

/** A bonus the lead grants outside the plan: positive, with a reason in words, in an open period. */
export function oneOffBonus(input: OneOffBonusInput): AdjustmentResult {
	if (!isMinor(input.minor) || input.minor <= 0) return { ok: false, code: 'amount_invalid' };
	const note = input.note.trim();
	if (!note) return { ok: false, code: 'note_required' };
	const intoError = checkInto(input.into, '', input.closed);
	if (intoError) return { ok: false, code: intoError };
	return {
		ok: true,
		value: {
			id: input.id,
			memberId: input.memberId,
			kind: 'one_off_bonus',
			minor: input.minor,
			currency: input.currency,
			sourcePeriodStart: null,
			periodStart: input.into,
			reasons: ['granted'],
			removedOrderIds: [],
			addedOrderIds: [],
			lines: [],
			note,
			createdAt: input.createdAt,
			createdBy: input.createdBy
		}
	};
}

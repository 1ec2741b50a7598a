import type { EpochMs, Id, IsoDate } from '../shared/types';
import { ADJUSTMENT_KINDS, type Adjustment, type AdjustmentKind } from './adjustment';
import { isClosedDay, nextOpenMonth } from './closing';
import { isMinor } from './decimal';
import type { ClosedPeriod } from './plan';

/**
 * An adjustment the lead types in for a member (a correction, a clawback or a one-off bonus),
 * with an amount and a reason in words. It is carried by the month running on the day it is
 * made, or, should that month be closed, the next open one: closed statements never change.
 * The lead types the amount as a positive sum; a clawback is stored negative.
 */
export interface ManualAdjustmentDraft {
	memberId: Id;
	kind: string;
	/** The amount typed, in minor units, before its sign. */
	amountMinor: number;
	currency: string;
	note: string;
}

export type ManualAdjustmentErrorCode =
	| 'adjustment_kind_invalid'
	| 'adjustment_amount_invalid'
	| 'adjustment_reason_required'
	| 'adjustment_member_unknown'
	| 'adjustment_currency_invalid'
	| 'adjustment_period_invalid';

export interface ManualAdjustmentInput {
	id: Id;
	draft: ManualAdjustmentDraft;
	/** The first day of the month running now, in the team's zone. */
	today: IsoDate;
	closed: readonly ClosedPeriod[];
	knownMemberIds: ReadonlySet<Id>;
	createdAt: EpochMs;
	createdBy: Id;
}

export type ManualAdjustmentResult =
	| { ok: true; value: Adjustment }
	| { ok: false; errors: { field: string; code: ManualAdjustmentErrorCode }[] };

/** The month a new adjustment lands in: the month running, or the next open one after it. */
export function landingMonth(monthStart: IsoDate, closed: readonly ClosedPeriod[]): IsoDate | null {
	if (!/^\d{4}-\d{2}-01$/.test(monthStart)) return null;
	return isClosedDay(monthStart, closed) ? nextOpenMonth(monthStart, closed) : monthStart;
}

export function manualAdjustment(input: ManualAdjustmentInput): ManualAdjustmentResult {
	const { draft } = input;
	const errors: { field: string; code: ManualAdjustmentErrorCode }[] = [];
	if (!input.knownMemberIds.has(draft.memberId))
		errors.push({ field: 'member', code: 'adjustment_member_unknown' });
	if (!(ADJUSTMENT_KINDS as readonly string[]).includes(draft.kind))
		errors.push({ field: 'kind', code: 'adjustment_kind_invalid' });
	if (!isMinor(draft.amountMinor) || draft.amountMinor <= 0)
		errors.push({ field: 'amount', code: 'adjustment_amount_invalid' });
	if (!/^[A-Z]{3}$/.test(draft.currency))
		errors.push({ field: 'currency', code: 'adjustment_currency_invalid' });
	const note = draft.note.trim();
	if (!note) errors.push({ field: 'note', code: 'adjustment_reason_required' });
	const into = landingMonth(input.today, input.closed);
	if (!into) errors.push({ field: 'period', code: 'adjustment_period_invalid' });
	if (errors.length > 0 || !into) return { ok: false, errors };
	const kind = draft.kind as AdjustmentKind;
	return {
		ok: true,
		value: {
			id: input.id,
			memberId: draft.memberId,
			kind,
			minor: kind === 'clawback' ? -draft.amountMinor : draft.amountMinor,
			currency: draft.currency,
			sourcePeriodStart: null,
			periodStart: into,
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

import type { EpochMs, Id, IsoDate } from '../shared/types';

/**
 * A typed change to pay that lands in an open period's statement, so that a closed statement is
 * never edited: a correction (more was earned than paid), a clawback (less was earned: a returned
 * or trashed order) or a one-off bonus the lead grants. Its amount is signed: a clawback is
 * negative, the others positive.
 */
export const ADJUSTMENT_KINDS = ['correction', 'clawback', 'one_off_bonus'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** Why a closed period's figures changed, as far as the orders tell. */
export const ADJUSTMENT_REASONS = [
	'orders_removed',
	'orders_added',
	'figures_changed',
	'granted'
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** A line whose amount differs between the frozen statement and its recomputation. */
export interface LineChange {
	key: string;
	frozenMinor: number;
	recomputedMinor: number;
}

export interface Adjustment {
	id: Id;
	memberId: Id;
	kind: AdjustmentKind;
	/** Signed minor units. */
	minor: number;
	currency: string;
	/** The closed period corrected; null for a one-off bonus. */
	sourcePeriodStart: IsoDate | null;
	/** The open period whose statement carries the adjustment. */
	periodStart: IsoDate;
	reasons: AdjustmentReason[];
	/** Orders that left or joined the source period's sales since it was closed. */
	removedOrderIds: Id[];
	addedOrderIds: Id[];
	lines: LineChange[];
	/** The lead's own words, if any. */
	note: string;
	createdAt: EpochMs;
	createdBy: Id;
}

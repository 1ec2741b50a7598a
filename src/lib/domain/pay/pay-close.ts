import type { EpochMs, Id, IsoDate } from '../shared/types';
import type { ClosedPeriod } from './plan';

/**
 * Closing a pay month (结算): the lead closes a month once it has ended, and its statements are
 * written then, once. Unlike the team's figures (team/frozen.ts), a pay close is never reopened:
 * the month has been paid, and a later change is an adjustment in the next open month
 * (closing.ts). One record per month, its id from the month, whichever device closes it.
 */
export interface PayClose {
	id: Id;
	/** The month's first day and the first day after it, in the team zone. */
	start: IsoDate;
	end: IsoDate;
	zone: string;
	/** The statements written by the close. */
	statementIds: Id[];
	closedAt: EpochMs;
	closedBy: Id;
}

export type PayCloseErrorCode = 'period_not_ended' | 'period_closed';

export function payCloseId(start: IsoDate): Id {
	return `pay_close:${start}`;
}

/** The closed months as periods, for the plan and adjustment rules. */
export function closedPeriods(closes: readonly Pick<PayClose, 'start' | 'end'>[]): ClosedPeriod[] {
	return closes.map((c) => ({ start: c.start, end: c.end }));
}

/**
 * Whether a month may be closed now: once it has ended (`endAt`, its end in the team zone), and
 * only once.
 */
export function checkClose(
	month: { start: IsoDate; endAt: EpochMs },
	closes: readonly Pick<PayClose, 'start'>[],
	now: EpochMs
): PayCloseErrorCode | null {
	if (closes.some((c) => c.start === month.start)) return 'period_closed';
	if (now < month.endAt) return 'period_not_ended';
	return null;
}

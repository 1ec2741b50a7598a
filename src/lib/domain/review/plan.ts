import { addMonths, formatIsoDate, parseIsoDate, type PeriodKind } from '../shared/dates';
import type { IsoDate } from '../shared/types';
import type { PlanAction, Review, ReviewKey } from './review';

/**
 * The improvement plan across reviews: the actions a member's earlier reviews left open are shown
 * again at the next one (where the lead or the member marks them done, on the review they belong
 * to), until done. Nothing is copied, so an action done on one device is done everywhere.
 */

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The first day after a review's period (its exclusive end); null for a malformed start. */
export function periodEndDate(kind: PeriodKind, start: IsoDate): IsoDate | null {
	const s = parseIsoDate(start);
	return s && Object.hasOwn(MONTHS, kind) ? formatIsoDate(addMonths(s, MONTHS[kind])) : null;
}

/** An id for a new action, unique within its plan. */
export function nextActionId(plan: readonly Pick<PlanAction, 'id'>[]): string {
	let n = plan.length + 1;
	const taken = new Set(plan.map((a) => a.id));
	while (taken.has(`a${n}`)) n += 1;
	return `a${n}`;
}

/** An open action of an earlier review, with that review's key. */
export interface CarriedAction {
	reviewId: string;
	periodKind: PeriodKind;
	periodStart: IsoDate;
	action: PlanAction;
}

type Earlier = Pick<
	Review,
	'id' | 'memberId' | 'periodKind' | 'periodStart' | 'plan' | 'trashedAt'
>;

/**
 * The open actions of the member's reviews whose period ended by the time this one's begins,
 * the latest review first and each plan in its order. A review of the same or a later period (a
 * quarter's beside its months) carries nothing into this one.
 */
export function earlierOpenActions(
	history: Iterable<Earlier>,
	current: ReviewKey
): CarriedAction[] {
	const earlier: { end: IsoDate; r: Earlier }[] = [];
	for (const r of history) {
		if (r.memberId !== current.memberId || r.trashedAt !== null) continue;
		const end = periodEndDate(r.periodKind, r.periodStart);
		if (end !== null && end <= current.periodStart) earlier.push({ end, r });
	}
	earlier.sort(
		(a, b) =>
			b.end.localeCompare(a.end) ||
			b.r.periodStart.localeCompare(a.r.periodStart) ||
			a.r.id.localeCompare(b.r.id)
	);
	return earlier.flatMap(({ r }) =>
		r.plan
			.filter((action) => !action.done)
			.map((action) => ({
				reviewId: r.id,
				periodKind: r.periodKind,
				periodStart: r.periodStart,
				action
			}))
	);
}

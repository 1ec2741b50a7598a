import type { FieldError } from '../shared/types';
import type { Goal, KpiMetric } from './goal';

/**
 * Actuals the lead enters by hand on a goal, for the metrics the records cannot count: market
 * share is a percentage from outside the CRM (a survey, the distributor's report). Every other
 * metric is counted from the merged data, so a value entered for it would only contradict them.
 */

export const ENTERED_METRICS: ReadonlySet<KpiMetric> = new Set(['market_share']);

export type EnteredErrorCode = 'entered_invalid' | 'entered_not_allowed';

export function takesEnteredActual(metric: KpiMetric): boolean {
	return ENTERED_METRICS.has(metric);
}

/**
 * Why an entered actual cannot be stored on a goal of `metric`, or null when it can: a share is
 * a finite percentage from 0 to 100; null or undefined (nothing entered yet) is always fine.
 */
export function enteredActualError(
	metric: KpiMetric,
	value: number | null | undefined
): FieldError<EnteredErrorCode> | null {
	if (value === null || value === undefined) return null;
	if (!takesEnteredActual(metric)) return { field: 'enteredActual', code: 'entered_not_allowed' };
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)
		return { field: 'enteredActual', code: 'entered_invalid' };
	return null;
}

/**
 * The entered actual a goal holds, when it is one that counts: a stored value out of range (a
 * hand-made file) counts as nothing entered rather than as a share over 100%.
 */
export function enteredActualOf(goal: Pick<Goal, 'metric' | 'enteredActual'>): number | undefined {
	const v = goal.enteredActual;
	if (v === null || v === undefined) return undefined;
	return enteredActualError(goal.metric, v) === null ? v : undefined;
}

/** A share entered on a member's own goal, in the shape the team figures take it (team/kpi.ts). */
export interface EnteredShare {
	memberId: string;
	scope: 'own';
	metric: 'market_share';
	value: number;
}

/**
 * The market shares entered on goals of one period (the caller picks the period, and one goal per
 * key: keyed-goals.ts), as each member's own figure.
 */
export function enteredShares(
	goals: Iterable<Pick<Goal, 'ownerId' | 'metric' | 'enteredActual'>>
): EnteredShare[] {
	const out: EnteredShare[] = [];
	for (const g of goals) {
		const value = enteredActualOf(g);
		if (value !== undefined)
			out.push({ memberId: g.ownerId, scope: 'own', metric: 'market_share', value });
	}
	return out;
}

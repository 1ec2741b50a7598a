import type { EpochMs } from '../shared/types';
import type { Goal, KpiMetric } from './goal';
import { HOUR_MS, elapsedFraction, periodFrom, type Period } from '../shared/dates';

/**
 * Goal progress and pace.
 *
 * Pace follows Zoho Motivator: the expected value grows in a straight line from 0 at the start of the
 * period to the target at its end. On track when the actual value is at or above the line; off track
 * when it lags the line by 10% or more of the expected value; at risk in between.
 */

export const PACES = ['on_track', 'at_risk', 'off_track'] as const;
export type Pace = (typeof PACES)[number];

/** How far behind the line (as a share of the expected value) a goal turns off track. */
export const OFF_TRACK_LAG = 0.1;

/**
 * Aggregates the caller computed for the goal's owner over the goal's period (with indexes, not by
 * loading records). Only the fields the goal's metric needs must be present.
 */
export interface GoalAggregates {
	/** Sum of won orders in minor units, in the goal's currency. */
	salesMinor: number;
	newCustomers: number;
	/** Follow-up tasks completed. */
	followUps: number;
	interactions: number;
	/** Sum and count of satisfaction scores (CSAT 1-5 and interactions' satisfaction). */
	satisfactionSum: number;
	satisfactionCount: number;
	/** Customers at the start of the period, and how many of them are still active at its end. */
	customersAtStart: number;
	customersRetained: number;
	/** Complaints opened in the period, and the active customers they are counted against. */
	complaints: number;
	activeCustomers: number;
	/** Tickets closed in the period, and the time from opening to closing summed over them. */
	resolvedTickets: number;
	resolutionMs: number;
	/** A percentage entered by hand (market share is not in the records). */
	marketShare: number;
}

/** Metrics that add up over the period (the straight line applies); the others are levels. */
const CUMULATIVE: ReadonlySet<KpiMetric> = new Set([
	'sales_amount',
	'new_customers',
	'follow_ups',
	'interactions'
]);
/** Metrics where a lower value is better. */
const LOWER_IS_BETTER: ReadonlySet<KpiMetric> = new Set(['complaint_rate', 'avg_resolution_time']);

export function isCumulativeMetric(metric: KpiMetric): boolean {
	return CUMULATIVE.has(metric);
}

export function isLowerBetter(metric: KpiMetric): boolean {
	return LOWER_IS_BETTER.has(metric);
}

function count(n: number | undefined): number | null {
	return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

function ratio(num: number | undefined, den: number | undefined, scale: number): number | null {
	const a = count(num);
	const b = count(den);
	return a === null || b === null || b === 0 ? null : (a / b) * scale;
}

/**
 * The goal's actual value from aggregates; null when the needed input is missing or there is no
 * data to average (no satisfaction score yet). Rates are percentages (0-100).
 */
export function goalActual(metric: KpiMetric, agg: Partial<GoalAggregates>): number | null {
	switch (metric) {
		case 'sales_amount':
			return count(agg.salesMinor);
		case 'new_customers':
			return count(agg.newCustomers);
		case 'follow_ups':
			return count(agg.followUps);
		case 'interactions':
			return count(agg.interactions);
		case 'avg_satisfaction':
			return ratio(agg.satisfactionSum, agg.satisfactionCount, 1);
		case 'retention_rate':
			return ratio(agg.customersRetained, agg.customersAtStart, 100);
		case 'complaint_rate':
			return ratio(agg.complaints, agg.activeCustomers, 100);
		case 'avg_resolution_time': {
			// Divided by the hour last: multiplying by 1/HOUR_MS would give 3.9999… for 4 h.
			const ms = ratio(agg.resolutionMs, agg.resolvedTickets, 1);
			return ms === null ? null : ms / HOUR_MS;
		}
		case 'market_share':
			return count(agg.marketShare);
		default:
			return null;
	}
}

/**
 * Pace of an actual value against the expected one. `lowerIsBetter` mirrors the rule for metrics
 * such as the complaint rate (behind = above the expected value).
 */
export function paceOf(actual: number, expected: number, lowerIsBetter = false): Pace {
	if (lowerIsBetter) {
		if (actual <= expected) return 'on_track';
		if (expected <= 0) return 'off_track';
		return (actual - expected) / expected >= OFF_TRACK_LAG - 1e-9 ? 'off_track' : 'at_risk';
	}
	if (actual >= expected || expected <= 0) return 'on_track';
	// The tolerance keeps "exactly 10% behind" off track despite floating-point error.
	return (expected - actual) / expected >= OFF_TRACK_LAG - 1e-9 ? 'off_track' : 'at_risk';
}

export const GOAL_STATES = ['not_started', 'active', 'ended'] as const;
export type GoalState = (typeof GOAL_STATES)[number];

export interface GoalProgress {
	state: GoalState;
	/** 0-1 share of the period elapsed. */
	elapsed: number;
	actual: number | null;
	target: number;
	/** Value on the straight line now (cumulative metrics); the target itself for levels. */
	expected: number;
	/** actual / target (may exceed 1); null when unknown or the target is 0. */
	ratio: number | null;
	achieved: boolean;
	/** null when there is no actual value yet, or the goal is invalid. */
	pace: Pace | null;
	/** Set when the goal cannot be evaluated. */
	error: 'period_invalid' | 'target_invalid' | null;
}

/**
 * Progress of a goal at `now`.
 *
 * Edges: before the period starts nothing is expected yet (on track, expected 0). After it ends the
 * whole target is expected, so the pace is the final verdict. A target of 0 is achieved by any
 * value (for lower-is-better metrics: only by 0). A negative or non-finite target, or a malformed
 * period start, yields `pace: null` with an error code.
 */
export function goalProgress(
	goal: Pick<Goal, 'periodKind' | 'periodStart' | 'target'> & { metric: KpiMetric },
	actual: number | null,
	now: EpochMs,
	tzOffsetMin: number
): GoalProgress {
	const period = periodFrom(goal.periodKind, goal.periodStart, tzOffsetMin);
	return progressOver(goal.metric, goal.target, actual, period, now);
}

/**
 * The rule behind goalProgress, over a period already bounded (the team's periods are bounded in
 * the team zone): the manager's own goals page and the lead's team pages judge alike.
 */
export function progressOver(
	metric: KpiMetric,
	target: number,
	actual: number | null,
	period: Pick<Period, 'startAt' | 'endAt'> | null,
	now: EpochMs
): GoalProgress {
	const base: GoalProgress = {
		state: 'not_started',
		elapsed: 0,
		actual,
		target,
		expected: 0,
		ratio: null,
		achieved: false,
		pace: null,
		error: null
	};
	if (!period) return { ...base, error: 'period_invalid' };
	const elapsed = elapsedFraction(period, now);
	const state: GoalState =
		now < period.startAt ? 'not_started' : now >= period.endAt ? 'ended' : 'active';
	if (!Number.isFinite(target) || target < 0) {
		return { ...base, state, elapsed, error: 'target_invalid' };
	}
	const lowerIsBetter = LOWER_IS_BETTER.has(metric);
	const cumulative = isCumulativeMetric(metric);
	const expected = state === 'not_started' ? 0 : cumulative ? target * elapsed : target;
	if (actual === null || !Number.isFinite(actual)) {
		return { ...base, actual: null, state, elapsed, expected };
	}
	const achieved = lowerIsBetter ? actual <= target : actual >= target;
	return {
		state,
		elapsed,
		actual,
		target,
		expected,
		ratio: target === 0 ? null : actual / target,
		achieved,
		pace:
			state === 'not_started' || achieved ? 'on_track' : paceOf(actual, expected, lowerIsBetter),
		error: null
	};
}

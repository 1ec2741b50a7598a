import { KPI_METRICS, type KpiMetric } from '../goal/goal';
import { isLowerBetter } from '../goal/progress';
import type { FieldError } from '../shared/types';

/**
 * The performance-review scorecard (绩效考核) the lead edits: KPI lines scored from the data and
 * rating lines (1-5) the lead fills in, each with a weight; the weights sum to 100.
 *
 * Scoring: a KPI line's points are its attainment as a percentage (100% of target = 100 points),
 * capped (120 by default, so one outstanding KPI cannot hide the others) and never below 0. A
 * KPI without a goal or without data scores 0 and is marked missing, so the lead sees it rather
 * than a silently reweighted total. A rating of r is r × 20 points (5 = 100). The total is the
 * weighted mean of the lines' points, so it lies between 0 and the cap.
 */

export const RATING_CRITERIA = [
	'communication',
	'problem_solving',
	'teamwork',
	'product_knowledge'
] as const;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const FULL_POINTS = 100;

export interface ScorecardKpi {
	metric: KpiMetric;
	weight: number;
}

export interface ScorecardRating {
	/** A criterion key: one of RATING_CRITERIA or one the lead added. */
	criterion: string;
	weight: number;
	/** The name the lead gave a criterion they added (RATING_CRITERIA have translated names). */
	label?: string;
}

export interface Scorecard {
	kpis: ScorecardKpi[];
	ratings: ScorecardRating[];
	/** The most points a KPI line can earn (≥ 100). */
	cap: number;
}

export const DEFAULT_SCORECARD: Scorecard = {
	kpis: [
		{ metric: 'sales_amount', weight: 40 },
		{ metric: 'new_customers', weight: 10 },
		{ metric: 'follow_ups', weight: 10 },
		{ metric: 'avg_satisfaction', weight: 10 }
	],
	ratings: RATING_CRITERIA.map((criterion) => ({ criterion, weight: 7.5 })),
	cap: 120
};

export type ScorecardErrorCode =
	| 'scorecard_empty'
	| 'metric_invalid'
	| 'kpi_duplicate'
	| 'criterion_invalid'
	| 'criterion_duplicate'
	| 'weight_invalid'
	| 'weights_sum'
	| 'cap_invalid';

/** `weights_sum` carries the sum the weights came to, for the message. */
export type ScorecardError = FieldError<ScorecardErrorCode> & { sum?: number };

const CRITERION = /^[a-z0-9_]{1,40}$/;
/** Weights are entered by hand with at most a decimal or two: a sum within this of 100 is 100. */
const SUM_TOLERANCE = 1e-6;

export function validateScorecard(s: Scorecard): ScorecardError[] {
	const errors: ScorecardError[] = [];
	if (s.kpis.length + s.ratings.length === 0)
		return [{ field: 'scorecard', code: 'scorecard_empty' }];
	const metrics = new Set<string>();
	s.kpis.forEach((k, i) => {
		if (!(KPI_METRICS as readonly string[]).includes(k.metric))
			errors.push({ field: `kpis.${i}.metric`, code: 'metric_invalid' });
		else if (metrics.has(k.metric))
			errors.push({ field: `kpis.${i}.metric`, code: 'kpi_duplicate' });
		metrics.add(k.metric);
	});
	const criteria = new Set<string>();
	s.ratings.forEach((r, i) => {
		if (!CRITERION.test(r.criterion))
			errors.push({ field: `ratings.${i}.criterion`, code: 'criterion_invalid' });
		else if (criteria.has(r.criterion))
			errors.push({ field: `ratings.${i}.criterion`, code: 'criterion_duplicate' });
		criteria.add(r.criterion);
	});
	const lines = [
		...s.kpis.map((k, i) => ({ field: `kpis.${i}.weight`, weight: k.weight })),
		...s.ratings.map((r, i) => ({ field: `ratings.${i}.weight`, weight: r.weight }))
	];
	let sum = 0;
	let weightsValid = true;
	for (const l of lines) {
		if (!Number.isFinite(l.weight) || l.weight < 0) {
			errors.push({ field: l.field, code: 'weight_invalid' });
			weightsValid = false;
		} else sum += l.weight;
	}
	if (weightsValid && Math.abs(sum - 100) > SUM_TOLERANCE)
		errors.push({ field: 'weights', code: 'weights_sum', sum });
	if (!Number.isFinite(s.cap) || s.cap < FULL_POINTS)
		errors.push({ field: 'cap', code: 'cap_invalid' });
	return errors;
}

export type RatingErrorCode = 'rating_missing' | 'rating_invalid';

/** Ratings for every criterion of the scorecard, each a whole number from 1 to 5. */
export function validateRatings(
	s: Scorecard,
	ratings: Readonly<Record<string, number>>
): FieldError<RatingErrorCode>[] {
	const errors: FieldError<RatingErrorCode>[] = [];
	for (const { criterion } of s.ratings) {
		const r = ratings[criterion];
		if (r === undefined) errors.push({ field: criterion, code: 'rating_missing' });
		else if (!Number.isInteger(r) || r < RATING_MIN || r > RATING_MAX)
			errors.push({ field: criterion, code: 'rating_invalid' });
	}
	return errors;
}

/**
 * Attainment of a target as a fraction (1 = on target). Lower-is-better metrics are inverted
 * (half the target complaint rate is 2, i.e. 200%); reaching 0 where the target is above 0 is
 * unbounded and left to the cap. A target of 0 is met by any value, or for lower-is-better
 * metrics only by 0. Null when there is no actual value or the target is not a number ≥ 0.
 */
export function attainmentOf(
	metric: KpiMetric,
	actual: number | null,
	target: number
): number | null {
	if (actual === null || !Number.isFinite(actual) || !Number.isFinite(target) || target < 0)
		return null;
	if (!isLowerBetter(metric)) return target === 0 ? 1 : Math.max(0, actual) / target;
	if (target === 0) return actual <= 0 ? 1 : 0;
	return actual <= 0 ? Infinity : target / actual;
}

export interface WeightedPoints {
	weight: number;
	points: number;
}

/** The weighted mean of lines' points (0 when no line weighs anything). */
export function weightedTotal(lines: readonly WeightedPoints[]): number {
	let weights = 0;
	let sum = 0;
	for (const l of lines) {
		weights += l.weight;
		sum += l.weight * l.points;
	}
	return weights > 0 ? sum / weights : 0;
}

export type ScoreLine =
	| {
			kind: 'kpi';
			key: KpiMetric;
			weight: number;
			attainment: number | null;
			points: number;
			/** No goal or no data: scored 0. */
			missing: boolean;
	  }
	| { kind: 'rating'; key: string; weight: number; rating: number; points: number; missing: false };

export interface ReviewScore {
	total: number;
	lines: ScoreLine[];
}

export type ScoreResult =
	| { ok: true; value: ReviewScore }
	| { ok: false; errors: (ScorecardError | FieldError<RatingErrorCode>)[] };

export function kpiPoints(attainment: number | null, cap: number): number {
	if (attainment === null || Number.isNaN(attainment)) return 0;
	return Math.min(cap, Math.max(0, attainment * FULL_POINTS));
}

/**
 * A review's score from the scorecard, each KPI's attainment (attainmentOf) and the lead's
 * ratings. Refused, with the codes, when the scorecard or the ratings are not valid.
 */
export function scoreReview(
	s: Scorecard,
	attainments: Readonly<Partial<Record<KpiMetric, number | null>>>,
	ratings: Readonly<Record<string, number>>
): ScoreResult {
	const invalid = validateScorecard(s);
	if (invalid.length) return { ok: false, errors: invalid };
	const badRatings = validateRatings(s, ratings);
	if (badRatings.length) return { ok: false, errors: badRatings };
	const lines: ScoreLine[] = [
		...s.kpis.map((k): ScoreLine => {
			const attainment = attainments[k.metric] ?? null;
			return {
				kind: 'kpi',
				key: k.metric,
				weight: k.weight,
				attainment,
				points: kpiPoints(attainment, s.cap),
				missing: attainment === null || Number.isNaN(attainment)
			};
		}),
		...s.ratings.map((r): ScoreLine => {
			const rating = ratings[r.criterion] ?? RATING_MIN;
			return {
				kind: 'rating',
				key: r.criterion,
				weight: r.weight,
				rating,
				points: (rating / RATING_MAX) * FULL_POINTS,
				missing: false
			};
		})
	];
	// Clamped: a weighted mean of values within [0, cap] can stray past it by a rounding error.
	const total = Math.min(s.cap, Math.max(0, weightedTotal(lines)));
	return { ok: true, value: { total, lines } };
}

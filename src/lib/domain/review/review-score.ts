import type { KpiMetric } from '../goal/goal';
import type { ReviewContent, ReviewKpi } from './review';
import { ratingValues } from './review-content';
import { attainmentOf, scoreReview, type ReviewScore, type Scorecard } from './scorecard';

/**
 * A review's KPI lines and score: each KPI of the scorecard with the member's goal for the period
 * and their actual figure (domain/team/kpi.ts, as at the period's end), scored by scorecard.ts.
 */

/** A goal the member has for the review's period; `updated` is its record's `_meta.updated`. */
export interface PeriodGoal {
	metric: KpiMetric;
	target: number;
	updated: string;
}

/**
 * The KPI lines of a scorecard. Of two goals on one metric (set on two devices before goals had
 * keyed ids) the one written last counts, as a person who corrected a target expects.
 */
export function reviewKpis(
	card: Scorecard,
	actuals: Readonly<Partial<Record<KpiMetric, number | null>>>,
	goals: Iterable<PeriodGoal>
): ReviewKpi[] {
	const latest = new Map<KpiMetric, PeriodGoal>();
	for (const g of goals) {
		const held = latest.get(g.metric);
		if (!held || g.updated > held.updated) latest.set(g.metric, g);
	}
	return card.kpis.map(({ metric }) => ({
		metric,
		target: latest.get(metric)?.target ?? null,
		actual: actuals[metric] ?? null
	}));
}

/** A line's attainment (1 = on target); null without a goal or a figure. */
export function kpiAttainment(k: ReviewKpi): number | null {
	return k.target === null ? null : attainmentOf(k.metric, k.actual, k.target);
}

/**
 * The score of a review's lines and ratings; null while a criterion is unrated or the scorecard
 * is not valid (a hand-made file), so a draft shows no total rather than a wrong one.
 */
export function reviewScore(
	card: Scorecard,
	kpis: readonly ReviewKpi[],
	content: Pick<ReviewContent, 'ratings'>
): ReviewScore | null {
	const attainments: Partial<Record<KpiMetric, number | null>> = {};
	for (const k of kpis) attainments[k.metric] = kpiAttainment(k);
	const r = scoreReview(card, attainments, ratingValues(content));
	return r.ok ? r.value : null;
}

/** Scores are shown and stored to one decimal, so a CSV and the screen agree. */
export const roundScore = (total: number): number => Math.round(total * 10) / 10;

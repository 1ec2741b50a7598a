import { formatGoalValue } from '$lib/components/goal/goal-value';
import { goalPeriodText } from '$lib/components/goal/period-text';
import { metricText } from '$lib/components/goal/text';
import { GOAL_METRICS, type GoalMetric, type KpiMetric } from '$lib/domain/goal/goal';
import type { ScorecardRating } from '$lib/domain/review/scorecard';
import { isBuiltInCriterion } from '$lib/domain/review/scorecard-read';
import { DAY_MS, type PeriodKind } from '$lib/domain/shared/dates';
import { codeText, errorText, formatNumber, t } from '$lib/i18n/i18n.svelte';

/** Review codes → messages (a code without one shows a generic text, never a raw key). */
export const reviewErrorText = (code: string): string => errorText('reviews', code);

export const stateText = (state: string): string =>
	codeText(`reviews.state_${state}`, 'common.error_unknown');

const isGoalMetric = (m: KpiMetric): m is GoalMetric =>
	(GOAL_METRICS as readonly string[]).includes(m);

/** A KPI's name: the goals' own, or the review's for the metrics only the lead sets. */
export const kpiText = (m: KpiMetric): string =>
	isGoalMetric(m) ? metricText(m) : codeText(`reviews.kpi_${m}`, 'common.error_unknown');

/** A KPI's value as its goal shows it; hours and shares for the lead's own metrics. */
export function kpiValueText(m: KpiMetric, value: number): string {
	if (isGoalMetric(m)) return formatGoalValue(m, value);
	if (m === 'avg_resolution_time')
		return t('reviews.value_hours', { hours: formatNumber(Math.round(value * 10) / 10) });
	return `${formatNumber(Math.round(value * 10) / 10)}%`;
}

/** A criterion's name: translated for the built-in ones, the lead's own label for the others. */
export const criterionText = (r: Pick<ScorecardRating, 'criterion' | 'label'>): string =>
	isBuiltInCriterion(r.criterion)
		? codeText(`reviews.criterion_${r.criterion}`, 'common.error_unknown')
		: r.label || r.criterion;

/** "Month: March 2026" and the like, as the goals name their periods. */
export const reviewPeriodText = (kind: PeriodKind, start: string): string =>
	goalPeriodText({ periodKind: kind, periodStart: start });

/** An attainment as a whole percentage ("125%"); none of a complaint rate of 0 is "∞". */
export const percentText = (fraction: number): string =>
	Number.isFinite(fraction) ? `${formatNumber(Math.round(fraction * 100))}%` : '∞';

export const pointsText = (points: number): string => formatNumber(Math.round(points * 10) / 10);

/** The last day of a period from its exclusive end ('2026-04-01' → '2026-03-31'). */
export const lastDayOf = (end: string): string =>
	new Date(Date.parse(`${end}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

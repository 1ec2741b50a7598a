import { GOAL_CURRENCY } from '$lib/db/repos/home';
import { parseMoneyInput } from '$lib/components/deal/money-input';
import type { GoalMetric, KpiMetric } from '$lib/domain/goal/goal';
import { formatMoney, formatNumber, t } from '$lib/i18n/i18n.svelte';

/**
 * How each goal metric is typed and shown: sales in the goal currency (stored in minor units),
 * counts as whole numbers, the satisfaction average with one decimal, rates and shares as
 * percentages, the resolution time in hours.
 */
export function formatGoalValue(metric: KpiMetric, value: number): string {
	switch (metric) {
		case 'avg_resolution_time':
			return t('goals.value_hours', { hours: formatNumber(Math.round(value * 10) / 10) });
		case 'sales_amount':
			return formatMoney(Math.round(value), GOAL_CURRENCY);
		case 'avg_satisfaction':
			return formatNumber(Math.round(value * 100) / 100);
		case 'retention_rate':
		case 'complaint_rate':
		case 'market_share':
			return `${formatNumber(Math.round(value * 10) / 10)}%`;
		default:
			return formatNumber(Math.round(value * 10) / 10);
	}
}

/** The text typed in the target field → the stored target; NaN when not valid for the metric. */
export function parseGoalTarget(metric: GoalMetric, text: string): number {
	if (metric === 'sales_amount') return parseMoneyInput(text, GOAL_CURRENCY);
	const n = Number(text.trim().replace(/[,，%]/g, ''));
	if (!text.trim() || !Number.isFinite(n) || n < 0) return Number.NaN;
	if (metric === 'avg_satisfaction' && n > 5) return Number.NaN;
	if ((metric === 'retention_rate' || metric === 'complaint_rate') && n > 100) return Number.NaN;
	const whole = metric === 'new_customers' || metric === 'follow_ups' || metric === 'interactions';
	return whole && !Number.isInteger(n) ? Number.NaN : n;
}

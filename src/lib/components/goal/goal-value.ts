import { GOAL_CURRENCY } from '$lib/db/repos/home';
import { moneyInputOf, parseMoneyInput } from '$lib/components/deal/money-input';
import type { KpiMetric } from '$lib/domain/goal/goal';
import { formatMoney, formatNumber, t, type MessageKey } from '$lib/i18n/i18n.svelte';

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
export function parseGoalTarget(metric: KpiMetric, text: string): number {
	if (metric === 'sales_amount') return parseMoneyInput(text, GOAL_CURRENCY);
	const n = Number(text.trim().replace(/[,，%]/g, ''));
	if (!text.trim() || !Number.isFinite(n) || n < 0) return Number.NaN;
	if (metric === 'avg_satisfaction' && n > 5) return Number.NaN;
	const percent =
		metric === 'retention_rate' || metric === 'complaint_rate' || metric === 'market_share';
	if (percent && n > 100) return Number.NaN;
	const whole = metric === 'new_customers' || metric === 'follow_ups' || metric === 'interactions';
	return whole && !Number.isInteger(n) ? Number.NaN : n;
}

/**
 * The market share typed by the lead → the value to store: null when left empty (nothing entered
 * yet), NaN when it is not a number. The range is the repository's to check, so that 150 gets
 * the message that says why.
 */
export function parseEnteredShare(text: string): number | null {
	const t = text.trim().replace(/[%％]/g, '');
	if (!t) return null;
	const n = Number(t.replace(/，/g, '.'));
	return Number.isFinite(n) ? n : Number.NaN;
}

/** A stored value shown in a field for editing (no grouping, no unit). */
export function goalInputText(metric: KpiMetric, value: number): string {
	return metric === 'sales_amount' ? moneyInputOf(value, GOAL_CURRENCY) : String(value);
}

/** The hint under the target field: what kind of number the metric takes. */
export function targetHintKey(metric: KpiMetric): MessageKey {
	switch (metric) {
		case 'sales_amount':
			return 'goals.goal_target_hint_money';
		case 'avg_satisfaction':
			return 'goals.goal_target_hint_score';
		case 'avg_resolution_time':
			return 'goals.goal_target_hint_hours';
		case 'retention_rate':
		case 'complaint_rate':
		case 'market_share':
			return 'goals.goal_target_hint_percent';
		default:
			return 'goals.goal_target_hint_count';
	}
}

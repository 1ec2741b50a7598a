import { refusalText as refusal } from '$lib/components/ui/form/save-failure';
import { dayBefore, type Contest, type ContestMetric } from '$lib/domain/pay/contests';
import { errorText, formatDate, formatMoney, formatNumber, t } from '$lib/i18n/i18n.svelte';

/** Texts of contests: what one ranks by, a standing's value, its period, what a refusal says. */

export function metricText(metric: ContestMetric): string {
	return t(`contests.metric_${metric}`);
}

export function standingValueText(contest: Pick<Contest, 'metric' | 'currency'>, value: number) {
	return contest.metric === 'sales_amount'
		? formatMoney(value, contest.currency ?? 'CNY')
		: formatNumber(value);
}

/** "Mar 1, 2026 to Mar 31, 2026": the first and the last day (`end` is the day after it). */
export function contestPeriodText(contest: Pick<Contest, 'start' | 'end'>): string {
	return t('contests.period', {
		first: formatDate(contest.start),
		last: formatDate(dayBefore(contest.end) ?? contest.end)
	});
}

export const contestErrorText = (code: string): string => errorText('contests', code);

/** What a refused publish says: its first code's message, else a generic one. */
export const refusalText = (e: unknown): string => refusal(e, contestErrorText);

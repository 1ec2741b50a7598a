import { formatGoalValue } from '$lib/components/goal/goal-value';
import type { KpiMetric } from '$lib/domain/goal/goal';
import { errorText, formatNumber, t } from '$lib/i18n/i18n.svelte';

/** A KPI's value as the dashboard shows it; a dash when there is nothing to measure. */
export const kpiValueText = (metric: KpiMetric, value: number | null): string =>
	value === null ? t('dashboard.no_value') : formatGoalValue(metric, value);

/** Attainment (actual ÷ target) as a whole percentage. */
export const attainmentText = (ratio: number): string =>
	t('dashboard.attainment', { percent: `${formatNumber(Math.round(ratio * 100))}%` });

/** A team period's error code (domain/team/team-period.ts). */
export const teamPeriodErrorText = (code: string): string => errorText('dashboard', code);

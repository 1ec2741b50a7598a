import { metricText, paceText } from './text';
import { localOffset } from '$lib/components/ui/local-offset';
import type { Goal } from '$lib/domain/goal/goal';
import { goalProgress } from '$lib/domain/goal/progress';
import { t } from '$lib/i18n/i18n.svelte';
import { formatGoalValue } from './goal-value';
import { goalPeriodText } from './period-text';

/** Goals with their progress at `now`, as CSV rows (header first). */
export function goalCsvRows(
	goals: readonly Goal[],
	actuals: ReadonlyMap<string, number | null>,
	ownerName: (id: string) => string,
	now: number
): string[][] {
	const header = [
		t('common.owner'),
		t('goals.goal_field_metric'),
		t('goals.goal_field_period'),
		t('goals.goal_field_start'),
		t('goals.goal_field_target'),
		t('goals.goal_actual'),
		t('goals.goal_expected'),
		t('goals.goal_pace')
	];
	return [
		header,
		...goals.map((g) => {
			const actual = actuals.get(g.id) ?? null;
			const p = goalProgress(g, actual, now, localOffset(now));
			return [
				ownerName(g.ownerId),
				metricText(g.metric),
				goalPeriodText(g),
				g.periodStart,
				formatGoalValue(g.metric, g.target),
				actual === null ? '' : formatGoalValue(g.metric, actual),
				formatGoalValue(g.metric, p.expected),
				p.achieved ? t('goals.goal_achieved') : p.pace ? paceText(p.pace) : ''
			];
		})
	];
}

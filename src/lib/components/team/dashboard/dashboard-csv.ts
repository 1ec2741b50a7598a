import type { DashboardRow, FigureScope } from '$lib/domain/team/dashboard';
import { TEAM_KPIS, type KpiValues } from '$lib/domain/team/kpi';
import { metricText } from '$lib/components/goal/text';
import { t } from '$lib/i18n/i18n.svelte';
import { kpiValueText } from './text';

/**
 * The member table as CSV rows (header first): for each KPI its actual, target and attainment in
 * percent, then the latest work and the stale flag, then the team's totals. Values are written as
 * the page shows them, so the file reads like the screen.
 */
export function dashboardCsvRows(
	rows: readonly DashboardRow[],
	names: ReadonlyMap<string, string>,
	totals: KpiValues,
	scope: FigureScope
): string[][] {
	const header = [t('dashboard.member')];
	for (const m of TEAM_KPIS)
		header.push(
			metricText(m),
			`${metricText(m)} · ${t('dashboard.csv_target')}`,
			`${metricText(m)} · ${t('dashboard.csv_attainment')}`
		);
	header.push(t('dashboard.latest_work'), t('dashboard.csv_stale'));
	const out = [header];
	for (const row of rows) {
		const cells = [names.get(row.memberId) ?? row.memberId];
		for (const m of TEAM_KPIS) {
			const value = row[scope][m];
			const goal = row.goals[scope][m];
			cells.push(
				value === null ? '' : kpiValueText(m, value),
				goal ? kpiValueText(m, goal.target) : '',
				goal?.ratio == null ? '' : String(Math.round(goal.ratio * 100))
			);
		}
		cells.push(
			row.latestWorkAt === null ? '' : new Date(row.latestWorkAt).toISOString(),
			row.stale ? t('dashboard.csv_yes') : ''
		);
		out.push(cells);
	}
	const total = [t('dashboard.totals')];
	for (const m of TEAM_KPIS)
		total.push(totals[m] === null ? '' : kpiValueText(m, totals[m]), '', '');
	out.push(total);
	return out;
}

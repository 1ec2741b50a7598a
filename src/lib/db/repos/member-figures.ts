import { figuresFor } from '$lib/domain/team/frozen';
import { Hierarchy } from '$lib/domain/team/hierarchy';
import { figuresOf, type KpiValues } from '$lib/domain/team/kpi';
import type { TeamPeriod } from '$lib/domain/team/team-period';
import type { Id } from '$lib/domain/shared/types';
import { listCloses } from './team-closes';
import { readTeamKpis } from './team-kpi-reads';

/**
 * One member's own KPI figures for a team period, as at its end (domain/team/kpi.ts): the frozen
 * ones when the lead closed the period, else counted as the dashboard counts them
 * (team-kpi-reads.ts).
 */

export async function memberKpiValues(memberId: Id, period: TeamPeriod): Promise<KpiValues> {
	const closed = figuresFor(period, await listCloses(), () => ({}));
	const frozen = closed.frozen ? closed.figures[memberId] : undefined;
	if (frozen) return frozen.own;
	// Own figures only: the review is of the member's own work, so no reporting line is read.
	const flat = Hierarchy.build([], period.zone);
	if (!flat.ok) throw new Error('a hierarchy without lines has no loop');
	const reading = await readTeamKpis([memberId], period, period.zone);
	const figures = figuresOf({
		members: [memberId],
		contributions: reading.contributions(period),
		hierarchy: flat.value,
		period
	});
	const mine = figures[memberId];
	if (!mine) throw new Error('teamFigures gives every member of the roster figures');
	return mine.own;
}

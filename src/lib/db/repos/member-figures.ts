import { figuresFor } from '$lib/domain/team/frozen';
import { Hierarchy } from '$lib/domain/team/hierarchy';
import { teamFigures, type KpiValues } from '$lib/domain/team/kpi';
import type { KpiSources } from '$lib/domain/team/kpi-facts';
import type { TeamPeriod } from '$lib/domain/team/team-period';
import type { Id } from '$lib/domain/shared/types';
import { db } from '../db';
import { GOAL_CURRENCY } from './home';
import { listCloses } from './team-closes';

/**
 * One member's own KPI figures for a team period, as at its end (domain/team/kpi.ts): the frozen
 * ones when the lead closed the period, else computed from the member's records read by index
 * ranges of their own, so a member's share of a large database is what is read.
 */

type Span = Pick<TeamPeriod, 'startAt' | 'endAt'>;

/** The member's records that can count in `span`, and every customer and ticket they own. */
async function memberSources(ownerId: Id, span: Span): Promise<KpiSources> {
	const d = db();
	const from = [ownerId, span.startAt];
	const to = [ownerId, span.endAt];
	const [orders, interactions, tasks, feedback, tickets, customers] = await Promise.all([
		d.orders.where('[ownerId+at]').between(from, to).toArray(),
		d.interactions.where('[ownerId+at]').between(from, to).toArray(),
		d.tasks.where('[ownerId+doneAt]').between(from, to).toArray(),
		d.feedback.where('[ownerId+at]').between(from, to).toArray(),
		d.tickets.where('ownerId').equals(ownerId).toArray(),
		d.customers.where('ownerId').equals(ownerId).toArray()
	]);
	return { orders, interactions, tasks, feedback, tickets, customers };
}

export async function memberKpiValues(memberId: Id, period: TeamPeriod): Promise<KpiValues> {
	const closed = figuresFor(period, await listCloses(), () => ({}));
	const frozen = closed.frozen ? closed.figures[memberId] : undefined;
	if (frozen) return frozen.own;
	// Own figures only: the review is of the member's own work, so no reporting line is read.
	const flat = Hierarchy.build([], period.zone);
	if (!flat.ok) throw new Error('a hierarchy without lines has no loop');
	const figures = teamFigures({
		members: [memberId],
		sources: await memberSources(memberId, period),
		hierarchy: flat.value,
		period,
		currency: GOAL_CURRENCY
	});
	const mine = figures[memberId];
	if (!mine) throw new Error('teamFigures gives every member of the roster figures');
	return mine.own;
}

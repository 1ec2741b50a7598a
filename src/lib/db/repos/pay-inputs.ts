import type { Adjustment } from '$lib/domain/pay/adjustment';
import { monthStatements, type MonthInput, type MonthRow } from '$lib/domain/pay/month';
import { closedPeriods, type PayClose } from '$lib/domain/pay/pay-close';
import type { ClosedPeriod, CompensationPlan } from '$lib/domain/pay/plan';
import type { SalesOrder } from '$lib/domain/pay/sales';
import type { TeamBonus } from '$lib/domain/pay/team-split';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { reviewId } from '$lib/domain/team/keyed-id';
import { teamPeriod, type TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { getTeamZone } from './team-settings';

/**
 * What pay is computed from, read from the merged records: a month in the team zone, the plans,
 * the closes, and per member their facts, orders of the month, signed review score, team bonus
 * shares and the adjustments the month carries. The rules are pure (domain/pay/month.ts).
 */

export async function payMonth(start: IsoDate): Promise<TeamPeriod> {
	const p = teamPeriod(await getTeamZone(), 'month', start);
	if (!p.ok) throw new ValidationFailed(p.errors);
	return p.value;
}

export async function listPlans(): Promise<CompensationPlan[]> {
	return (await db().payPlans.toArray()).filter((p) => p.trashedAt === null);
}

export async function listPayCloses(): Promise<PayClose[]> {
	return db().payCloses.toArray();
}

export async function closedMonths(): Promise<ClosedPeriod[]> {
	return closedPeriods(await listPayCloses());
}

/** A member's adjustments, every month. */
export async function adjustmentsOf(memberIds: readonly Id[]): Promise<Adjustment[]> {
	return db().payAdjustments.where('memberId').anyOf(memberIds).toArray();
}

/** The members whose orders a month's pay counts: theirs and the team bonuses' members. */
function counted(memberIds: readonly Id[], bonuses: readonly TeamBonus[]): Id[] {
	return [...new Set([...memberIds, ...bonuses.flatMap((b) => b.memberIds)])];
}

/** What a month's pay reads whoever it is for: every fact, plan and team bonus. */
export async function readPayBase() {
	const d = db();
	const [facts, plans, bonuses] = await Promise.all([
		d.memberFacts.toArray(),
		d.payPlans.toArray(),
		d.payTeamBonuses.toArray()
	]);
	return { facts, plans, bonuses };
}

export type PayBase = Awaited<ReturnType<typeof readPayBase>>;

/**
 * A month's input for these members. `base` is passed when it was read already (beside the
 * members themselves), so that the page's reads are not one after the other.
 */
export async function readMonthInput(
	period: TeamPeriod,
	memberIds: readonly Id[],
	now: number,
	planOf?: ReadonlyMap<Id, Id>,
	base?: PayBase
): Promise<MonthInput> {
	const d = db();
	const [{ facts, plans, bonuses }, adjustments] = await Promise.all([
		base ?? readPayBase(),
		adjustmentsOf(memberIds)
	]);
	const teamBonuses = bonuses.filter((b) => b.trashedAt === null && b.periodStart === period.start);
	const who = counted(memberIds, teamBonuses);
	const [orderLists, reviews] = await Promise.all([
		Promise.all(
			who.map((m) =>
				d.orders.where('[ownerId+at]').between([m, period.startAt], [m, period.endAt]).toArray()
			)
		),
		d.reviews.bulkGet(who.map((m) => reviewId(m, 'month', period.start)))
	]);
	const orders: SalesOrder[] = orderLists.flat();
	const scores = new Map<Id, number>();
	for (const r of reviews) {
		if (r && r.trashedAt === null && r.leadSignedAt !== null && r.score !== null)
			scores.set(r.memberId, r.score);
	}
	return {
		period,
		memberIds,
		facts,
		plans: plans.filter((p) => p.trashedAt === null || planOf !== undefined),
		orders,
		scores,
		teamBonuses,
		adjustments: adjustments.filter((a) => a.periodStart === period.start),
		computedAt: now,
		...(planOf ? { planOf } : {})
	};
}

/** Each member's statement of a month as computed from the records now. */
export async function computeMonth(
	period: TeamPeriod,
	memberIds: readonly Id[],
	now: number,
	planOf?: ReadonlyMap<Id, Id>,
	base?: PayBase
): Promise<MonthRow[]> {
	return monthStatements(await readMonthInput(period, memberIds, now, planOf, base));
}

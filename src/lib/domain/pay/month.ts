import type { Period } from '../shared/dates';
import type { Id } from '../shared/types';
import { rosterOn, type MemberFact } from '../team/member-fact';
import type { Adjustment } from './adjustment';
import { planInForce, type CompensationPlan } from './plan';
import { salesFor, type SalesErrorCode, type SalesOrder } from './sales';
import { computeStatement, type PayoutStatement, type StatementErrorCode } from './statement';
import {
	teamBonusShares,
	type SplitMember,
	type TeamBonus,
	type TeamBonusShare
} from './team-split';

/**
 * A month's statements for the whole team, from the records: each member's level on the month's
 * first day, the plan in force for it then, their sales in the plan's currency, their review
 * score, their shares of the month's team bonuses and the adjustments the month carries. Pure, so
 * that the page, the close and the bench compute the same statements.
 */
export interface MonthInput {
	period: Pick<Period, 'start' | 'end' | 'startAt' | 'endAt'>;
	memberIds: readonly Id[];
	facts: Iterable<MemberFact>;
	plans: readonly CompensationPlan[];
	/** Orders of the members, any dates (those outside the month are not counted). */
	orders: readonly SalesOrder[];
	/** Review scores of the month, by member (signed reviews only). */
	scores: ReadonlyMap<Id, number>;
	teamBonuses: readonly TeamBonus[];
	/** Adjustments carried by this month (any member). */
	adjustments: readonly Adjustment[];
	computedAt: number;
	/** Recomputing a closed statement: the plan it was paid under, by member. */
	planOf?: ReadonlyMap<Id, Id>;
}

export type MonthRow =
	| { memberId: Id; state: 'computed'; statement: PayoutStatement }
	| { memberId: Id; state: 'no_level' | 'no_plan' | 'left' }
	| { memberId: Id; state: 'refused'; codes: (StatementErrorCode | SalesErrorCode)[] };

function sharesByMember(input: MonthInput): Map<Id, TeamBonusShare[]> | StatementErrorCode[] {
	const out = new Map<Id, TeamBonusShare[]>();
	for (const bonus of input.teamBonuses) {
		if (bonus.periodStart !== input.period.start) continue;
		const figures = new Map<Id, Omit<SplitMember, 'memberId'>>();
		for (const id of bonus.memberIds) {
			const sales = salesFor(input.orders, id, bonus.pot.currency, input.period);
			figures.set(id, {
				salesMinor: sales.ok ? sales.value.minor : 0,
				reviewScore: input.scores.get(id) ?? null
			});
		}
		const shares = teamBonusShares(bonus, figures);
		if (!shares.ok) return ['amount_out_of_range'];
		for (const s of shares.value) {
			const list = out.get(s.share.memberId);
			if (list) list.push(s);
			else out.set(s.share.memberId, [s]);
		}
	}
	return out;
}

export function monthStatements(input: MonthInput): MonthRow[] {
	const roster = rosterOn(input.memberIds, input.facts, input.period.start);
	const shares = sharesByMember(input);
	const byId = new Map(input.plans.map((p) => [p.id, p]));
	return input.memberIds.map((memberId): MonthRow => {
		const state = roster.get(memberId);
		if (state?.status === 'left') return { memberId, state: 'left' };
		const fixed = input.planOf?.get(memberId);
		let plan: CompensationPlan | null | undefined = fixed ? byId.get(fixed) : undefined;
		if (!fixed) {
			if (!state?.level) return { memberId, state: 'no_level' };
			plan = planInForce(input.plans, state.level, input.period.start);
		}
		if (!plan) return { memberId, state: 'no_plan' };
		if (Array.isArray(shares)) return { memberId, state: 'refused', codes: shares };
		const sales = salesFor(input.orders, memberId, plan.currency, input.period);
		if (!sales.ok) return { memberId, state: 'refused', codes: sales.errors.map((e) => e.code) };
		const result = computeStatement({
			memberId,
			period: input.period,
			plan,
			sales: sales.value,
			reviewScore: input.scores.get(memberId) ?? null,
			teamBonuses: shares.get(memberId) ?? [],
			adjustments: input.adjustments.filter(
				(a) => a.memberId === memberId && a.periodStart === input.period.start
			),
			computedAt: input.computedAt
		});
		return result.ok
			? { memberId, state: 'computed', statement: result.value }
			: { memberId, state: 'refused', codes: result.errors.map((e) => e.code) };
	});
}

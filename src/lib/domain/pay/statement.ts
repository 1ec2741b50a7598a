import type { Period } from '../shared/dates';
import type { EpochMs, Id, IsoDate } from '../shared/types';
import type { Adjustment, AdjustmentKind, AdjustmentReason } from './adjustment';
import { multiplierFor } from './bands';
import { commissionByBracket } from './brackets';
import { parseDecimal, type Decimal } from './decimal';
import { applyRate, sumMinor } from './money';
import {
	planRef,
	validatePlan,
	type CompensationPlan,
	type PlanErrorCode,
	type PlanRef
} from './plan';
import type { PeriodSales } from './sales';
import type { SplitMethod, TeamBonusShare } from './team-split';

/**
 * A payout statement (工资条) for one member and one period: every line in exact minor units,
 * each saying how it was computed (the amount it applies to, the rate, the plan), and the total.
 * Statements are computed, never typed in; closing a period freezes them (closing.ts).
 */

/** The rate a line applied: a percentage, a multiplier, or a share of a pot by weight. */
export type LineRate =
	| { unit: 'percent'; value: Decimal }
	| { unit: 'multiplier'; value: Decimal }
	| { unit: 'share'; weight: Decimal; totalWeight: Decimal };

export type LineDetail =
	| { kind: 'base' }
	| {
			kind: 'commission';
			bracket: number;
			fromPct: Decimal;
			toPct: Decimal | null;
			fromMinor: number;
			toMinor: number | null;
			targetMinor: number;
	  }
	| { kind: 'performance_bonus'; score: number | null; band: number | null }
	| { kind: 'team_bonus'; teamBonusId: Id; method: SplitMethod; leftoverMinor: number }
	| {
			kind: 'adjustment';
			adjustmentId: Id;
			adjustmentKind: AdjustmentKind;
			sourcePeriodStart: IsoDate | null;
			reasons: AdjustmentReason[];
			note: string;
	  };
export type LineKind = LineDetail['kind'];

export interface StatementLine {
	/** Unique within the statement and stable across recomputation: what a dispute points at. */
	key: string;
	minor: number;
	/** What the rate was applied to (sales in a bracket, a bonus base, a pot); null for base pay. */
	appliesToMinor: number | null;
	rate: LineRate | null;
	/** The plan the line was computed under; null for a team bonus or an adjustment. */
	plan: PlanRef | null;
	detail: LineDetail;
}

export interface PayoutStatement {
	/** Derived from member and period: see statementId. */
	id: Id;
	memberId: Id;
	period: { start: IsoDate; end: IsoDate };
	currency: string;
	plan: PlanRef;
	targetMinor: number;
	sales: PeriodSales;
	reviewScore: number | null;
	lines: StatementLine[];
	totalMinor: number;
	computedAt: EpochMs;
	/** Set once, when the period is closed; a closed statement is never changed. */
	closedAt: EpochMs | null;
}

export interface StatementInput {
	memberId: Id;
	period: Pick<Period, 'start' | 'end'>;
	plan: Omit<CompensationPlan, 'trashedAt'>;
	/** The member's own sales target for the period (their goal), if it overrides the plan's. */
	targetMinor?: number;
	sales: PeriodSales;
	reviewScore: number | null;
	teamBonuses: readonly TeamBonusShare[];
	/** Adjustments carried by this period (those of other members or periods are refused). */
	adjustments: readonly Adjustment[];
	computedAt: EpochMs;
}

export type StatementErrorCode =
	| PlanErrorCode
	| 'currency_mismatch'
	| 'adjustment_elsewhere'
	| 'team_bonus_elsewhere'
	| 'amount_out_of_range';

export type StatementResult =
	| { ok: true; value: PayoutStatement }
	| { ok: false; errors: { field: string; code: StatementErrorCode; items: number[] }[] };

/**
 * One statement per member and period, whoever computes it: two devices closing the same month
 * write the same record, and a recomputation finds the statement it replaces.
 */
export function statementId(memberId: Id, periodStart: IsoDate): Id {
	return `payout:${memberId}:${periodStart}`;
}

export function lineKeyOf(detail: LineDetail): string {
	switch (detail.kind) {
		case 'base':
		case 'performance_bonus':
			return detail.kind;
		case 'commission':
			return `commission:${detail.bracket}`;
		case 'team_bonus':
			return `team_bonus:${detail.teamBonusId}`;
		case 'adjustment':
			return `adjustment:${detail.adjustmentId}`;
	}
}

function line(
	detail: LineDetail,
	minor: number,
	appliesToMinor: number | null,
	rate: LineRate | null,
	plan: PlanRef | null
): StatementLine {
	return { key: lineKeyOf(detail), minor, appliesToMinor, rate, plan, detail };
}

export function computeStatement(input: StatementInput): StatementResult {
	const { plan } = input;
	const planErrors = validatePlan(plan, [], []);
	if (planErrors.length > 0) return { ok: false, errors: planErrors };
	const fail = (
		field: string,
		code: StatementErrorCode,
		items: number[] = []
	): StatementResult => ({
		ok: false,
		errors: [{ field, code, items }]
	});
	const ref = planRef(plan);
	const targetMinor = input.targetMinor ?? plan.targetMinor;
	const lines: StatementLine[] = [line({ kind: 'base' }, plan.baseMinor, null, null, ref)];

	const commission = commissionByBracket(plan.brackets, targetMinor, input.sales.minor);
	if (!commission.ok) {
		const errors = commission.errors.map((e) => ({
			field: e.code === 'target_invalid' ? 'targetMinor' : 'sales',
			code: e.code,
			items: e.brackets
		}));
		return { ok: false, errors };
	}
	for (const b of commission.value) {
		const detail: LineDetail = {
			kind: 'commission',
			bracket: b.index,
			fromPct: b.fromPct,
			toPct: b.toPct,
			fromMinor: b.fromMinor,
			toMinor: b.toMinor,
			targetMinor
		};
		lines.push(line(detail, b.minor, b.appliesToMinor, { unit: 'percent', value: b.ratePct }, ref));
	}

	const bonus = plan.performanceBonus;
	if (bonus) {
		const pick = multiplierFor(bonus.bands, input.reviewScore);
		const m = parseDecimal(pick.multiplier);
		const minor = m ? applyRate(bonus.baseMinor, m) : null;
		if (minor === null) return fail('performanceBonus', 'amount_out_of_range');
		const detail: LineDetail = {
			kind: 'performance_bonus',
			score: input.reviewScore,
			band: pick.band
		};
		lines.push(
			line(detail, minor, bonus.baseMinor, { unit: 'multiplier', value: pick.multiplier }, ref)
		);
	}

	for (const [i, t] of input.teamBonuses.entries()) {
		if (t.pot.currency !== plan.currency) return fail('teamBonuses', 'currency_mismatch', [i]);
		if (t.share.memberId !== input.memberId)
			return fail('teamBonuses', 'team_bonus_elsewhere', [i]);
		const detail: LineDetail = {
			kind: 'team_bonus',
			teamBonusId: t.teamBonusId,
			method: t.method,
			leftoverMinor: t.share.leftoverMinor
		};
		const rate: LineRate = {
			unit: 'share',
			weight: t.share.weight,
			totalWeight: t.share.totalWeight
		};
		lines.push(line(detail, t.share.minor, t.pot.minor, rate, null));
	}

	for (const [i, a] of input.adjustments.entries()) {
		if (a.currency !== plan.currency) return fail('adjustments', 'currency_mismatch', [i]);
		if (a.memberId !== input.memberId || a.periodStart !== input.period.start) {
			return fail('adjustments', 'adjustment_elsewhere', [i]);
		}
		const detail: LineDetail = {
			kind: 'adjustment',
			adjustmentId: a.id,
			adjustmentKind: a.kind,
			sourcePeriodStart: a.sourcePeriodStart,
			reasons: [...a.reasons],
			note: a.note
		};
		lines.push(line(detail, a.minor, null, null, null));
	}

	const totalMinor = sumMinor(lines.map((l) => l.minor));
	if (totalMinor === null) return fail('total', 'amount_out_of_range');
	return {
		ok: true,
		value: {
			id: statementId(input.memberId, input.period.start),
			memberId: input.memberId,
			period: { start: input.period.start, end: input.period.end },
			currency: plan.currency,
			plan: ref,
			targetMinor,
			sales: { minor: input.sales.minor, orderIds: [...input.sales.orderIds] },
			reviewScore: input.reviewScore,
			lines,
			totalMinor,
			computedAt: input.computedAt,
			closedAt: null
		}
	};
}

/** The lines a member earned in the period itself: all but the adjustments it carries. */
export function earnedLines(s: Pick<PayoutStatement, 'lines'>): StatementLine[] {
	return s.lines.filter((l) => l.detail.kind !== 'adjustment');
}

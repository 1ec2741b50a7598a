import { parseIsoDate } from '../shared/dates';
import type { Id, IsoDate } from '../shared/types';
import { validateBands, type BandErrorCode, type ScoreBand } from './bands';
import { validateBrackets, type BracketErrorCode, type CommissionBracket } from './brackets';
import { isMinor } from './decimal';

/**
 * A compensation plan (薪酬方案) for one level, in force from its effective date until the next
 * plan of the level takes over. A period is paid under the plan in force on its first day, so
 * old periods keep the plan they were paid under when a new one is written.
 */
export interface CompensationPlan {
	id: Id;
	levelId: Id;
	/** First local day the plan applies to. */
	effective: IsoDate;
	/** ISO 4217; only orders in this currency count as sales. */
	currency: string;
	/** Base pay per period (底薪), minor units. */
	baseMinor: number;
	/** Sales target per period, minor units; attainment is sales / target. */
	targetMinor: number;
	brackets: CommissionBracket[];
	performanceBonus: PerformanceBonus | null;
	trashedAt: number | null;
}

/** A bonus base (绩效奖金基数) times the multiplier of the review score's band. */
export interface PerformanceBonus {
	baseMinor: number;
	bands: ScoreBand[];
}

/** A closed (paid) period, [start, end) in local days. */
export interface ClosedPeriod {
	start: IsoDate;
	end: IsoDate;
}

/** The plan a statement line was computed under. */
export interface PlanRef {
	id: Id;
	levelId: Id;
	effective: IsoDate;
}

export type PlanErrorCode =
	| 'level_missing'
	| 'effective_invalid'
	| 'currency_invalid'
	| 'base_invalid'
	| 'target_invalid'
	| 'bonus_base_invalid'
	| 'plan_effective_duplicate'
	| 'plan_effective_in_closed_period'
	| 'plan_effective_before_closed_period'
	| BracketErrorCode
	| BandErrorCode;

/** A refusal, the field it is about, and the brackets or bands it names (0-based). */
export interface PlanError {
	field: string;
	code: PlanErrorCode;
	items: number[];
}

const CURRENCY = /^[A-Z]{3}$/;

const amountOk = (n: number) => isMinor(n) && n >= 0;

export function planRef(plan: Pick<CompensationPlan, 'id' | 'levelId' | 'effective'>): PlanRef {
	return { id: plan.id, levelId: plan.levelId, effective: plan.effective };
}

/**
 * Checks a plan before it is saved. `others` are the stored plans (the plan itself may be among
 * them, when edited); `closed` the closed periods. A plan may not take effect inside a closed
 * period, nor before one: either would change the plan in force for a period already paid, and
 * its recomputation would then answer with adjustments nobody asked for.
 */
export function validatePlan(
	plan: Omit<CompensationPlan, 'trashedAt'>,
	others: readonly Pick<CompensationPlan, 'id' | 'levelId' | 'effective' | 'trashedAt'>[],
	closed: readonly ClosedPeriod[]
): PlanError[] {
	const errors: PlanError[] = [];
	const add = (field: string, code: PlanErrorCode, items: number[] = []) =>
		errors.push({ field, code, items });
	if (!plan.levelId) add('levelId', 'level_missing');
	if (!parseIsoDate(plan.effective)) add('effective', 'effective_invalid');
	if (!CURRENCY.test(plan.currency)) add('currency', 'currency_invalid');
	if (!amountOk(plan.baseMinor)) add('baseMinor', 'base_invalid');
	if (!amountOk(plan.targetMinor) || plan.targetMinor === 0) add('targetMinor', 'target_invalid');
	for (const e of validateBrackets(plan.brackets)) add('brackets', e.code, e.brackets);
	if (plan.performanceBonus) {
		if (!amountOk(plan.performanceBonus.baseMinor)) {
			add('performanceBonus.baseMinor', 'bonus_base_invalid');
		}
		for (const e of validateBands(plan.performanceBonus.bands)) {
			add('performanceBonus.bands', e.code, e.bands);
		}
	}
	if (parseIsoDate(plan.effective)) {
		const twin = others.some(
			(o) =>
				o.id !== plan.id &&
				o.trashedAt == null &&
				o.levelId === plan.levelId &&
				o.effective === plan.effective
		);
		if (twin) add('effective', 'plan_effective_duplicate');
		// ISO dates order as text.
		if (closed.some((c) => plan.effective >= c.start && plan.effective < c.end)) {
			add('effective', 'plan_effective_in_closed_period');
		} else if (closed.some((c) => plan.effective < c.start)) {
			add('effective', 'plan_effective_before_closed_period');
		}
	}
	return errors;
}

/**
 * The plan in force for a level on a period's first day: the latest effective on or before it
 * (trashed plans are ignored). Null when the level has none yet.
 */
export function planInForce<
	P extends Pick<CompensationPlan, 'id' | 'levelId' | 'effective' | 'trashedAt'>
>(plans: readonly P[], levelId: Id, periodStart: IsoDate): P | null {
	let best: P | null = null;
	for (const p of plans) {
		if (p.trashedAt != null || p.levelId !== levelId || p.effective > periodStart) continue;
		if (!parseIsoDate(p.effective)) continue;
		// Equal dates are refused on save; should two arrive merged, the id decides, everywhere alike.
		if (
			!best ||
			p.effective > best.effective ||
			(p.effective === best.effective && p.id < best.id)
		) {
			best = p;
		}
	}
	return best;
}

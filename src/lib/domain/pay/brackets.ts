import {
	compareRatio,
	mulRatio,
	parseDecimal,
	ratioOf,
	roundHalfUp,
	toSafe,
	type Decimal,
	type Ratio
} from './decimal';
import { applyRate, percent } from './money';

/**
 * Progressive commission brackets (累进提成) over goal attainment, as a tax schedule works: each
 * bracket's rate applies only to the sales that fall inside it. Target ¥100,000, sales ¥150,000,
 * 3% up to 100% and 5% above: 3% of ¥100,000 plus 5% of ¥50,000.
 *
 * Edges are percentages of the target; each edge becomes money once, rounded half-up to the
 * minor unit, and a bracket ends where the next begins, so the brackets' portions always add up
 * to the sales (or to the top edge, when the last bracket is closed: sales above it earn nothing).
 */
export interface CommissionBracket {
	/** Lower edge, percent of the target, inclusive. The first bracket starts at 0. */
	fromPct: Decimal;
	/** Upper edge, percent of the target, exclusive; null for no upper edge (last bracket only). */
	toPct: Decimal | null;
	/** Rate on the sales inside the bracket, percent (0-100). */
	ratePct: Decimal;
}

export const BRACKET_ERROR_CODES = [
	'brackets_empty',
	'bracket_number_invalid',
	'bracket_rate_invalid',
	'bracket_range_empty',
	'bracket_first_above_zero',
	'brackets_unsorted',
	'brackets_overlap',
	'brackets_gap'
] as const;
export type BracketErrorCode = (typeof BRACKET_ERROR_CODES)[number];

/** A refusal and the brackets it concerns (0-based positions, as the lead listed them). */
export interface BracketError {
	code: BracketErrorCode;
	brackets: number[];
}

interface ParsedBracket {
	from: Ratio;
	to: Ratio | null;
	rate: Ratio;
}

const HUNDRED: Ratio = ratioOf(100n);

function parseBracket(b: CommissionBracket): ParsedBracket | 'number' | 'rate' | 'range' {
	const from = parseDecimal(b.fromPct);
	const to = b.toPct === null ? null : parseDecimal(b.toPct);
	const rate = parseDecimal(b.ratePct);
	if (!from || !rate || (b.toPct !== null && !to)) return 'number';
	if (compareRatio(rate, HUNDRED) > 0) return 'rate';
	if (to && compareRatio(from, to) >= 0) return 'range';
	return { from, to, rate };
}

/**
 * Checks a schedule; empty when valid. Each bracket is checked alone first (numbers, rate, a
 * range that is not empty); then, among well-formed brackets, their order: sorted by lower edge,
 * each one starting exactly where the previous one ends, the first at 0.
 */
export function validateBrackets(brackets: readonly CommissionBracket[]): BracketError[] {
	if (brackets.length === 0) return [{ code: 'brackets_empty', brackets: [] }];
	const errors: BracketError[] = [];
	const parsed: ParsedBracket[] = [];
	brackets.forEach((b, i) => {
		const p = parseBracket(b);
		if (p === 'number') errors.push({ code: 'bracket_number_invalid', brackets: [i] });
		else if (p === 'rate') errors.push({ code: 'bracket_rate_invalid', brackets: [i] });
		else if (p === 'range') errors.push({ code: 'bracket_range_empty', brackets: [i] });
		else parsed.push(p);
	});
	if (errors.length > 0) return errors;
	for (let i = 1; i < parsed.length; i++) {
		if (
			compareRatio((parsed[i] as ParsedBracket).from, (parsed[i - 1] as ParsedBracket).from) < 0
		) {
			errors.push({ code: 'brackets_unsorted', brackets: [i - 1, i] });
		}
	}
	// Gaps and overlaps between neighbours in the wrong order would only repeat the same fault.
	if (errors.length > 0) return errors;
	if ((parsed[0] as ParsedBracket).from.num !== 0n) {
		errors.push({ code: 'bracket_first_above_zero', brackets: [0] });
	}
	for (let i = 1; i < parsed.length; i++) {
		const prev = parsed[i - 1] as ParsedBracket;
		const cur = parsed[i] as ParsedBracket;
		// An open bracket (no upper edge) reaches over everything after it.
		const edge = prev.to === null ? -1 : compareRatio(cur.from, prev.to);
		if (edge < 0) errors.push({ code: 'brackets_overlap', brackets: [i - 1, i] });
		else if (edge > 0) errors.push({ code: 'brackets_gap', brackets: [i - 1, i] });
	}
	return errors;
}

/** One bracket of a member's commission: where it lies in money, what falls in it, what it pays. */
export interface BracketAmount {
	index: number;
	fromPct: Decimal;
	toPct: Decimal | null;
	ratePct: Decimal;
	/** The bracket's edges in minor units for this target. */
	fromMinor: number;
	toMinor: number | null;
	/** The sales inside the bracket, minor units. */
	appliesToMinor: number;
	/** appliesToMinor × rate, rounded half-up. */
	minor: number;
}

export type CommissionErrorCode = BracketErrorCode | 'target_invalid' | 'amount_out_of_range';

function edgeMinor(targetMinor: number, pct: Ratio): number | null {
	return toSafe(roundHalfUp(mulRatio(ratioOf(BigInt(targetMinor)), percent(pct))));
}

/**
 * Each bracket's portion of the sales and its commission. Sales below zero (more returns than
 * sales) fall in no bracket. Refused: an invalid schedule, a target that is not a positive safe
 * integer (attainment needs one), and figures beyond safe integers.
 */
export function commissionByBracket(
	brackets: readonly CommissionBracket[],
	targetMinor: number,
	salesMinor: number
):
	| { ok: true; value: BracketAmount[] }
	| { ok: false; errors: { code: CommissionErrorCode; brackets: number[] }[] } {
	const invalid = validateBrackets(brackets);
	if (invalid.length > 0) return { ok: false, errors: invalid };
	if (!Number.isSafeInteger(targetMinor) || targetMinor <= 0) {
		return { ok: false, errors: [{ code: 'target_invalid', brackets: [] }] };
	}
	if (!Number.isSafeInteger(salesMinor)) {
		return { ok: false, errors: [{ code: 'amount_out_of_range', brackets: [] }] };
	}
	const out: BracketAmount[] = [];
	for (const [index, b] of brackets.entries()) {
		const p = parseBracket(b) as ParsedBracket;
		const fromMinor = edgeMinor(targetMinor, p.from);
		const toMinor = p.to === null ? null : edgeMinor(targetMinor, p.to);
		if (fromMinor === null || (p.to !== null && toMinor === null)) {
			return { ok: false, errors: [{ code: 'amount_out_of_range', brackets: [index] }] };
		}
		const capped = toMinor === null ? salesMinor : Math.min(salesMinor, toMinor);
		const appliesToMinor = Math.max(0, capped - fromMinor);
		const minor = applyRate(appliesToMinor, percent(p.rate));
		if (minor === null) {
			return { ok: false, errors: [{ code: 'amount_out_of_range', brackets: [index] }] };
		}
		out.push({
			index,
			fromPct: b.fromPct,
			toPct: b.toPct,
			ratePct: b.ratePct,
			fromMinor,
			toMinor,
			appliesToMinor,
			minor
		});
	}
	return { ok: true, value: out };
}

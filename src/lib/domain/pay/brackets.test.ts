import { describe, expect, it } from 'vitest';
import { commissionByBracket, validateBrackets, type CommissionBracket } from './brackets';
import { YUAN } from './test-helpers';

const ISSUE: CommissionBracket[] = [
	{ fromPct: '0', toPct: '100', ratePct: '3' },
	{ fromPct: '100', toPct: null, ratePct: '5' }
];

describe('commissionByBracket', () => {
	it('target ¥100,000, sales ¥150,000, 3% to 100% and 5% above: ¥3,000 + ¥2,500', () => {
		const r = commissionByBracket(ISSUE, 100_000 * YUAN, 150_000 * YUAN);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.map((b) => [b.appliesToMinor, b.minor])).toEqual([
			[100_000 * YUAN, 3_000 * YUAN],
			[50_000 * YUAN, 2_500 * YUAN]
		]);
		expect(r.value[0]).toMatchObject({ fromMinor: 0, toMinor: 100_000 * YUAN, ratePct: '3' });
		expect(r.value[1]).toMatchObject({ fromMinor: 100_000 * YUAN, toMinor: null, ratePct: '5' });
	});
	it('pays nothing in a bracket the sales do not reach', () => {
		const r = commissionByBracket(ISSUE, 100_000 * YUAN, 40_000 * YUAN);
		expect(r.ok && r.value.map((b) => b.minor)).toEqual([1_200 * YUAN, 0]);
	});
	it('puts sales exactly at an edge wholly in the lower bracket', () => {
		const r = commissionByBracket(ISSUE, 100_000 * YUAN, 100_000 * YUAN);
		expect(r.ok && r.value.map((b) => b.appliesToMinor)).toEqual([100_000 * YUAN, 0]);
	});
	it('pays nothing above a closed top bracket (a cap)', () => {
		const capped: CommissionBracket[] = [
			{ fromPct: '0', toPct: '100', ratePct: '3' },
			{ fromPct: '100', toPct: '150', ratePct: '5' }
		];
		const r = commissionByBracket(capped, 100_000 * YUAN, 300_000 * YUAN);
		expect(r.ok && r.value.map((b) => b.appliesToMinor)).toEqual([100_000 * YUAN, 50_000 * YUAN]);
	});
	it('rounds each bracket half-up to the fen, from the exact product', () => {
		// 2.5% of 1 fen = 0.025 → 0; 2.5% of 20 fen = 0.5 → 1; 2.5% of 59 fen = 1.475 → 1.
		const flat: CommissionBracket[] = [{ fromPct: '0', toPct: null, ratePct: '2.5' }];
		const minorOf = (sales: number) => {
			const r = commissionByBracket(flat, 100, sales);
			return r.ok ? r.value[0]?.minor : null;
		};
		expect([minorOf(1), minorOf(20), minorOf(59), minorOf(60)]).toEqual([0, 1, 1, 2]);
	});
	it('rounds edges once, so neighbouring brackets meet at the same fen', () => {
		const thirds: CommissionBracket[] = [
			{ fromPct: '0', toPct: '33.333', ratePct: '1' },
			{ fromPct: '33.333', toPct: null, ratePct: '2' }
		];
		const r = commissionByBracket(thirds, 1001, 1001);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value[0]?.toMinor).toBe(r.value[1]?.fromMinor);
		expect(r.value[0]!.appliesToMinor + r.value[1]!.appliesToMinor).toBe(1001);
	});
	it('lets sales below zero (more returned than sold) fall in no bracket', () => {
		const r = commissionByBracket(ISSUE, 100_000 * YUAN, -5 * YUAN);
		expect(r.ok && r.value.map((b) => [b.appliesToMinor, b.minor])).toEqual([
			[0, 0],
			[0, 0]
		]);
	});
	it.each([0, -1, 1.5, Number.NaN])('refuses a target of %d', (target) => {
		const r = commissionByBracket(ISSUE, target, 100);
		expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['target_invalid']);
	});
	it('refuses sales that are not a safe integer, and edges that do not fit', () => {
		const r1 = commissionByBracket(ISSUE, 100, 0.5);
		expect(!r1.ok && r1.errors[0]?.code).toBe('amount_out_of_range');
		const wide: CommissionBracket[] = [
			{ fromPct: '0', toPct: '100000000000', ratePct: '1' },
			{ fromPct: '100000000000', toPct: null, ratePct: '1' }
		];
		const r2 = commissionByBracket(wide, Number.MAX_SAFE_INTEGER, 1);
		expect(!r2.ok && r2.errors[0]).toEqual({ code: 'amount_out_of_range', brackets: [0] });
	});
	it('refuses an invalid schedule with its codes', () => {
		const r = commissionByBracket([], 100, 100);
		expect(!r.ok && r.errors[0]?.code).toBe('brackets_empty');
	});
});

describe('validateBrackets', () => {
	const b = (fromPct: string, toPct: string | null, ratePct = '3'): CommissionBracket => ({
		fromPct,
		toPct,
		ratePct
	});
	it('accepts the issue schedule and a capped one', () => {
		expect(validateBrackets(ISSUE)).toEqual([]);
		expect(validateBrackets([b('0', '80'), b('80', '120'), b('120', '200')])).toEqual([]);
	});
	it('names overlapping brackets', () => {
		expect(validateBrackets([b('0', '100'), b('90', null)])).toEqual([
			{ code: 'brackets_overlap', brackets: [0, 1] }
		]);
	});
	it('names brackets with a gap between them', () => {
		expect(validateBrackets([b('0', '80'), b('80', '100'), b('110', null)])).toEqual([
			{ code: 'brackets_gap', brackets: [1, 2] }
		]);
	});
	it('names unsorted brackets', () => {
		expect(validateBrackets([b('0', '50'), b('100', null), b('50', '100')])).toEqual([
			{ code: 'brackets_unsorted', brackets: [1, 2] }
		]);
	});
	it('names an open bracket that is not the last as overlapping what follows', () => {
		expect(validateBrackets([b('0', null), b('100', null)])).toEqual([
			{ code: 'brackets_overlap', brackets: [0, 1] }
		]);
	});
	it('wants the first bracket to start at zero', () => {
		expect(validateBrackets([b('10', null)])).toEqual([
			{ code: 'bracket_first_above_zero', brackets: [0] }
		]);
	});
	it('names a bracket with bad numbers, a bad rate or an empty range', () => {
		expect(
			validateBrackets([b('0', 'x'), b('0', '1', '101'), b('5', '5'), b('0', null, '-1')])
		).toEqual([
			{ code: 'bracket_number_invalid', brackets: [0] },
			{ code: 'bracket_rate_invalid', brackets: [1] },
			{ code: 'bracket_range_empty', brackets: [2] },
			{ code: 'bracket_number_invalid', brackets: [3] }
		]);
	});
	it('refuses an empty schedule', () => {
		expect(validateBrackets([])).toEqual([{ code: 'brackets_empty', brackets: [] }]);
	});
	it('compares edges exactly, not as floats', () => {
		expect(validateBrackets([b('0', '33.3'), b('33.30', null)])).toEqual([]);
		expect(validateBrackets([b('0', '33.3'), b('33.30000001', null)])).toEqual([
			{ code: 'brackets_gap', brackets: [0, 1] }
		]);
	});
});

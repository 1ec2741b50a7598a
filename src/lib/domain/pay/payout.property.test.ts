import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionByBracket, type CommissionBracket } from './brackets';
import { formatScaled } from './decimal';
import { computeStatement } from './statement';
import { MARCH, planOf, salesOf } from './test-helpers';

/**
 * The laws of a payout, over random valid schedules: 1 to 5 brackets with edges and rates in
 * hundredths of a percent, open or capped at the top, random targets and sales (returns
 * included). Each law runs 1,000 times or more and checks that its interesting cases occurred.
 */

const RUNS = 1000;
const pct = (hundredths: number) => formatScaled(BigInt(hundredths), 2);

const scheduleArb: fc.Arbitrary<CommissionBracket[]> = fc
	.record({
		edges: fc.uniqueArray(fc.integer({ min: 1, max: 50_000 }), { minLength: 0, maxLength: 4 }),
		rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
		capped: fc.boolean(),
		cap: fc.integer({ min: 1, max: 10_000 })
	})
	.map(({ edges, rates, capped, cap }) => {
		const sorted = [0, ...edges.sort((a, b) => a - b)];
		return sorted.map((from, i) => {
			const next = sorted[i + 1];
			const to = next !== undefined ? pct(next) : capped ? pct(from + cap) : null;
			return { fromPct: pct(from), toPct: to, ratePct: pct(rates[i] ?? 0) };
		});
	});

const targetArb = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1e11 }));
const salesArb = fc.oneof(
	fc.integer({ min: -1000, max: 100_000 }),
	fc.integer({ min: -1e6, max: 1e12 })
);

function commission(brackets: CommissionBracket[], target: number, sales: number) {
	const r = commissionByBracket(brackets, target, sales);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

function total(brackets: CommissionBracket[], target: number, sales: number, score: number | null) {
	const r = computeStatement({
		memberId: 'm1',
		period: MARCH,
		plan: planOf({ brackets, targetMinor: target }),
		sales: salesOf(sales),
		reviewScore: score,
		teamBonuses: [],
		adjustments: [],
		computedAt: 0
	});
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value.totalMinor;
}

describe('payout laws', () => {
	it('is monotonic in sales: more sales never pay less, line by line and in total', () => {
		let rose = 0;
		fc.assert(
			fc.property(
				scheduleArb,
				targetArb,
				salesArb,
				fc.nat({ max: 1e9 }),
				fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
				(brackets, target, sales, more, score) => {
					const lo = commission(brackets, target, sales);
					const hi = commission(brackets, target, sales + more);
					lo.forEach((b, i) => expect(hi[i]!.minor).toBeGreaterThanOrEqual(b.minor));
					const a = total(brackets, target, sales, score);
					const b = total(brackets, target, sales + more, score);
					expect(b).toBeGreaterThanOrEqual(a);
					if (b > a) rose++;
				}
			),
			{ numRuns: RUNS }
		);
		expect(rose).toBeGreaterThan(RUNS / 4);
	});

	it('partitions the range: the brackets’ portions add up to the sales, capped at the top edge', () => {
		let spanned = 0;
		let capped = 0;
		fc.assert(
			fc.property(scheduleArb, targetArb, salesArb, (brackets, target, sales) => {
				const parts = commission(brackets, target, sales);
				const top = parts[parts.length - 1]!.toMinor;
				const expected = Math.max(0, top === null ? sales : Math.min(sales, top));
				expect(parts.reduce((a, b) => a + b.appliesToMinor, 0)).toBe(expected);
				parts.forEach((b, i) => {
					expect(b.appliesToMinor).toBeGreaterThanOrEqual(0);
					// Neighbours meet at the same fen: no sale is counted twice or left out.
					if (i > 0) expect(b.fromMinor).toBe(parts[i - 1]!.toMinor);
					// Only the bracket holding the sales is partly filled; those below are full.
					if (b.toMinor !== null && sales >= b.toMinor) {
						expect(b.appliesToMinor).toBe(b.toMinor - b.fromMinor);
					}
				});
				if (parts.filter((b) => b.appliesToMinor > 0).length > 1) spanned++;
				if (top !== null && sales > top) capped++;
			}),
			{ numRuns: RUNS }
		);
		expect(spanned).toBeGreaterThan(RUNS / 10);
		expect(capped).toBeGreaterThan(RUNS / 20);
	});

	it('rounds each line half-up from the exact product, never more than half a fen off', () => {
		let rounded = 0;
		fc.assert(
			fc.property(scheduleArb, targetArb, salesArb, (brackets, target, sales) => {
				for (const b of commission(brackets, target, sales)) {
					// rate in hundredths of a percent: exact = applies × rate / 10,000.
					const rate = BigInt(Math.round(Number(b.ratePct) * 100));
					const exact = BigInt(b.appliesToMinor) * rate;
					const off = BigInt(b.minor) * 10_000n - exact;
					expect(-5_000n < off && off <= 5_000n).toBe(true);
					if (off !== 0n) rounded++;
				}
			}),
			{ numRuns: RUNS }
		);
		expect(rounded).toBeGreaterThan(RUNS / 10);
	});
});

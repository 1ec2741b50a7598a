import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareRatio,
	formatScaled,
	numberRatio,
	parseDecimal,
	ratioOf,
	roundHalfUp,
	scaled,
	toSafe
} from './decimal';
import { applyRate, percent, sumMinor } from './money';

describe('parseDecimal', () => {
	it('reads decimal text exactly', () => {
		expect(parseDecimal('3')).toEqual({ num: 3n, den: 1n });
		expect(parseDecimal('2.75')).toEqual({ num: 275n, den: 100n });
		expect(parseDecimal('0.125')).toEqual({ num: 125n, den: 1000n });
	});
	it.each(['', '-1', '1e3', '1,5', '.5', '5.', ' 3', '3 ', 'NaN', '1.123456789', '0x10'])(
		'refuses %j',
		(s) => expect(parseDecimal(s)).toBeNull()
	);
	it('reads a typed number through its shortest text', () => {
		expect(numberRatio(87.5)).toEqual({ num: 875n, den: 10n });
		// 0.1 + 0.2 is not 0.3 in binary; its text says so, and it is read as written.
		expect(numberRatio(0.1 + 0.2)).toBeNull();
		expect(numberRatio(1e-7)).toBeNull();
		expect(numberRatio(Number.NaN)).toBeNull();
		expect(numberRatio(-1)).toBeNull();
	});
});

describe('roundHalfUp', () => {
	it.each([
		[5n, 2n, 3n],
		[-5n, 2n, -3n],
		[7n, 3n, 2n],
		[-7n, 3n, -2n],
		[3n, 2n, 2n],
		[1n, 3n, 0n],
		[-1n, 3n, 0n],
		[6n, 3n, 2n]
	])('%d/%d → %d (a half away from zero)', (n, d, q) => {
		expect(roundHalfUp(ratioOf(n, d))).toBe(q);
	});
	it('is odd: rounding −x is −(rounding x)', () => {
		fc.assert(
			fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
				expect(roundHalfUp(ratioOf(-n, d))).toBe(-roundHalfUp(ratioOf(n, d)));
			}),
			{ numRuns: 1000 }
		);
	});
	it('is never more than half a unit off', () => {
		fc.assert(
			fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
				const q = roundHalfUp(ratioOf(n, d));
				const err = q * d - n; // (q − n/d) × d
				expect(2n * (err < 0n ? -err : err) <= d).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});
	it('normalises a negative denominator', () => {
		expect(ratioOf(1n, -2n)).toEqual({ num: -1n, den: 2n });
		expect(() => ratioOf(1n, 0n)).toThrow(RangeError);
	});
});

describe('money', () => {
	it('applies a percentage rounded half-up to the fen', () => {
		const three = percent(parseDecimal('3')!);
		expect(applyRate(10_000_000, three)).toBe(300_000);
		expect(applyRate(50, three)).toBe(2); // 1.5 fen → 2
		expect(applyRate(49, three)).toBe(1); // 1.47 fen → 1
		expect(applyRate(-50, three)).toBe(-2);
	});
	it('computes products past 2^53 exactly and refuses results that do not fit', () => {
		const big = Number.MAX_SAFE_INTEGER;
		expect(applyRate(big, percent(parseDecimal('1')!))).toBe(90_071_992_547_410);
		expect(applyRate(big, parseDecimal('2')!)).toBeNull();
		expect(applyRate(1.5, parseDecimal('1')!)).toBeNull();
	});
	it('sums exactly and says when a sum leaves the safe range', () => {
		expect(sumMinor([1, 2, -3])).toBe(0);
		expect(sumMinor([Number.MAX_SAFE_INTEGER, 1])).toBeNull();
		expect(sumMinor([0.5])).toBeNull();
		expect(toSafe(-(2n ** 53n))).toBeNull();
	});
	it('compares ratios exactly', () => {
		expect(compareRatio(parseDecimal('0.1')!, ratioOf(1n, 10n))).toBe(0);
		expect(compareRatio(parseDecimal('0.3')!, parseDecimal('0.29999999')!)).toBe(1);
	});
	it('writes scaled integers back as decimal text', () => {
		expect(formatScaled(1250n, 2)).toBe('12.5');
		expect(formatScaled(5n, 3)).toBe('0.005');
		expect(formatScaled(-5n, 1)).toBe('-0.5');
		expect(formatScaled(300n, 2)).toBe('3');
		expect(formatScaled(7n, 0)).toBe('7');
		expect(scaled(parseDecimal('87.5')!, 2)).toBe(8750n);
	});
});

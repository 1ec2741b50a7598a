import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	cover,
	coverAll,
	covers,
	fullRange,
	gaps,
	highest,
	isChangeRange,
	leavesGap,
	NO_COVERAGE,
	type ChangeRange,
	type Coverage
} from './change-ranges';

const RUNS = { numRuns: 1000 };

const range = fc
	.tuple(fc.nat(60), fc.integer({ min: 1, max: 20 }))
	.map(([after, len]): ChangeRange => ({ after, upTo: after + len }));

/** The change numbers a coverage holds, as a set: the model the runs must agree with. */
function numbers(c: Coverage): Set<number> {
	const s = new Set<number>();
	for (const r of c) for (let n = r.after + 1; n <= r.upTo; n++) s.add(n);
	return s;
}

function isNormal(c: Coverage): boolean {
	return c.every((r, i) => r.after < r.upTo && (i === 0 || (c[i - 1]?.upTo ?? -1) < r.after));
}

describe('change ranges', () => {
	it('joins runs that meet or overlap and keeps the others apart', () => {
		expect(cover(cover(NO_COVERAGE, { after: 0, upTo: 5 }), { after: 5, upTo: 9 })).toEqual([
			{ after: 0, upTo: 9 }
		]);
		expect(
			coverAll(NO_COVERAGE, [
				{ after: 10, upTo: 12 },
				{ after: 0, upTo: 4 }
			])
		).toEqual([
			{ after: 0, upTo: 4 },
			{ after: 10, upTo: 12 }
		]);
	});

	it('names the missing runs below the highest held, not what was never sent', () => {
		const c = coverAll(NO_COVERAGE, [
			{ after: 0, upTo: 4 },
			{ after: 10, upTo: 12 },
			{ after: 15, upTo: 20 }
		]);
		expect(gaps(c)).toEqual([
			{ after: 4, upTo: 10 },
			{ after: 12, upTo: 15 }
		]);
		expect(highest(c)).toBe(20);
		expect(gaps(cover(c, fullRange(16)))).toEqual([]);
	});

	it('lists a gap when the first file to arrive starts after zero', () => {
		expect(leavesGap(NO_COVERAGE, { after: 3, upTo: 8 })).toBe(true);
		expect(leavesGap(NO_COVERAGE, { after: 0, upTo: 8 })).toBe(false);
	});

	it('accepts only whole, ordered, non-negative runs from a file', () => {
		expect(isChangeRange({ after: 0, upTo: 1 })).toBe(true);
		for (const bad of [
			null,
			{},
			{ after: 3, upTo: 3 },
			{ after: -1, upTo: 2 },
			{ after: 0.5, upTo: 2 },
			{ after: '0', upTo: 2 },
			{ after: 0, upTo: Number.MAX_SAFE_INTEGER + 2 }
		])
			expect(isChangeRange(bad)).toBe(false);
	});

	it('holds exactly the union of the runs applied, normalised', () => {
		fc.assert(
			fc.property(fc.array(range, { maxLength: 12 }), (runs) => {
				const c = coverAll(NO_COVERAGE, runs);
				const expected = new Set<number>();
				for (const r of runs) for (const n of numbers([r])) expected.add(n);
				expect(numbers(c)).toEqual(expected);
				expect(isNormal(c)).toBe(true);
			}),
			RUNS
		);
	});

	it('does not depend on the order files arrive in, nor on repeats', () => {
		fc.assert(
			fc.property(fc.array(range, { maxLength: 10 }), fc.nat(), (runs, seed) => {
				const shuffled = [...runs, ...runs.slice(0, seed % (runs.length + 1))].sort(
					(a, b) => ((a.after * 31 + seed) % 17) - ((b.after * 31 + seed) % 17)
				);
				expect(coverAll(NO_COVERAGE, shuffled)).toEqual(coverAll(NO_COVERAGE, runs));
			}),
			RUNS
		);
	});

	it('reports gaps that are exactly the numbers missing below the highest held', () => {
		fc.assert(
			fc.property(fc.array(range, { maxLength: 10 }), (runs) => {
				const c = coverAll(NO_COVERAGE, runs);
				const held = numbers(c);
				const missing = numbers(gaps(c));
				for (let n = 1; n <= highest(c); n++) expect(held.has(n) !== missing.has(n)).toBe(true);
				expect([...missing].every((n) => n <= highest(c))).toBe(true);
			}),
			RUNS
		);
	});

	it('is healed by a full file up to the highest number held', () => {
		fc.assert(
			fc.property(fc.array(range, { maxLength: 10 }), fc.nat(30), (runs, extra) => {
				const c = coverAll(NO_COVERAGE, runs);
				const healed = cover(c, fullRange(highest(c) + extra + 1));
				expect(gaps(healed)).toEqual([]);
				for (const r of runs) expect(covers(healed, r)).toBe(true);
			}),
			RUNS
		);
	});
});

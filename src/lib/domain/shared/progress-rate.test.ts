import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressRate } from './progress-rate';

describe('progressRate', () => {
	it('is the pace so far and the time left at that pace', () => {
		expect(progressRate(500, 2000, 2000)).toEqual({ perSecond: 250, secondsLeft: 6 });
		expect(progressRate(2000, 2000, 4000)).toEqual({ perSecond: 500, secondsLeft: 0 });
		// Less than a second left is still "about 1 s".
		expect(progressRate(999, 1000, 1000)).toEqual({ perSecond: 999, secondsLeft: 1 });
	});

	it('says nothing before the first item, and survives no time or odd counts', () => {
		expect(progressRate(0, 100, 5000)).toBeNull();
		expect(progressRate(Number.NaN, 100, 5000)).toBeNull();
		expect(progressRate(10, 100, 0)).toEqual({ perSecond: 10_000, secondsLeft: 1 });
		// More done than counted at the start (records written meanwhile): nothing left, not less.
		expect(progressRate(120, 100, 1000)?.secondsLeft).toBe(0);
		// A pace under one item a second counts as one: the time left stays finite.
		expect(progressRate(1, 11, 10_000)).toEqual({ perSecond: 0, secondsLeft: 10 });
	});

	it('gives finite, non-negative figures, and nothing left once all is done', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 1e7 }),
				fc.integer({ min: 0, max: 1e7 }),
				fc.integer({ min: 0, max: 1e7 }),
				(done, more, ms) => {
					const r = progressRate(done, done + more, ms)!;
					expect(Number.isFinite(r.perSecond) && r.perSecond >= 0).toBe(true);
					expect(Number.isFinite(r.secondsLeft) && r.secondsLeft >= 0).toBe(true);
					const later = progressRate(done + more, done + more, ms)!;
					expect(later.secondsLeft).toBe(0);
				}
			)
		);
	});
});

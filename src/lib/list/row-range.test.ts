import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFastStep, rowRange } from './row-range';

describe('rowRange', () => {
	it('covers the rows in view and the overscan beyond each edge', () => {
		// Rows of 50 px, 520 px in view from 1,000 px down: rows 20 to 30 (30 partly) are in view;
		// from 1,040 px down, rows 20 (partly) to 31 (partly). Both render rows 20 to 31.
		const base = { top: 1000, viewport: 520, rowHeight: 50, count: 1000 };
		expect(rowRange({ ...base, overscan: 0 })).toEqual({ first: 20, last: 32 });
		expect(rowRange({ ...base, top: 1040, overscan: 0 })).toEqual({ first: 20, last: 32 });
		expect(rowRange({ ...base, overscan: 2 })).toEqual({ first: 18, last: 34 });
	});

	it('stops at the first and the last row', () => {
		expect(rowRange({ top: 0, viewport: 500, rowHeight: 50, count: 1000, overscan: 2 })).toEqual({
			first: 0,
			last: 13
		});
		expect(rowRange({ top: 4800, viewport: 500, rowHeight: 50, count: 100, overscan: 2 })).toEqual({
			first: 94,
			last: 100
		});
		expect(rowRange({ top: 0, viewport: 500, rowHeight: 50, count: 0, overscan: 2 })).toEqual({
			first: 0,
			last: 0
		});
	});

	it('renders every row any part of which is in view, and never a row outside 0..count', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 200_000 }),
				fc.integer({ min: 1, max: 3000 }),
				fc.integer({ min: 1, max: 120 }),
				fc.integer({ min: 0, max: 5000 }),
				fc.integer({ min: 0, max: 6 }),
				(top, viewport, rowHeight, count, overscan) => {
					const { first, last } = rowRange({ top, viewport, rowHeight, count, overscan });
					expect(0 <= first && first <= last && last <= count).toBe(true);
					for (let i = 0; i < count; i++) {
						const inView = i * rowHeight < top + viewport && (i + 1) * rowHeight > top;
						if (inView) expect(first <= i && i < last).toBe(true);
					}
					// Never more than the rows in view and the overscan on both sides, and as many
					// wherever the list is scrolled, away from its ends: a row element is never
					// thrown away because the offset moved (row-slots.ts reuses the others).
					const most = Math.ceil(viewport / rowHeight) + 1 + 2 * overscan;
					expect(last - first).toBeLessThanOrEqual(most);
					if (first >= overscan && last < count) expect(last - first).toBe(most);
				}
			)
		);
	});
});

describe('isFastStep', () => {
	it('is a step farther than the overscan reaches, up or down', () => {
		expect(isFastStep(1000, 1100, 2, 52)).toBe(false); // a wheel notch: the overscan covers it
		expect(isFastStep(1000, 1104, 2, 52)).toBe(false);
		expect(isFastStep(1000, 1105, 2, 52)).toBe(true);
		expect(isFastStep(9000, 0, 2, 52)).toBe(true); // back to the top after a search
		expect(isFastStep(1000, 1001, 0, 52)).toBe(true); // no overscan: nothing to save
		expect(isFastStep(1000, 1000, 0, 52)).toBe(false);
	});
});

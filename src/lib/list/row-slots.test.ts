import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowRange } from './row-range';
import { NO_PLACEMENT, placeRows } from './row-slots';

describe('placeRows', () => {
	it('numbers the first rows from 0', () => {
		expect(placeRows(NO_PLACEMENT, 10, 14)).toEqual({ first: 10, slots: [0, 1, 2, 3] });
	});

	it('keeps the slots of rows that stay and gives the freed ones to rows that come', () => {
		const a = placeRows(NO_PLACEMENT, 0, 5); // rows 0-4 in slots 0-4
		const b = placeRows(a, 2, 7); // rows 0 and 1 leave, 5 and 6 come
		expect(b.slots).toEqual([2, 3, 4, 0, 1]);
		const c = placeRows(b, 1, 6); // back up one row: row 6 leaves, row 1 comes
		expect(c.slots).toEqual([1, 2, 3, 4, 0]);
		const d = placeRows(c, 1, 8); // two more rows in view: new slots, the lowest unused
		expect(d.slots).toEqual([1, 2, 3, 4, 0, 5, 6]);
	});

	it('reuses the same slots, in the same order, after a jump past every row in view', () => {
		const a = placeRows(placeRows(NO_PLACEMENT, 0, 12), 5, 17); // slots 5..11, 0..4
		const b = placeRows(a, 5000, 5012);
		expect(b.slots).toEqual(a.slots);
		// One row fewer in view: the last slot is the one left over.
		expect(placeRows(b, 9000, 9011).slots).toEqual(a.slots.slice(0, 11));
	});

	it('gives no two rows the same slot, and only as many slots as rows ever in view', () => {
		const step = fc.record({
			first: fc.integer({ min: 0, max: 300 }),
			count: fc.integer({ min: 0, max: 20 })
		});
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				let placed = NO_PLACEMENT;
				let most = 0;
				for (const { first, count } of steps) {
					const before = placed;
					placed = placeRows(placed, first, first + count);
					most = Math.max(most, count);
					expect(new Set(placed.slots).size).toBe(count);
					// Never more row elements than the most rows in view at once.
					for (const s of placed.slots) expect(s).toBeLessThan(most);
					// A row in view before and now keeps its slot.
					placed.slots.forEach((s, i) => {
						const was = before.slots[first + i - before.first];
						if (was !== undefined) expect(s).toBe(was);
					});
				}
			})
		);
	});

	// What a virtual list does with the two: the rows rowRange gives, placed in slots. A slot is a
	// row element, so the same set of slots at every scroll offset means that no scroll, a wheel
	// notch or a jump across the list, makes a row element or throws one away.
	it('with rowRange, keeps one set of slots however far and wherever the list scrolls', () => {
		const count = 100_000;
		fc.assert(
			fc.property(
				fc.integer({ min: 100, max: 3000 }),
				fc.integer({ min: 20, max: 80 }),
				fc.integer({ min: 0, max: 4 }),
				// Offsets away from the list's ends, near each other or far apart.
				fc.array(fc.integer({ min: 1000, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
				(viewport, rowHeight, overscan, tops) => {
					const place = (previous: typeof NO_PLACEMENT, top: number) => {
						const { first, last } = rowRange({ top, viewport, rowHeight, count, overscan });
						return placeRows(previous, first, last);
					};
					let placed = place(NO_PLACEMENT, 500);
					const slots = [...placed.slots].sort((a, b) => a - b);
					for (const top of tops) {
						placed = place(placed, top);
						expect([...placed.slots].sort((a, b) => a - b)).toEqual(slots);
					}
				}
			)
		);
	});
});

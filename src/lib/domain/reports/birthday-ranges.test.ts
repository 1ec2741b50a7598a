import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthdayKeyRanges, type KeyRange } from './birthday-ranges';
import { upcomingBirthdays } from './home';

const CN = 480;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const inRanges = (key: string, ranges: readonly KeyRange[]) =>
	ranges.some(([lo, hi]) => key >= lo && key <= hi);

describe('birthdayKeyRanges', () => {
	it('covers every birthday upcomingBirthdays finds (random dates, years and zones)', () => {
		const birthday = fc.oneof(
			fc
				.record({
					y: fc.integer({ min: 0, max: 2100 }),
					m: fc.integer({ min: 1, max: 12 }),
					d: fc.integer({ min: 1, max: 31 })
				})
				.map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
			fc
				.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 29 }) })
				.map(({ m, d }) => `--${pad(m)}-${pad(d)}`)
		);
		fc.assert(
			fc.property(
				fc.array(birthday, { minLength: 1, maxLength: 40 }),
				fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
				fc.integer({ min: -720, max: 840 }),
				fc.integer({ min: 1, max: 40 }),
				(birthdays, now, tz, days) => {
					const rows = birthdays.map((b, i) => ({ id: String(i), birthday: b }));
					const ranges = birthdayKeyRanges(now, tz, days);
					for (const u of upcomingBirthdays(rows, now, tz, days))
						expect(inRanges(u.customer.birthday, ranges)).toBe(true);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('keeps the window tight: a birthday outside the next week is outside the per-year ranges', () => {
		// 2025-12-28 09:00 in Beijing: the window runs to 3 January, over the turn of the year.
		const ranges = birthdayKeyRanges(Date.UTC(2025, 11, 28, 1), CN, 7);
		expect(inRanges('1990-12-28', ranges)).toBe(true);
		expect(inRanges('1990-01-03', ranges)).toBe(true);
		expect(inRanges('--01-01', ranges)).toBe(true);
		expect(inRanges('1990-01-04', ranges)).toBe(false);
		expect(inRanges('1990-12-27', ranges)).toBe(false);
		expect(inRanges('--06-01', ranges)).toBe(false);
		// Years read whole: "unknown" years of exporters, and years to come.
		expect(inRanges('0000-06-01', ranges)).toBe(true);
		expect(inRanges('1604-06-01', ranges)).toBe(true);
		expect(inRanges('2026-06-01', ranges)).toBe(true);
	});

	it('adds 29 February when the window holds 28 February of a common year', () => {
		const ranges = birthdayKeyRanges(Date.UTC(2025, 1, 22, 1), CN, 7);
		expect(inRanges('1992-02-29', ranges)).toBe(true);
		expect(inRanges('1992-03-01', ranges)).toBe(false);
	});

	it('gives nothing for an empty window', () => {
		expect(birthdayKeyRanges(Date.UTC(2025, 1, 22), CN, 0)).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import {
	DAY_MS,
	addMonths,
	civilDateAt,
	elapsedFraction,
	isoDateStart,
	localDayStart,
	localIsoDate,
	localMonthKey,
	parseIsoDate,
	periodContaining,
	periodDays,
	periodFrom,
	weekBounds
} from './dates';

const CN = 480;
/** 2025-03-15 10:30 in Beijing. */
const NOW = Date.UTC(2025, 2, 15, 2, 30);

describe('parseIsoDate', () => {
	it('accepts real dates', () => {
		expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
	});
	it.each([
		'2025-02-29',
		'2025-13-01',
		'2025-00-10',
		'2025-1-1',
		'',
		'2025-01-01T00:00',
		'abcd-ef-gh'
	])('refuses %s', (s) => expect(parseIsoDate(s)).toBeNull());
});

describe('local days', () => {
	it('uses the offset, not the machine zone', () => {
		// 2025-03-14 23:30 UTC is already the 15th in Beijing.
		const at = Date.UTC(2025, 2, 14, 23, 30);
		expect(localIsoDate(at, CN)).toBe('2025-03-15');
		expect(localIsoDate(at, 0)).toBe('2025-03-14');
		expect(localDayStart(at, CN)).toBe(Date.UTC(2025, 2, 14, 16));
	});
	it('handles negative offsets', () => {
		const at = Date.UTC(2025, 0, 1, 3);
		expect(localIsoDate(at, -300)).toBe('2024-12-31');
		expect(localMonthKey(at, -300)).toBe('2024-12');
	});
	it('isoDateStart is local midnight, null when malformed', () => {
		expect(isoDateStart('2025-03-15', CN)).toBe(Date.UTC(2025, 2, 14, 16));
		expect(isoDateStart('2025-3-15', CN)).toBeNull();
	});
	it('civilDateAt', () => {
		expect(civilDateAt(NOW, CN)).toEqual({ year: 2025, month: 3, day: 15 });
	});
});

describe('weekBounds (Monday first)', () => {
	it('Saturday belongs to the week that began on Monday', () => {
		const { startAt, endAt } = weekBounds(NOW, CN); // 2025-03-15 is a Saturday
		expect(localIsoDate(startAt, CN)).toBe('2025-03-10');
		expect(endAt - startAt).toBe(7 * DAY_MS);
		expect(startAt).toBe(isoDateStart('2025-03-10', CN));
	});
	it('Sunday is the last day of the week', () => {
		const sunday = Date.UTC(2025, 2, 16, 15, 59); // 23:59 Beijing, Sunday 16th
		expect(localIsoDate(weekBounds(sunday, CN).startAt, CN)).toBe('2025-03-10');
		const monday = Date.UTC(2025, 2, 16, 16, 0); // 00:00 Beijing, Monday 17th
		expect(localIsoDate(weekBounds(monday, CN).startAt, CN)).toBe('2025-03-17');
	});
});

describe('periods', () => {
	it('month from a start date', () => {
		const p = periodFrom('month', '2025-02-01', CN)!;
		expect(p.start).toBe('2025-02-01');
		expect(p.end).toBe('2025-03-01');
		expect(p.startAt).toBe(Date.UTC(2025, 0, 31, 16));
		expect(p.endAt).toBe(Date.UTC(2025, 1, 28, 16));
		expect(periodDays(p)).toBe(28);
	});
	it('quarter and year, also across a year end', () => {
		expect(periodFrom('quarter', '2024-11-01', CN)!.end).toBe('2025-02-01');
		expect(periodFrom('year', '2024-04-01', CN)!.end).toBe('2025-04-01');
		expect(periodDays(periodFrom('year', '2024-01-01', 0)!)).toBe(366);
	});
	it('clamps a late start day to the target month length', () => {
		expect(addMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({
			year: 2024,
			month: 2,
			day: 29
		});
		expect(periodFrom('month', '2025-01-31', CN)!.end).toBe('2025-02-28');
		expect(addMonths({ year: 2025, month: 3, day: 1 }, -3)).toEqual({
			year: 2024,
			month: 12,
			day: 1
		});
	});
	it('refuses a malformed start', () => {
		expect(periodFrom('month', '2025-02-30', CN)).toBeNull();
		expect(periodFrom('week' as 'month', '2025-02-01', CN)).toBeNull();
	});
	it('periodContaining aligns to calendar month, quarter, year', () => {
		expect(periodContaining('month', NOW, CN).start).toBe('2025-03-01');
		expect(periodContaining('quarter', NOW, CN)).toMatchObject({
			start: '2025-01-01',
			end: '2025-04-01'
		});
		expect(periodContaining('quarter', Date.UTC(2025, 11, 31, 15), CN).start).toBe('2025-10-01');
		expect(periodContaining('year', NOW, CN)).toMatchObject({
			start: '2025-01-01',
			end: '2026-01-01'
		});
	});
});

describe('elapsedFraction', () => {
	const p = periodFrom('month', '2025-04-01', 0)!; // 30 days
	it('is 0 before, 1 after, linear inside', () => {
		expect(elapsedFraction(p, p.startAt - 1)).toBe(0);
		expect(elapsedFraction(p, p.startAt)).toBe(0);
		expect(elapsedFraction(p, p.startAt + 15 * DAY_MS)).toBe(0.5);
		expect(elapsedFraction(p, p.endAt)).toBe(1);
		expect(elapsedFraction(p, p.endAt + DAY_MS)).toBe(1);
	});
	it('an empty or inverted span never divides by zero', () => {
		expect(elapsedFraction({ startAt: 10, endAt: 10 }, 5)).toBe(0);
		expect(elapsedFraction({ startAt: 10, endAt: 10 }, 10)).toBe(1);
		expect(elapsedFraction({ startAt: 10, endAt: 5 }, 20)).toBe(1);
	});
});

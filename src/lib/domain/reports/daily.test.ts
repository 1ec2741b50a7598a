import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, periodFrom } from '../shared/dates';
import { DailySeries, againstGoalLine, cumulative, goalLine } from './daily';

const CN = 480;
const FEB = periodFrom('month', '2025-02-01', CN)!;

describe('DailySeries', () => {
	it('has one slot per local day and labels them', () => {
		const s = new DailySeries(FEB, CN);
		expect(s.length).toBe(28);
		const rows = s.rows();
		expect(rows[0]).toEqual({ date: '2025-02-01', value: 0 });
		expect(rows[27]?.date).toBe('2025-02-28');
	});
	it('puts instants on their local day and refuses those outside', () => {
		const s = new DailySeries(FEB, CN);
		expect(s.add(FEB.startAt)).toBe(true);
		expect(s.add(FEB.startAt + DAY_MS - 1, 2)).toBe(true);
		expect(s.add(FEB.startAt + DAY_MS)).toBe(true);
		expect(s.add(FEB.startAt - 1)).toBe(false);
		expect(s.add(FEB.endAt)).toBe(false);
		expect(s.add(Number.NaN)).toBe(false);
		expect(s.values().slice(0, 3)).toEqual([3, 1, 0]);
	});
	it('a UTC evening belongs to the next Beijing day', () => {
		const s = new DailySeries(FEB, CN);
		s.add(Date.UTC(2025, 1, 1, 17)); // Feb 2nd 01:00 Beijing
		expect(s.values()[1]).toBe(1);
	});
	it('values() is a copy', () => {
		const s = new DailySeries(FEB, CN);
		s.values()[0] = 99;
		expect(s.values()[0]).toBe(0);
	});
});

describe('cumulative and goal line', () => {
	it('cumulative', () => {
		expect(cumulative([1, 2, 3])).toEqual([1, 3, 6]);
		expect(cumulative([])).toEqual([]);
	});
	it('goalLine reaches the target on the last day', () => {
		expect(goalLine(100, 4)).toEqual([25, 50, 75, 100]);
		expect(goalLine(100, 0)).toEqual([]);
		expect(goalLine(Number.NaN, 3)).toEqual([]);
	});
	it('dayBounds cut the period into days, and addPerDay adds a count to each', () => {
		const s = new DailySeries(FEB, CN);
		const bounds = s.dayBounds(FEB.endAt);
		expect(bounds).toHaveLength(28);
		expect(bounds[0]).toEqual([FEB.startAt, FEB.startAt + DAY_MS]);
		expect(bounds.at(-1)?.[1]).toBe(FEB.endAt);
		for (let i = 1; i < bounds.length; i++) expect(bounds[i]?.[0]).toBe(bounds[i - 1]?.[1]);
		s.addPerDay([2, 0, 5, Number.NaN]);
		s.add(FEB.startAt + 2 * DAY_MS + HOUR_MS);
		expect(s.values().slice(0, 4)).toEqual([2, 0, 6, 0]);
	});
	it('againstGoalLine pairs cumulative actual with the line', () => {
		const s = new DailySeries(FEB, CN);
		s.add(FEB.startAt + HOUR_MS, 500);
		s.add(FEB.startAt + 2 * DAY_MS, 300);
		const rows = againstGoalLine(s.rows(), 2800);
		expect(rows).toHaveLength(28);
		expect(rows.slice(0, 3)).toEqual([
			{ date: '2025-02-01', actual: 500, expected: 100 },
			{ date: '2025-02-02', actual: 500, expected: 200 },
			{ date: '2025-02-03', actual: 800, expected: 300 }
		]);
		expect(rows[27]).toEqual({ date: '2025-02-28', actual: 800, expected: 2800 });
	});
});

import { describe, expect, it } from 'vitest';
import { firstOfMonth, mondayOf, teamOffset, teamToday } from './team-zone';

describe('the team’s days', () => {
	it('are the team zone’s days whatever the device’s zone', () => {
		expect(teamOffset('Asia/Shanghai', Date.UTC(2026, 0, 1))).toBe(480);
		// 23:30 UTC on the 12th is already the 13th in Shanghai.
		expect(teamToday('Asia/Shanghai', Date.UTC(2026, 2, 12, 23, 30))).toBe('2026-03-13');
	});

	it('are another day in another team zone', () => {
		expect(teamToday('America/New_York', Date.UTC(2026, 2, 13, 3))).toBe('2026-03-12');
		expect(teamOffset('America/New_York', Date.UTC(2026, 0, 1))).toBe(-300);
	});

	it('find the Monday of any day of a week, across a month and a year', () => {
		expect(mondayOf('2026-03-11')).toBe('2026-03-09');
		expect(mondayOf('2026-03-09')).toBe('2026-03-09');
		expect(mondayOf('2026-03-15')).toBe('2026-03-09');
		expect(mondayOf('2026-03-01')).toBe('2026-02-23');
		expect(mondayOf('2027-01-01')).toBe('2026-12-28');
		expect(mondayOf('2026-02-30')).toBe('');
	});

	it('take the first of a month', () => {
		expect(firstOfMonth('2026-03')).toBe('2026-03-01');
		expect(firstOfMonth('March')).toBe('');
	});
});

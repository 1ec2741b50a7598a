import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, isoDateStart } from '../shared/dates';
import {
	bucketTasks,
	compareDue,
	dueBounds,
	dueView,
	isPastDueTime,
	type DueTask
} from './due-views';

const CN = 480;
/** Wednesday 2025-03-12 10:00 in Beijing. */
const NOW = Date.UTC(2025, 2, 12, 2);
const day = (iso: string) => isoDateStart(iso, CN)!;

interface T extends DueTask {
	id: string;
}
function task(id: string, dueAt: number, p: Partial<T> = {}): T {
	return { id, dueAt, done: false, trashedAt: null, priority: 'normal', ...p };
}

describe('dueBounds', () => {
	it('computes local today and the end of a Monday-first week', () => {
		const b = dueBounds(NOW, CN);
		expect(b.todayStart).toBe(day('2025-03-12'));
		expect(b.tomorrowStart).toBe(day('2025-03-13'));
		expect(b.weekEnd).toBe(day('2025-03-17'));
	});
});

describe('dueView', () => {
	const b = dueBounds(NOW, CN);
	it('a date-only task due today is today, not overdue', () => {
		expect(dueView(task('a', day('2025-03-12')), b)).toBe('today');
	});
	it('yesterday 23:59 is overdue; tomorrow 00:00 is this week', () => {
		expect(dueView(task('a', day('2025-03-12') - 60_000), b)).toBe('overdue');
		expect(dueView(task('a', day('2025-03-13')), b)).toBe('this_week');
	});
	it('Sunday night is this week, Monday is later', () => {
		expect(dueView(task('a', day('2025-03-17') - 1), b)).toBe('this_week');
		expect(dueView(task('a', day('2025-03-17')), b)).toBe('later');
	});
	it('done, trashed and invalid tasks are in no view', () => {
		expect(dueView(task('a', day('2025-03-01'), { done: true }), b)).toBeNull();
		expect(dueView(task('a', day('2025-03-01'), { trashedAt: 1 }), b)).toBeNull();
		expect(dueView(task('a', Number.NaN), b)).toBeNull();
	});
	it('the offset decides which day it is', () => {
		// 2025-03-12 17:00 UTC is the 13th 01:00 in Beijing but still the 12th in UTC.
		const t = task('a', Date.UTC(2025, 2, 12, 17));
		expect(dueView(t, dueBounds(NOW, CN))).toBe('this_week');
		expect(dueView(t, dueBounds(NOW, 0))).toBe('today');
	});
});

describe('bucketTasks', () => {
	it('sorts each bucket by due time then priority', () => {
		const tasks = [
			task('later', day('2025-03-20')),
			task('today-low', day('2025-03-12') + 9 * HOUR_MS, { priority: 'low' }),
			task('today-high', day('2025-03-12') + 9 * HOUR_MS, { priority: 'high' }),
			task('today-early', day('2025-03-12')),
			task('old', day('2025-03-01')),
			task('older', day('2025-02-01')),
			task('fri', day('2025-03-14')),
			task('done', day('2025-03-12'), { done: true })
		];
		const b = bucketTasks(tasks, NOW, CN);
		expect(b.overdue.map((t) => t.id)).toEqual(['older', 'old']);
		expect(b.today.map((t) => t.id)).toEqual(['today-early', 'today-high', 'today-low']);
		expect(b.thisWeek.map((t) => t.id)).toEqual(['fri']);
		expect(b.later.map((t) => t.id)).toEqual(['later']);
	});
	it('on a Sunday "this week" is empty and Monday is later', () => {
		const sunday = day('2025-03-16') + 12 * HOUR_MS;
		const b = bucketTasks([task('mon', day('2025-03-17'))], sunday, CN);
		expect(b.thisWeek).toEqual([]);
		expect(b.later.map((t) => t.id)).toEqual(['mon']);
	});
	it('handles no tasks', () => {
		expect(bucketTasks([], NOW, CN)).toEqual({ overdue: [], today: [], thisWeek: [], later: [] });
	});
});

describe('helpers', () => {
	it('compareDue', () => {
		expect(compareDue(task('a', 1), task('b', 2))).toBeLessThan(0);
		expect(
			compareDue(task('a', 1, { priority: 'low' }), task('b', 1, { priority: 'high' }))
		).toBeGreaterThan(0);
	});
	it('isPastDueTime', () => {
		expect(isPastDueTime(task('a', NOW - 1), NOW)).toBe(true);
		expect(isPastDueTime(task('a', NOW + DAY_MS), NOW)).toBe(false);
		expect(isPastDueTime(task('a', NOW - 1, { done: true }), NOW)).toBe(false);
	});
});

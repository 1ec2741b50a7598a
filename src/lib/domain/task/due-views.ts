import type { EpochMs } from '../shared/types';
import { DAY_MS, localDayStart, weekBounds } from '../shared/dates';
import type { Task, TaskPriority } from './task';

/**
 * Task views by due date: overdue, today, the rest of this week, later.
 *
 * The buckets are disjoint so a task is listed once. "Overdue" means due before today (local): a
 * date-only task is due at local midnight and must not turn overdue on its own day. Weeks start on
 * Monday. Done and trashed tasks are in no bucket.
 */
export const DUE_VIEWS = ['overdue', 'today', 'this_week', 'later'] as const;
export type DueView = (typeof DUE_VIEWS)[number];

export type DueTask = Pick<Task, 'dueAt' | 'done' | 'trashedAt' | 'priority'>;

export interface DueBuckets<T> {
	overdue: T[];
	today: T[];
	/** Due after today and before next Monday. */
	thisWeek: T[];
	later: T[];
}

export interface DueBounds {
	todayStart: EpochMs;
	tomorrowStart: EpochMs;
	weekEnd: EpochMs;
}

export function dueBounds(now: EpochMs, tzOffsetMin: number): DueBounds {
	const todayStart = localDayStart(now, tzOffsetMin);
	return {
		todayStart,
		tomorrowStart: todayStart + DAY_MS,
		weekEnd: weekBounds(now, tzOffsetMin).endAt
	};
}

/** The view a task belongs to, or null when done, trashed or without a valid due time. */
export function dueView(task: DueTask, bounds: DueBounds): DueView | null {
	if (task.done || task.trashedAt != null || !Number.isFinite(task.dueAt)) return null;
	if (task.dueAt < bounds.todayStart) return 'overdue';
	if (task.dueAt < bounds.tomorrowStart) return 'today';
	if (task.dueAt < bounds.weekEnd) return 'this_week';
	return 'later';
}

const PRIORITY_RANK: Record<TaskPriority, number> = { high: 0, normal: 1, low: 2 };

/** Earliest due first; at the same moment, higher priority first. */
export function compareDue(a: DueTask, b: DueTask): number {
	return a.dueAt - b.dueAt || (PRIORITY_RANK[a.priority] ?? 1) - (PRIORITY_RANK[b.priority] ?? 1);
}

/** Sorts open tasks into the four views in one pass. */
export function bucketTasks<T extends DueTask>(
	tasks: Iterable<T>,
	now: EpochMs,
	tzOffsetMin: number
): DueBuckets<T> {
	const bounds = dueBounds(now, tzOffsetMin);
	const out: DueBuckets<T> = { overdue: [], today: [], thisWeek: [], later: [] };
	for (const t of tasks) {
		const view = dueView(t, bounds);
		if (view === 'overdue') out.overdue.push(t);
		else if (view === 'today') out.today.push(t);
		else if (view === 'this_week') out.thisWeek.push(t);
		else if (view === 'later') out.later.push(t);
	}
	out.overdue.sort(compareDue);
	out.today.sort(compareDue);
	out.thisWeek.sort(compareDue);
	out.later.sort(compareDue);
	return out;
}

/** A timed task due earlier today has passed its time though it is not yet "overdue". */
export function isPastDueTime(task: DueTask, now: EpochMs): boolean {
	return !task.done && task.trashedAt == null && task.dueAt < now;
}

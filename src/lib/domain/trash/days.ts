import { DAY_MS } from '../shared/dates';

/** How many days a trashed record stays restorable before it is purged for good. */
export const TRASH_DAYS = 30;

/**
 * Whole days left before a record trashed at `trashedAt` is purged: 30 right after trashing,
 * 0 in its last day and after. A clock set back (trashedAt in the future) still reads 30.
 */
export function trashDaysLeft(trashedAt: number, now: number): number {
	const elapsed = Math.max(0, now - trashedAt);
	return Math.max(0, Math.ceil((TRASH_DAYS * DAY_MS - elapsed) / DAY_MS));
}

/** The latest `trashedAt` that is purged at `now`: trashed over TRASH_DAYS ago. */
export function expiredUpTo(now: number): number {
	return now - TRASH_DAYS * DAY_MS;
}

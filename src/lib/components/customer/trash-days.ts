/** How long a trashed record is kept before purgeExpiredTrash removes it. */
export const TRASH_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Whole days left before a record trashed at `trashedAt` is purged: 30 right after trashing,
 * 0 in its last day and after. A clock set back (trashedAt in the future) still reads 30.
 */
export function trashDaysLeft(trashedAt: number, now: number): number {
	const elapsed = Math.max(0, now - trashedAt);
	return Math.max(0, Math.ceil((TRASH_KEEP_DAYS * DAY_MS - elapsed) / DAY_MS));
}

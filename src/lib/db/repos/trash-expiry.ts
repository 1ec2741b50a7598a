import { expiredUpTo } from '$lib/domain/trash/days';
import { TRASH_KINDS } from '$lib/domain/trash/kinds';
import { db } from '../db';
import { purgeTrashed } from './purge';
import { trashedOf } from './trashed';

/**
 * Purges, once per start, what was trashed more than TRASH_DAYS ago: of every kind, with
 * tombstones (purge.ts). Every kind's trash is indexed (trashed.ts), so each start looks at all
 * of them at the cost of the trash alone.
 */

/** Returns how many records were purged (a customer's records counted with it as one). */
export async function purgeExpiredTrash(now = Date.now()): Promise<number> {
	const d = db();
	const upTo = expiredUpTo(now);
	let purged = 0;
	// Customers first: their records go with them. Courses last: one whose training records
	// expire in this pass goes too (a course stays while a record names it).
	const kinds = [...TRASH_KINDS.filter((k) => k !== 'courses'), 'courses' as const];
	for (const kind of kinds) {
		const ids = (await trashedOf(d, kind, upTo)).map((r) => r.id);
		if (ids.length > 0) purged += (await purgeTrashed(kind, ids, upTo)).length;
	}
	return purged;
}

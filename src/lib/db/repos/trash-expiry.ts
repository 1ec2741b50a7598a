import { DAY_MS } from '$lib/domain/shared/dates';
import { expiredUpTo } from '$lib/domain/trash/days';
import { TRASH_KINDS } from '$lib/domain/trash/kinds';
import { db } from '../db';
import { readSetting, writeSetting } from './local-settings';
import { purgeTrashed } from './purge';
import { INDEXED_TRASH, trashedOf } from './trashed';

/**
 * Purges, once per start, what was trashed more than TRASH_DAYS ago: of every kind, with
 * tombstones (purge.ts). The kinds whose trash is indexed are looked at on every start; the
 * others are found by reading their whole table, so they are looked at once a day only (the
 * day's first start), a purge a day late being harmless next to a start that reads every task,
 * order and ticket each time.
 */
export const SWEPT_KEY = 'trash.sweptAt';

/** Whether the unindexed kinds are due to be looked at (a clock set back counts as due). */
function sweepDue(sweptAt: number | undefined, now: number): boolean {
	return sweptAt === undefined || now - sweptAt >= DAY_MS || sweptAt > now;
}

/** Returns how many records were purged (a customer's records counted with it as one). */
export async function purgeExpiredTrash(now = Date.now()): Promise<number> {
	const d = db();
	const upTo = expiredUpTo(now);
	const sweep = sweepDue(await readSetting<number>(SWEPT_KEY), now);
	let purged = 0;
	// Customers first: their records go with them.
	for (const kind of TRASH_KINDS) {
		if (!sweep && !INDEXED_TRASH.has(kind)) continue;
		const ids = (await trashedOf(d, kind, upTo)).map((r) => r.id);
		if (ids.length > 0) purged += (await purgeTrashed(kind, ids, upTo)).length;
	}
	if (sweep) await writeSetting(SWEPT_KEY, now);
	return purged;
}

import { restampRecord, restampTombstone } from '$lib/sync/far-ahead';
import { decodeHlc, farAheadFloor } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { db } from './db';
import type { RapportDB } from './schema';

/**
 * Repair on start of what an older version let in: stamps more than a day ahead of this device's
 * clock (a snapshot from a computer set to 2100), or walls past the 15-digit format (a clock that
 * adopted "999999999999999:zzzz:x"). Each such stamp is replaced by one of this device's clock,
 * as an ordinary edit would be stamped, with its value and its author (`by`) kept, so the clock
 * can come back to the present and the records merge again. Teammates' copies of the same
 * records are caught by their own import preview.
 *
 * The user is told: the notice is kept in `settings` until they dismiss it, so it shows once,
 * even if the tab that repaired was closed before they saw it.
 */
export interface ClockRepair {
	/** Records and tombstones re-stamped. */
	records: number;
	/** How far ahead the furthest re-stamped stamp was (ms; 0 for walls past the format). */
	aheadMs: number;
	at: number;
}

const NOTICE_KEY = 'clockRepair';

/** Runs inside the session's start transaction (synced tables, tombstones, settings). */
export async function repairFarAhead(
	d: RapportDB,
	now: number,
	tick: () => string
): Promise<ClockRepair | null> {
	const floor = farAheadFloor(now);
	let records = 0;
	let furthest = 0;
	const note = (hlc: string) => {
		records++;
		const wall = decodeHlc(hlc)?.wall;
		if (wall !== undefined) furthest = Math.max(furthest, wall - now);
	};
	for (const t of SYNCED_TABLES) {
		const table = d.table(t);
		const far = (await table.where('_meta.updated').above(floor).toArray()) as SyncRecord[];
		if (far.length === 0) continue;
		for (const r of far) note(r._meta.updated);
		await table.bulkPut(far.map((r) => restampRecord(r, now, tick)));
	}
	const tombs = await d.tombstones.where('hlc').above(floor).toArray();
	if (tombs.length > 0) {
		for (const t of tombs) note(t.hlc);
		await d.tombstones.bulkPut(tombs.map((t) => restampTombstone(t, now, tick)));
	}
	if (records === 0) return null;
	const before = (await d.settings.get(NOTICE_KEY))?.value as ClockRepair | undefined;
	const repair: ClockRepair = {
		records: records + (before?.records ?? 0),
		aheadMs: Math.max(furthest, before?.aheadMs ?? 0),
		at: now
	};
	await d.settings.put({ key: NOTICE_KEY, value: repair });
	return repair;
}

/** The repair the user has not dismissed yet, if any. */
export async function clockRepairNotice(): Promise<ClockRepair | null> {
	const value = (await db().settings.get(NOTICE_KEY))?.value as ClockRepair | undefined;
	return value ?? null;
}

export async function dismissClockRepairNotice(): Promise<void> {
	await db().settings.delete(NOTICE_KEY);
}

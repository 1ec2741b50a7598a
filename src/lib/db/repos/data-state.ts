import { SYNCED_TABLES } from '$lib/sync/tables';
import { readDataMarker, noteBackup, noteData } from '../data-marker';
import { db } from '../db';
import type { RapportDB } from '../schema';
import { getBackupInfo } from './backup';
import { hasDemoData } from './demo';

/**
 * On start: whether the database holds the user's data and, if it does not, whether this browser
 * had some (the note in data-marker.ts), so that a wiped database is named as such instead of
 * looking like a first visit.
 */
export type DataState =
	| { kind: 'ok' }
	/** The database is empty, and this browser had data in it. */
	| { kind: 'gone'; lastBackupAt: number | null; lastBackupHow: 'folder' | 'download' | null }
	/** Empty, and nothing says it ever held anything: a first start, or all site data cleared. */
	| { kind: 'empty' };

/** Where the user's data lives: records of any synced table but members, tombstones, the log. */
const DATA_TABLES = [...SYNCED_TABLES.filter((t) => t !== 'members'), 'tombstones', 'audit'];

async function holdsData(d: RapportDB): Promise<boolean> {
	const found = await Promise.all(
		DATA_TABLES.map((t) => d.table(t).toCollection().limit(1).primaryKeys())
	);
	return found.some((keys) => keys.length > 0);
}

/**
 * A database with data (from before the note existed, too) brings the note up to date with its
 * last backup, unless it holds demo data, which is removed on purpose and must not be mourned.
 */
export async function dataState(): Promise<DataState> {
	const d = db();
	if (await holdsData(d)) {
		if (!(await hasDemoData())) {
			noteData();
			const { lastAt, lastHow } = await getBackupInfo();
			if (lastAt !== null) noteBackup(lastAt, lastHow ?? 'download');
		}
		return { kind: 'ok' };
	}
	const m = readDataMarker();
	return m
		? { kind: 'gone', lastBackupAt: m.lastBackupAt, lastBackupHow: m.lastBackupHow }
		: { kind: 'empty' };
}

import { DAY_MS } from '$lib/domain/shared/dates';
import { noteBackup } from '../data-marker';
import { db } from '../db';
import { guarded } from '../write';
import { countChangedSince } from './local-changes';

/**
 * Backup bookkeeping in `settings`: when the last full backup was made and how, the change number
 * this device had reached when it began (everything numbered up to it is in the file: see
 * local-changes.ts), when this install first checked (so a new install is not nagged at once),
 * and the folder chosen for automatic backups (a FileSystemDirectoryHandle, which IndexedDB stores
 * as is; the browser asks again for permission after a restart).
 */
const LAST = 'backup.lastAt';
const HOW = 'backup.lastHow';
const MARK = 'backup.changeMark';
const SINCE = 'backup.since';
const FOLDER = 'backup.folder';

export const BACKUP_REMINDER_DAYS = 7;
/** Automatic backups to a folder: at most one a day. */
export const AUTO_BACKUP_MS = DAY_MS;

/**
 * How the last backup left: written into a folder (recorded once the file was closed), or handed
 * to the browser as a download (recorded when the download started: the browser may still ask
 * where to save it, and the user may cancel, so it is never told as a backup made).
 */
export type BackupHow = 'folder' | 'download';

export interface BackupInfo {
	lastAt: number | null;
	/** null: recorded by a version that did not say how. */
	lastHow: BackupHow | null;
	/** First time this install looked (the reminder counts from here when there is no backup). */
	since: number;
}

export async function getBackupInfo(now = Date.now()): Promise<BackupInfo> {
	const d = db();
	const [last, how, since] = await Promise.all([
		d.settings.get(LAST),
		d.settings.get(HOW),
		d.settings.get(SINCE)
	]);
	if (typeof since?.value !== 'number')
		await guarded(() => d.settings.put({ key: SINCE, value: now }));
	return {
		lastAt: typeof last?.value === 'number' ? last.value : null,
		lastHow: how?.value === 'folder' || how?.value === 'download' ? how.value : null,
		since: typeof since?.value === 'number' ? since.value : now
	};
}

/** True when the last backup (or, without one, the first start) is over 7 days old. */
export function backupOverdue(info: BackupInfo, now: number): boolean {
	return now - (info.lastAt ?? info.since) > BACKUP_REMINDER_DAYS * DAY_MS;
}

/**
 * A backup was made (or its download started). `mark`: the change number taken before it read
 * anything (changeMark), so that what changed since can be counted.
 */
export async function recordBackup(how: BackupHow, at = Date.now(), mark?: number): Promise<void> {
	await guarded(() =>
		db().settings.bulkPut([
			{ key: LAST, value: at },
			{ key: HOW, value: how },
			...(mark === undefined ? [] : [{ key: MARK, value: mark }])
		])
	);
	// Also outside the database: if the browser wipes it, the next start can say when it was.
	noteBackup(at, how);
}

/**
 * How many records and tombstones this device wrote (its own edits and what it merged) since the
 * last backup read its data; null without a backup that noted where it began.
 */
export async function changesSinceBackup(): Promise<number | null> {
	const mark = (await db().settings.get(MARK))?.value;
	return typeof mark === 'number' ? countChangedSince(mark) : null;
}

export async function getBackupFolder(): Promise<FileSystemDirectoryHandle | null> {
	const v = (await db().settings.get(FOLDER))?.value;
	return v && typeof v === 'object' ? (v as FileSystemDirectoryHandle) : null;
}

/** Set once a folder is chosen on this page load (see folderChosenThisVisit). */
let chosenThisVisit = false;

/**
 * Whether the backup folder was chosen since this page loaded. The daily backup is decided once
 * per start, and a folder chosen meanwhile waits for the next start (or "Back up now"): otherwise
 * the start-up check, when the database opens slowly, could write a backup the user did not
 * ask for at the very moment they make one themselves.
 */
export const folderChosenThisVisit = (): boolean => chosenThisVisit;

export async function setBackupFolder(handle: FileSystemDirectoryHandle | null): Promise<void> {
	chosenThisVisit = true;
	const settings = db().settings;
	await guarded(async () => {
		if (handle) await settings.put({ key: FOLDER, value: handle });
		else await settings.delete(FOLDER);
	});
}

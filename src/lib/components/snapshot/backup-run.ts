import { getSession } from '$lib/db/session';
import {
	folderChosenThisVisit,
	getBackupFolder,
	getBackupInfo,
	recordBackup,
	type BackupHow
} from '$lib/db/repos/backup';
import { changeMark } from '$lib/db/repos/local-changes';
import {
	exportSize,
	exportSnapshot,
	snapshotFileName,
	type ReadWatch
} from '$lib/db/repos/snapshots';
import { downloadChunks, writeChunks } from './download-snapshot';

/**
 * A full backup: a snapshot of everything with its owner and settings (scope `backup`), written
 * to the chosen folder when the browser allows it (File System Access API, Chromium) and
 * permission is granted, downloaded otherwise.
 */
export const canPickFolder = (): boolean =>
	typeof window !== 'undefined' && 'showDirectoryPicker' in window;

type PermissionHandle = FileSystemDirectoryHandle & {
	queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
	requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
};

/** Whether we may write into the folder; asks when `ask` (needs a click: a user gesture). */
export async function folderWritable(
	dir: FileSystemDirectoryHandle,
	ask: boolean
): Promise<boolean> {
	const h = dir as PermissionHandle;
	const state = (await h.queryPermission?.({ mode: 'readwrite' })) ?? 'granted';
	if (state === 'granted') return true;
	if (!ask || !h.requestPermission) return false;
	return (await h.requestPermission({ mode: 'readwrite' })) === 'granted';
}

export async function backupName(now = new Date()): Promise<string> {
	const s = await getSession();
	return snapshotFileName(`${s.member.name || 'backup'}-backup`, now);
}

/**
 * Writes a backup. `ask`: the user clicked, so the browser may show a permission prompt.
 * `watch`, given the number of records to read, returns what follows and may stop the read; a
 * stopped backup writes no file and records nothing.
 * Returns the file name and where it went: into the folder (recorded once the file is closed),
 * or to the browser as a download (recorded as started: whether it was saved is not known).
 */
export function runBackup(
	ask: boolean,
	watch?: (total: number | null) => ReadWatch
): Promise<{ file: string; to: BackupHow; folder: string }> {
	return oneAtATime(() => backup(ask, watch));
}

async function backup(
	ask: boolean,
	watch?: (total: number | null) => ReadWatch
): Promise<{ file: string; to: BackupHow; folder: string }> {
	const file = await backupName();
	const dir = canPickFolder() ? await getBackupFolder() : null;
	// Taken before the file reads anything: whatever is written meanwhile counts as changed since.
	const mark = await changeMark();
	const scope = { kind: 'backup' } as const;
	const opts = watch ? { watch: watch(await exportSize(scope)) } : {};
	if (dir && (await folderWritable(dir, ask))) {
		await writeChunks(dir, file, await exportSnapshot(scope, opts));
		await recordBackup('folder', Date.now(), mark);
		return { file, to: 'folder', folder: dir.name };
	}
	await downloadChunks(file, await exportSnapshot(scope, opts));
	await recordBackup('download', Date.now(), mark);
	return { file, to: 'download', folder: '' };
}

/** On start: writes the daily backup into the chosen folder if permission is still granted. */
export async function autoBackup(lastAt: number | null, everyMs: number): Promise<boolean> {
	if (!canPickFolder()) return false;
	if (lastAt !== null && Date.now() - lastAt < everyMs) return false;
	return oneAtATime(() => dailyBackup(everyMs));
}

async function dailyBackup(everyMs: number): Promise<boolean> {
	// Read again once no other backup runs: another tab may have just made today's.
	const { lastAt } = await getBackupInfo();
	if (lastAt !== null && Date.now() - lastAt < everyMs) return false;
	const dir = await getBackupFolder();
	if (!dir || folderChosenThisVisit() || !(await folderWritable(dir, false))) return false;
	const mark = await changeMark();
	await writeChunks(dir, await backupName(), await exportSnapshot({ kind: 'backup' }));
	await recordBackup('folder', Date.now(), mark);
	return true;
}

const pending: { last: Promise<unknown> } = { last: Promise.resolve() };

/**
 * Backups run one after another, across this device's tabs where the browser has Web Locks: two
 * at once would write the same file name, and a failed one could not tell its own file from the
 * other's when it cleans up.
 */
function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
	if (typeof navigator !== 'undefined' && navigator.locks)
		return navigator.locks.request('rapport-backup', run) as Promise<T>;
	const next = pending.last.then(run, run);
	pending.last = next.catch(() => undefined);
	return next;
}

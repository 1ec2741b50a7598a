import { readLocal, writeLocal } from './local-store';

/**
 * A note kept outside IndexedDB (localStorage) that this browser held the user's data, and when
 * it was last backed up. When the browser evicts the database (disk pressure without persistent
 * storage) or a profile's IndexedDB is deleted, the app would otherwise start as on a first visit,
 * its backup reminder counting afresh: with the note, a start that finds the database empty says
 * the data is gone and offers the restore. Where the browser cleared localStorage too (all site
 * data), nothing is known: the first-run screen still offers the restore first.
 */
export interface DataMarker {
	hadData: true;
	/** Epoch ms of the last backup this browser made; null when none was made. */
	lastBackupAt: number | null;
	/** How it left (see backup.ts): a download may not have been saved. */
	lastBackupHow: 'folder' | 'download' | null;
}

const KEY = 'rapport.dataMarker';

export function readDataMarker(): DataMarker | null {
	const raw = readLocal(KEY);
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as Record<string, unknown>;
		if (v?.hadData !== true) return null;
		const at = v.lastBackupAt;
		const how = v.lastBackupHow;
		return {
			hadData: true,
			lastBackupAt: typeof at === 'number' && Number.isFinite(at) ? at : null,
			lastBackupHow: how === 'folder' || how === 'download' ? how : null
		};
	} catch {
		// A note that does not parse says nothing, like no note.
		return null;
	}
}

function write(m: DataMarker): void {
	writeLocal(KEY, JSON.stringify(m));
}

/** The user's data was written (called on the first real write of a session). */
export function noteData(): void {
	write(readDataMarker() ?? { hadData: true, lastBackupAt: null, lastBackupHow: null });
}

/** A backup was made (or its download started). */
export function noteBackup(at: number, how: 'folder' | 'download'): void {
	const m = readDataMarker();
	if (m?.lastBackupAt && m.lastBackupAt > at) return;
	write({ hadData: true, lastBackupAt: at, lastBackupHow: how });
}

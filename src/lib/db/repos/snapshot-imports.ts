import type { SnapshotHeader } from '$lib/io/snapshot/header';
import type { SnapshotSetting } from '$lib/io/snapshot/restore';
import type { TableStats } from '$lib/sync/merge';
import { SYNCED_TABLES } from '$lib/sync/tables';
import type { Tombstone } from '$lib/sync/tombstone';
import type { SyncRecord } from '$lib/sync/merge';
import { db } from '../db';
import type { RapportDB } from '../schema';
import type { SnapshotContext } from './snapshot-context';

/**
 * Bookkeeping shared by preview, apply and undo. A snapshot import is an entry of the `imports`
 * table (detail.kind = 'snapshot'), so an interrupted one is cleared on start like a CSV import;
 * its restored lines are staged in `importBatches` ('stage'), and after apply the same seq holds
 * what Undo needs ('undo').
 */
export const SNAPSHOT_KIND = 'snapshot';

/** A staged line: a record, a tombstone, or a backup's setting (applied by Restore only). */
export type StagedEntry =
	| { t: string; r: SyncRecord }
	| { t: '_tomb'; r: Tombstone }
	| { t: '_setting'; r: SnapshotSetting };

export interface SnapshotImportDetail {
	kind: typeof SNAPSHOT_KIND;
	fileName: string;
	checksum: string;
	from: SnapshotHeader['exportedBy'];
	exportedAt: number;
	scope: SnapshotHeader['scope'];
	/** Which of the sender's changes the file carries (absent: it does not say). */
	changes?: SnapshotHeader['changes'];
	stats?: Record<string, TableStats>;
	conflicts?: number;
}

/** What Undo needs for one staged batch. */
export interface UndoBatch {
	/** Created by the import, with the `_meta.updated` it was written with. */
	created: { table: string; id: string; updated: string }[];
	/** Changed by the import: the record before, and the fields the import changed. */
	changed: { table: string; before: SyncRecord; fields: string[]; after: SyncRecord['_meta'] }[];
	/**
	 * Deleted by an incoming tombstone. Undo leaves them deleted and the tombstones in place (an
	 * erasure stays erased), so only which ones is kept. (Older versions kept the records and the
	 * tombstones here too; Undo ignores them.)
	 */
	deleted: { table: string; id: string }[];
}

export const KNOWN_TABLES: ReadonlySet<string> = new Set(SYNCED_TABLES);

export interface SnapshotImportRecord {
	importId: string;
	at: number;
	detail: SnapshotImportDetail & {
		created: number;
		updated: number;
		deleted: number;
		/** Records stamped far ahead that the import skipped or re-stamped (absent: older versions). */
		skipped?: number;
		restamped?: number;
		/** How many imports had been undone when this one was applied (absent: older versions). */
		undosBefore?: number;
		/** Applied with other files at once: the batch, and this file's place in its order. */
		batch?: { group: string; seq: number };
	};
	undone: boolean;
}

/**
 * Committed snapshot imports, newest first, read from the audit log (the staging entry in
 * `imports` is removed on apply, so the CSV import history never lists them).
 */
export function listSnapshotImportsWith(
	ctx: Pick<SnapshotContext, 'db'>
): Promise<SnapshotImportRecord[]> {
	return snapshotImportsIn(ctx.db);
}

/** Reads only the database (no session), so a live query sees every table it reads. */
async function snapshotImportsIn(d: RapportDB): Promise<SnapshotImportRecord[]> {
	const rows = await d.audit
		.filter((a) => a.action === 'snapshot_import' || a.action === 'snapshot_undo')
		.toArray();
	const undone = new Set(
		rows.filter((a) => a.action === 'snapshot_undo').map((a) => a.detail.importId as string)
	);
	return rows
		.filter((a) => a.action === 'snapshot_import')
		.map((a) => ({
			importId: a.detail.importId as string,
			at: a.at,
			detail: a.detail as unknown as SnapshotImportRecord['detail'],
			undone: undone.has(a.detail.importId as string)
		}))
		.sort((a, b) => b.at - a.at);
}

/**
 * Whether a file with this body checksum was imported before and all it brought is still here, so
 * that importing it again would change nothing: its import is not undone, took every record as
 * the file has it (none skipped or re-stamped for a clock far ahead: once the clocks agree, the
 * same file brings them as they are), and no import was undone since (an undo may have removed
 * records that this file carries too).
 */
export async function wasImported(ctx: SnapshotContext, checksum: string): Promise<boolean> {
	const all = await listSnapshotImportsWith(ctx);
	const undos = undoneCount(all);
	return all.some(
		({ undone, detail: d }) =>
			!undone &&
			d.checksum === checksum &&
			!d.skipped &&
			!d.restamped &&
			(d.undosBefore ?? 0) === undos
	);
}

/** How many snapshot imports were undone (each import is undone at most once). */
export function undoneCount(imports: readonly SnapshotImportRecord[]): number {
	return imports.filter((r) => r.undone).length;
}

/** The Web Lock held from preview to apply, so another tab's start-up leaves the staging alone. */
export async function holdLock(name: string): Promise<() => void> {
	if (typeof navigator === 'undefined' || !navigator.locks) return () => undefined;
	return new Promise((granted) => {
		void navigator.locks.request(
			name,
			() =>
				new Promise<void>((release) => {
					granted(() => release());
				})
		);
	});
}

export function listSnapshotImports(): Promise<SnapshotImportRecord[]> {
	return snapshotImportsIn(db());
}

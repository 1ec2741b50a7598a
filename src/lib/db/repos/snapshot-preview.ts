import type { SnapshotReader } from '$lib/io/snapshot/decode';
import { SETTING, type SnapshotHeader } from '$lib/io/snapshot/header';
import { readEntry } from '$lib/io/snapshot/restore';
import type { Conflict } from '$lib/sync/conflict';
import { mergeRecord, type SeenPoint, type SyncRecord, type TableStats } from '$lib/sync/merge';
import type { MissingRun } from '$lib/sync/received-files';
import { recordKey, type Tombstone } from '$lib/sync/tombstone';
import { newId } from '../ids';
import { missingWith, receivedFile, seenFrom } from './exchange-received';
import { importLockName } from './imports';
import { AsideWeights } from './snapshot-aside';
import type { PriorFiles } from './snapshot-batch-stage';
import { ClockWatch, type AheadClock } from './snapshot-clocks';
import { arrivingPartsOfErased, partsOfErased } from './snapshot-erased-parts';
import { checkRoom, freeStorageBytes } from './snapshot-room';
import { watched, type ReadWatch } from './snapshot-source';
import { storedOf, tombTable } from './snapshot-stored';
import { appContext, PAGE_SIZE, type SnapshotContext } from './snapshot-context';
import {
	holdLock,
	KNOWN_TABLES,
	SNAPSHOT_KIND,
	wasImported,
	type SnapshotImportDetail,
	type StagedEntry
} from './snapshot-imports';

/**
 * Import, step 1: read the whole file, check it (checksum, counts, authentication), and tell the
 * user what applying it would do, before anything is written to their data. The restored lines
 * are staged in `importBatches` page by page (invisible to every page of the app) and merged
 * against the local versions of the same ids, read in bulk per table, so the preview costs one
 * pass over the file and memory stays flat. A file that fails a check leaves nothing behind, and
 * one whose header counts more records than the free storage can hold is refused before anything
 * is staged (snapshot-room.ts).
 */
export interface SnapshotPreview {
	/** The staged import to apply or cancel; '' when the file was imported before. */
	importId: string;
	fileName: string;
	header: SnapshotHeader;
	/** The same file (same body checksum) was imported before: applying it would change nothing. */
	alreadyImported: boolean;
	/** Per table: new, updated, unchanged, deleted, conflicts. */
	stats: Record<string, TableStats>;
	/** The first MAX_LISTED conflicts (the total is in stats). */
	conflicts: Conflict[];
	conflictCount: number;
	/** Lines that could not be read (absurd values): not imported. */
	invalid: number;
	/** Record kinds a newer app version wrote: kept aside, not dropped. */
	unknownTables: string[];
	/** A backup's settings lines staged for Restore (0 for an ordinary import). */
	settings: number;
	/** Entries staged, which applying goes through: the count its progress runs to. */
	staged: number;
	aheadClocks: AheadClock[];
	/**
	 * Records (and tombstones) with a stamp more than a day ahead of this device's clock: applied
	 * only as the user chooses, skipped or re-stamped (see snapshot-clocks.ts).
	 */
	farAhead: number;
	/**
	 * For a file that says which of its sender's changes it carries: the runs of that sender's
	 * changes that would still be missing here once it is applied (empty: none).
	 */
	missing: MissingRun[];
}

export const MAX_LISTED = 200;

const zero = (): TableStats => ({ new: 0, updated: 0, unchanged: 0, deleted: 0, conflicts: 0 });

class PreviewState {
	readonly stats: Record<string, TableStats> = {};
	readonly conflicts: Conflict[] = [];
	conflictCount = 0;
	invalid = 0;
	readonly unknown = new Set<string>();
	readonly aside = new AsideWeights();
	readonly clocks: ClockWatch;
	/** Tombstones seen so far in the file (exported first), and in a batch's earlier files. */
	readonly tombs: Map<string, Tombstone>;
	/** Member names from the file, for naming far-ahead clocks. */
	readonly names = new Map<string, string>();

	constructor(
		now: number,
		/** The point up to which the sender's own writes arrived before (the merge's `seen`). */
		readonly seen: SeenPoint | undefined,
		readonly prior?: PriorFiles
	) {
		this.clocks = new ClockWatch(now);
		this.tombs = prior?.tombs ?? new Map();
	}

	of(table: string): TableStats {
		return (this.stats[table] ??= zero());
	}
}

/**
 * Local records and tombstones of one page's ids, then the merge outcome of each. A record of a
 * customer erased here or by the file is erased on arrival, as the apply does
 * (snapshot-erased-parts.ts): what is stored of it counts as deleted, and it is never new.
 */
async function previewRecords(
	ctx: SnapshotContext,
	table: string,
	records: SyncRecord[],
	st: PreviewState
): Promise<void> {
	const s = st.of(table);
	if (!KNOWN_TABLES.has(table)) {
		st.unknown.add(table);
		st.aside.add(table, records);
		s.new += records.length;
		return;
	}
	const ids = records.map((r) => r.id);
	const [locals, localTombs, erasedParts] = await Promise.all([
		storedOf<SyncRecord>(ctx.db.table(table), ids),
		storedOf<Tombstone>(tombTable(ctx), ids, (id) => [table, id]),
		arrivingPartsOfErased(ctx.db, table, records, (id) => st.tombs.get(recordKey('customers', id)))
	]);
	const erased = new Map(erasedParts.map((t) => [t.id, t]));
	const prior = st.prior;
	records.forEach((r, i) => {
		const key = recordKey(table, r.id);
		if (localTombs[i] || st.tombs.has(key)) {
			s.unchanged++;
			prior?.note(key, 'unchanged');
			return;
		}
		// In a batch, as the earlier files leave it.
		const local = prior?.records.get(key) ?? locals[i];
		const erasure = erased.get(r.id);
		if (erasure) {
			if (local) s.deleted++;
			else s.unchanged++;
			prior?.note(key, local ? 'deleted' : 'unchanged');
			st.tombs.set(key, erasure);
			return;
		}
		const res = mergeRecord(local, r, { table, ...(st.seen ? { seen: st.seen } : {}) });
		const outcome = !local ? 'new' : res.changed ? 'updated' : 'unchanged';
		s[outcome]++;
		if (prior) {
			prior.note(key, outcome, res.conflicts);
			if (res.changed && res.record) prior.records.set(key, res.record);
		}
		s.conflicts += res.conflicts.length;
		st.conflictCount += res.conflicts.length;
		for (const c of res.conflicts) if (st.conflicts.length < MAX_LISTED) st.conflicts.push(c);
	});
}

/**
 * The records the file's tombstones delete here: those they name, and (as the apply does) the
 * records stored here of the customers they erase. Each is counted once, however many tombstones
 * of the file name it.
 */
async function previewTombstones(
	ctx: SnapshotContext,
	tombs: Tombstone[],
	st: PreviewState
): Promise<void> {
	const named = tombs.filter((t) => KNOWN_TABLES.has(t.table));
	const known = [...named, ...(await partsOfErased(ctx.db, named))];
	const [locals, localTombs] = await Promise.all([
		Promise.all(known.map((t) => ctx.db.table(t.table).get(t.id) as Promise<unknown>)),
		ctx.db.tombstones.bulkGet(known.map((t) => [t.table, t.id]))
	]);
	known.forEach((t, i) => {
		const key = recordKey(t.table, t.id);
		const here = locals[i] !== undefined || st.prior?.records.has(key) === true;
		if (here && !localTombs[i] && !st.tombs.has(key)) {
			st.of(t.table).deleted++;
			st.prior?.note(key, 'deleted');
		}
		st.tombs.set(key, t);
	});
	for (const t of tombs) st.tombs.set(recordKey(t.table, t.id), t);
}

/** One page of lines: restored, staged, and merged against the local data for the preview. */
async function previewPage(
	ctx: SnapshotContext,
	importId: string,
	seq: number,
	page: StagedEntry[],
	st: PreviewState
): Promise<void> {
	// Staged while the page is merged: the write and the reads are separate requests.
	const staged = ctx.db.importBatches.put({
		importId,
		seq,
		kind: 'stage',
		table: '',
		records: page
	});
	staged.catch(() => undefined); // awaited below, after the merge
	const tombs: Tombstone[] = [];
	const byTable = new Map<string, SyncRecord[]>();
	for (const e of page) {
		if (e.t === '_tomb') tombs.push(e.r as Tombstone);
		else if (e.t !== SETTING) {
			const list = byTable.get(e.t);
			if (list) list.push(e.r as SyncRecord);
			else byTable.set(e.t, [e.r as SyncRecord]);
		}
	}
	if (tombs.length > 0) await previewTombstones(ctx, tombs, st);
	for (const [table, records] of byTable) await previewRecords(ctx, table, records, st);
	await staged;
}

export interface PreviewOptions {
	fileName: string;
	/**
	 * For Restore: stage a backup's settings too, and read the file even if it was imported
	 * before (an import merged only its records; Restore also applies identity and settings).
	 */
	restore?: boolean;
	/** The importer's clock (ms); Date.now() by default. */
	now?: number;
	/** Free storage in bytes (null: unknown); the browser's estimate unless a test gives one. */
	freeBytes?: number | null;
	/** Told the entries read, and may stop the read: the staging is then dropped. */
	watch?: ReadWatch;
	/** In a batch: the data as the earlier files leave it, and the counts across files. */
	prior?: PriorFiles;
}

/** Reads an opened (and, if encrypted, unlocked) snapshot into a staged import and its preview. */
export async function previewSnapshotWith(
	ctx: SnapshotContext,
	reader: SnapshotReader,
	opts: PreviewOptions
): Promise<SnapshotPreview> {
	const { header } = reader;
	const st = new PreviewState(opts.now ?? Date.now(), await seenFrom(ctx, header), opts.prior);
	const base = {
		fileName: opts.fileName,
		header,
		stats: st.stats,
		conflicts: st.conflicts,
		unknownTables: [] as string[],
		aheadClocks: [] as AheadClock[]
	};
	if (!opts.restore && (await wasImported(ctx, header.checksum.hex))) {
		await reader.close();
		return {
			...base,
			importId: '',
			alreadyImported: true,
			conflictCount: 0,
			invalid: 0,
			settings: 0,
			staged: 0,
			farAhead: 0,
			missing: []
		};
	}
	try {
		checkRoom(header, opts.freeBytes !== undefined ? opts.freeBytes : await freeStorageBytes());
	} catch (e) {
		await reader.close();
		throw e;
	}
	// Settings travel only in backups, and only Restore takes them: an ordinary import of a
	// backup never hands over the sender's settings.
	const keepSettings = opts.restore === true && header.scope.kind === 'backup';
	let settings = 0;
	let staged = 0;
	const importId = newId();
	const detail: SnapshotImportDetail = {
		kind: SNAPSHOT_KIND,
		fileName: opts.fileName,
		checksum: header.checksum.hex,
		from: header.exportedBy,
		exportedAt: header.exportedAt,
		scope: header.scope,
		...(header.changes ? { changes: header.changes } : {})
	};
	const release = await holdLock(importLockName(importId));
	pendingLocks.set(importId, release);
	try {
		await ctx.db.imports.add({
			id: importId,
			at: Date.now(),
			state: 'pending',
			detail: { ...detail }
		});
		let page: StagedEntry[] = [];
		let seq = 0;
		const entries = opts.watch ? watched(reader.entries(), opts.watch) : reader.entries();
		for await (const entry of entries) {
			const read = readEntry(entry, header);
			if (read.kind === 'invalid') {
				st.invalid++;
				continue;
			}
			if (read.kind === 'setting') {
				if (!keepSettings) continue;
				settings++;
				page.push({ t: SETTING, r: read.setting });
			} else if (read.kind === 'tombstone') {
				st.clocks.tombstone(read.tombstone);
				page.push({ t: '_tomb', r: read.tombstone });
			} else {
				st.clocks.record(read.record);
				if (read.table === 'members') {
					const name = (read.record as SyncRecord & { name?: unknown }).name;
					if (typeof name === 'string') st.names.set(read.record.id, name);
				}
				page.push({ t: read.table, r: read.record });
			}
			staged++;
			if (page.length >= PAGE_SIZE) {
				// Each page awaits IndexedDB, which lets the browser paint and take input in between.
				await previewPage(ctx, importId, seq++, page, st);
				page = [];
			}
		}
		if (page.length > 0) await previewPage(ctx, importId, seq++, page, st);
	} catch (e) {
		// Removing the staging must not hide why the file was refused. If that fails too (the disk
		// is full), the next start removes it.
		await cancelSnapshotImportWith(ctx, importId).catch(() => undefined);
		throw e;
	}
	const locals = await ctx.db.members.toArray();
	for (const m of locals) if (!st.names.has(m.id)) st.names.set(m.id, m.name);
	const nameOf = (id: string) =>
		st.names.get(id) || (id === header.exportedBy.memberId ? header.exportedBy.memberName : id);
	return {
		...base,
		importId,
		alreadyImported: false,
		conflictCount: st.conflictCount,
		invalid: st.invalid,
		settings,
		staged,
		unknownTables: [...st.unknown],
		aheadClocks: st.clocks.ahead(nameOf),
		farAhead: st.clocks.farAhead,
		missing: await missingAfter(ctx, header, importId)
	};
}

/** The runs of the sender's changes missing here once the file is applied. */
async function missingAfter(
	ctx: SnapshotContext,
	header: SnapshotHeader,
	importId: string
): Promise<MissingRun[]> {
	const device = header.exportedBy.deviceId;
	if (!header.changes || device === ctx.session.deviceId) return [];
	return missingWith(ctx, device, receivedFile(importId, header.changes, header.exportedAt, ''));
}

/** Locks held by staged imports of this tab, released on apply or cancel. */
export const pendingLocks = new Map<string, () => void>();

/** Drops a staged import (the user cancelled after the preview, or the file failed a check). */
export async function cancelSnapshotImportWith(
	ctx: SnapshotContext,
	importId: string
): Promise<void> {
	const d = ctx.db;
	await d.transaction('rw', [d.imports, d.importBatches], async () => {
		const entry = await d.imports.get(importId);
		if (entry && entry.state !== 'pending') return;
		await d.importBatches.where('importId').equals(importId).delete();
		await d.imports.delete(importId);
	});
	pendingLocks.get(importId)?.();
	pendingLocks.delete(importId);
}

export async function previewSnapshot(
	reader: SnapshotReader,
	opts: PreviewOptions
): Promise<SnapshotPreview> {
	return previewSnapshotWith(await appContext(), reader, opts);
}

export async function cancelSnapshotImport(importId: string): Promise<void> {
	return cancelSnapshotImportWith(await appContext(), importId);
}

import { noStats } from '$lib/sync/file-batch';
import type { TableStats } from '$lib/sync/merge';
import { missingOf, type MissingRun, type ReceivedFile } from '$lib/sync/received-files';
import { readReceived, receivedFile } from './exchange-received';
import type { OpenedFile, RefusedFile } from './snapshot-batch-open';
import { BatchStage } from './snapshot-batch-stage';
import { appContext, type SnapshotContext } from './snapshot-context';
import { snapshotErrorCode } from './snapshot-open';
import {
	cancelSnapshotImportWith,
	previewSnapshotWith,
	type SnapshotPreview
} from './snapshot-preview';
import type { ReadWatch } from './snapshot-source';

/**
 * Many files at once, step 1: each readable file is read and staged as a single file is
 * (snapshot-preview.ts), in the order they apply in, and the previews are summed per teammate. A
 * file that fails while its body is read (cut short, damaged, no room) is set aside with its
 * reason and the others go on. Cancel (the watch's signal) drops every staging made so far:
 * nothing is left half-done. Each file is counted against the data as the files before it leave
 * it, as they apply (snapshot-batch-stage.ts), so each teammate's counts name each record once;
 * the runs of changes still missing are those missing once all the batch's files are held.
 */
export interface SenderSummary {
	deviceId: string;
	memberId: string;
	name: string;
	files: number;
	/** All tables together. */
	stats: TableStats;
	missing: MissingRun[];
}

export interface BatchPreview {
	/** The staged files, in the order they apply in. */
	files: { name: string; preview: SnapshotPreview }[];
	refused: RefusedFile[];
	senders: SenderSummary[];
	/** Records stamped more than a day ahead: skipped by the apply. */
	farAhead: number;
}

/** How many lines the files' headers say they hold: the progress bar's whole. */
export function batchLines(files: readonly OpenedFile[]): number {
	let n = 0;
	for (const f of files) for (const c of Object.values(f.reader.header.counts)) n += c;
	return n;
}

export async function previewBatchWith(
	ctx: SnapshotContext,
	toRead: readonly OpenedFile[],
	refusedBefore: readonly RefusedFile[],
	opts: { watch?: ReadWatch; now?: number; freeBytes?: number | null } = {}
): Promise<BatchPreview> {
	const files: BatchPreview['files'] = [];
	const refused = [...refusedBefore];
	const stage = new BatchStage();
	let offset = 0;
	try {
		for (const f of toRead) {
			const watch: ReadWatch | undefined = opts.watch && {
				...(opts.watch.signal ? { signal: opts.watch.signal } : {}),
				onRead: (n) => opts.watch?.onRead?.(offset + n)
			};
			const layer = stage.open(f.reader.header.exportedBy.deviceId);
			try {
				const preview = await previewSnapshotWith(ctx, f.reader, {
					fileName: f.name,
					prior: layer,
					...(watch ? { watch } : {}),
					...(opts.now !== undefined ? { now: opts.now } : {}),
					...(opts.freeBytes !== undefined ? { freeBytes: opts.freeBytes } : {})
				});
				if (preview.importId) {
					files.push({ name: f.name, preview });
					stage.commit(layer);
				} else refused.push({ name: f.name, code: 'batch_already_imported' });
			} catch (e) {
				if (opts.watch?.signal?.aborted) throw e;
				console.error(e);
				refused.push({ name: f.name, code: snapshotErrorCode(e) });
			}
			offset += batchLines([f]);
		}
	} catch (e) {
		await cancelBatchWith(
			ctx,
			files.map((f) => f.preview.importId)
		);
		for (const f of toRead) await f.reader.close().catch(() => undefined);
		throw e;
	}
	return {
		files,
		refused,
		senders: await summaries(ctx, files, stage),
		farAhead: files.reduce((n, f) => n + f.preview.farAhead, 0)
	};
}

async function summaries(
	ctx: SnapshotContext,
	files: BatchPreview['files'],
	stage: BatchStage
): Promise<SenderSummary[]> {
	const by = new Map<string, SenderSummary & { received: ReceivedFile[] }>();
	for (const { preview: p } of files) {
		const from = p.header.exportedBy;
		let s = by.get(from.deviceId);
		if (!s) {
			s = {
				deviceId: from.deviceId,
				memberId: from.memberId,
				name: from.memberName || from.memberId,
				files: 0,
				stats: noStats(),
				missing: [],
				received: []
			};
			by.set(from.deviceId, s);
		}
		s.files++;
		s.stats = stage.statsOf(from.deviceId);
		if (p.header.changes)
			s.received.push(receivedFile(p.importId, p.header.changes, p.header.exportedAt, ''));
	}
	const out: SenderSummary[] = [];
	for (const { received, ...s } of by.values()) {
		if (received.length > 0) {
			const held = (await readReceived(ctx.db, s.deviceId))?.files ?? [];
			s.missing = missingOf([...held, ...received]);
		}
		// Named as the members table names them now, as the list of missing changes does.
		const member = await ctx.db.members.get(s.memberId);
		if (member?.name) s.name = member.name;
		out.push(s);
	}
	return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Drops the staged files of a batch (Cancel after the preview, or a read stopped halfway). */
export async function cancelBatchWith(
	ctx: SnapshotContext,
	importIds: readonly string[]
): Promise<void> {
	for (const id of importIds) await cancelSnapshotImportWith(ctx, id).catch(() => undefined);
}

export async function previewBatch(
	toRead: readonly OpenedFile[],
	refused: readonly RefusedFile[],
	opts: { watch?: ReadWatch } = {}
): Promise<BatchPreview> {
	return previewBatchWith(await appContext(), toRead, refused, opts);
}

export async function cancelBatch(importIds: readonly string[]): Promise<void> {
	return cancelBatchWith(await appContext(), importIds);
}

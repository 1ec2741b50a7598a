import type { ByteSource } from '$lib/io/snapshot/bytes';
import type { DecodeOptions, SnapshotReader } from '$lib/io/snapshot/decode';
import { planBatch, type BatchFile, type BatchRefusal } from '$lib/sync/file-batch';
import { appContext, type SnapshotContext } from './snapshot-context';
import { openSnapshotFile, snapshotErrorCode, type SnapshotFailureCode } from './snapshot-open';

/**
 * Many files at once, step 0: open each (its header only: who, when, which changes, encrypted or
 * not), set aside those that cannot be read or must not apply (sync/file-batch.ts), and put the
 * rest in the order they apply in. Nothing is staged yet; the encrypted ones are then unlocked
 * one by one as a single file is, before the preview reads every body.
 */
export type BatchCode = SnapshotFailureCode | BatchRefusal | 'batch_already_imported';

/** A file chosen but not applied, and why; a repeat names the file applied in its place. */
export interface RefusedFile {
	name: string;
	code: BatchCode;
	of?: string;
}

export interface OpenedFile {
	name: string;
	reader: SnapshotReader;
}

export interface OpenedBatch {
	/** In the order they apply in. */
	toRead: OpenedFile[];
	refused: RefusedFile[];
}

export async function openBatchWith(
	ctx: SnapshotContext,
	files: readonly { name: string; size: number; source: ByteSource }[],
	opts: DecodeOptions = {}
): Promise<OpenedBatch> {
	const refused: RefusedFile[] = [];
	const opened: (OpenedFile | null)[] = [];
	for (const f of files) {
		try {
			opened.push({ name: f.name, reader: await openSnapshotFile(f.source, opts) });
		} catch (e) {
			opened.push(null);
			refused.push({ name: f.name, code: snapshotErrorCode(e) });
		}
	}
	const heads: BatchFile[] = [];
	opened.forEach((o, ref) => {
		if (!o) return;
		const h = o.reader.header;
		heads.push({
			ref,
			checksum: h.checksum.hex,
			size: files[ref]!.size,
			deviceId: h.exportedBy.deviceId,
			exportedAt: h.exportedAt,
			...(h.changes ? { changes: h.changes } : {})
		});
	});
	const plan = planBatch(heads, {
		deviceId: ctx.session.deviceId,
		memberId: ctx.session.member.id
	});
	for (const r of plan.refused) {
		const o = opened[r.ref]!;
		await o.reader.close();
		refused.push({
			name: o.name,
			code: r.code,
			...(r.of !== undefined ? { of: opened[r.of]!.name } : {})
		});
	}
	return { toRead: plan.order.map((ref) => opened[ref]!), refused };
}

export async function openBatch(
	files: readonly { name: string; size: number; source: ByteSource }[]
): Promise<OpenedBatch> {
	return openBatchWith(await appContext(), files);
}

import type { TableStats } from './merge';

/**
 * Many files merged at once (the operations center's weekly batch): which of them apply, in what
 * order, and which are set aside, read from their headers alone, before any body is read.
 *
 * - Files with the same body checksum are copies of one file: it merges once (merging is
 *   idempotent, so once is all a second copy could do). The longest copy is the one read; a
 *   shorter one is a copy cut short (an interrupted download), an equal one a repeat.
 * - A file of changes made for one member (its exchange key `member:<id>/…`) that is not this
 *   device's member is someone else's: it may carry that member's private records.
 * - A file this device wrote is its own data coming back: nothing to merge.
 * - The rest apply sender by sender, each sender's files in the order of its change counter (a
 *   full file first, then the deltas after it), so that each file's merge knows what the files
 *   before it brought of the same sender (the merge's `seen` point) and the conflicts listed are
 *   those of real concurrent edits, as if the files had been applied one by one in that order.
 *   The order depends on the files only, never on the order they were chosen in.
 */
export interface BatchFile {
	/** The caller's handle for the file (its place in the list chosen). */
	ref: number;
	/** The body checksum from the header. */
	checksum: string;
	/** The file's length in bytes. */
	size: number;
	/** The device that wrote the file. */
	deviceId: string;
	exportedAt: number;
	/** The header's range of the sender's changes; absent: the file does not say. */
	changes?: { key: string; after: number; upTo: number; full: boolean };
}

export type BatchRefusal =
	'batch_repeat' | 'batch_cut_copy' | 'batch_wrong_recipient' | 'batch_own_file';

export interface BatchPlan {
	/** The files to apply, in the order to apply them. */
	order: number[];
	/** The files set aside, in the order chosen; a copy names the file applied in its place. */
	refused: { ref: number; code: BatchRefusal; of?: number }[];
}

/** The member a file of changes is for, when it is for one member (`member:<id>/…`); else null. */
export function fileRecipient(key: string | undefined): string | null {
	if (!key?.startsWith('member:')) return null;
	const slash = key.indexOf('/');
	return key.slice('member:'.length, slash < 0 ? undefined : slash);
}

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order files apply in: by sender, exchange, range of changes, time written, content. */
export function applyOrder(a: BatchFile, b: BatchFile): number {
	return (
		cmp(a.deviceId, b.deviceId) ||
		cmp(a.changes?.key ?? '', b.changes?.key ?? '') ||
		cmp(a.changes?.after ?? 0, b.changes?.after ?? 0) ||
		cmp(a.changes?.upTo ?? 0, b.changes?.upTo ?? 0) ||
		cmp(a.exportedAt, b.exportedAt) ||
		cmp(a.checksum, b.checksum) ||
		cmp(a.ref, b.ref)
	);
}

export function planBatch(
	files: readonly BatchFile[],
	me: { deviceId: string; memberId: string }
): BatchPlan {
	const refused = new Map<number, BatchPlan['refused'][number]>();
	const copies = new Map<string, BatchFile[]>();
	for (const f of files) {
		const to = fileRecipient(f.changes?.key);
		if (f.deviceId === me.deviceId) refused.set(f.ref, { ref: f.ref, code: 'batch_own_file' });
		else if (to !== null && to !== me.memberId)
			refused.set(f.ref, { ref: f.ref, code: 'batch_wrong_recipient' });
		else copies.set(f.checksum, [...(copies.get(f.checksum) ?? []), f]);
	}
	const kept: BatchFile[] = [];
	for (const same of copies.values()) {
		// The longest copy, the first chosen of equal ones.
		const first = same.reduce((a, b) =>
			b.size > a.size || (b.size === a.size && b.ref < a.ref) ? b : a
		);
		kept.push(first);
		for (const f of same)
			if (f !== first)
				refused.set(f.ref, {
					ref: f.ref,
					code: f.size < first.size ? 'batch_cut_copy' : 'batch_repeat',
					of: first.ref
				});
	}
	return {
		order: kept.sort(applyOrder).map((f) => f.ref),
		refused: files.map((f) => refused.get(f.ref)).filter((r) => r !== undefined)
	};
}

/** Per sender: the sums of the per-table preview counts of their files. */
export function addStats(into: TableStats, s: TableStats): TableStats {
	into.new += s.new;
	into.updated += s.updated;
	into.unchanged += s.unchanged;
	into.deleted += s.deleted;
	into.conflicts += s.conflicts;
	return into;
}

export const noStats = (): TableStats => ({
	new: 0,
	updated: 0,
	unchanged: 0,
	deleted: 0,
	conflicts: 0
});

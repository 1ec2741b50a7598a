import { coverAll, gaps, highest, NO_COVERAGE, type Coverage } from './change-ranges';

/**
 * What a receiver holds of one sender device's changes: the files of it applied here (not undone),
 * each with the exchange it belongs to and the run of the sender's change numbers it carried
 * (docs/SNAPSHOT.md, "Files of changes"). From them, per exchange, the coverage, the missing runs
 * with the dates they were made between, and the point up to which every write of the sender's
 * own device has arrived (the merge's `seen`).
 *
 * Kept as the list of files rather than their union, so that undoing one import takes back
 * exactly its run, and a batch of files is just more entries.
 */
export interface ReceivedFile {
	/** The import that applied it: undoing the import removes the file. */
	importId: string;
	/** The exchange (header `changes.key`). */
	key: string;
	after: number;
	upTo: number;
	full: boolean;
	/** The file's `exportedAt`. */
	at: number;
	/** The header's `afterAt`: when the sender wrote the file that ended at `after`. */
	afterAt?: number;
	/**
	 * The greatest stamp of the sender's own device among the records and tombstones this file
	 * merged ('' when none).
	 */
	seen: string;
}

/** The runs of the sender's changes held for one exchange. */
export function coverageOf(files: readonly ReceivedFile[], key: string): Coverage {
	return coverAll(
		NO_COVERAGE,
		files.filter((f) => f.key === key).map((f) => ({ after: f.full ? 0 : f.after, upTo: f.upTo }))
	);
}

export function keysOf(files: readonly ReceivedFile[]): string[] {
	return [...new Set(files.map((f) => f.key))].sort();
}

/**
 * Changes of one exchange that are missing: those numbered after `after` up to `upTo`, made
 * after `from` (the time the file ending at `after` was written; null: from the sender's first
 * change) and by `to` (when the missing file was written, as the next file says, or that file's
 * own time).
 */
export interface MissingRun {
	key: string;
	after: number;
	upTo: number;
	from: number | null;
	to: number;
}

export function missingOf(files: readonly ReceivedFile[]): MissingRun[] {
	const out: MissingRun[] = [];
	for (const key of keysOf(files)) {
		const mine = files.filter((f) => f.key === key);
		const held = coverageOf(mine, key);
		const holes = gaps(held);
		// A file that carries nothing (nothing changed since the one before it) still says the
		// sender's changes reached its `after`: the changes before it are missing when not held.
		const top = highest(held);
		const reached = Math.max(top, ...mine.map((f) => f.after));
		if (reached > top) holes.push({ after: top, upTo: reached });
		for (const g of holes) {
			// Files that repeat the same run end there too: the changes after came after the last.
			const before = mine.filter((f) => f.upTo === g.after).map((f) => f.at);
			const next = mine.filter((f) => !f.full && f.after === g.upTo);
			out.push({
				key,
				after: g.after,
				upTo: g.upTo,
				from: before.length > 0 ? Math.max(...before) : null,
				to: Math.min(...next.map((f) => f.afterAt ?? f.at))
			});
		}
	}
	return out;
}

/**
 * The point up to which every write of the sender's own device in an exchange's scope has arrived
 * here: the greatest `seen` of the files that lie in the exchange's first unbroken run from 0. A
 * device's writes take its stamps in order, so each of its writes stamped at or before that point
 * was stored with a number in the run, and so arrived here if it was in the scope then (or was
 * written again since, and arrives later with its new number). A file after a hole says nothing:
 * the hole may hold earlier writes. Another exchange's scope says nothing either.
 */
export function seenPoint(files: readonly ReceivedFile[], key: string): string {
	const first = coverageOf(files, key)[0];
	if (!first || first.after !== 0) return '';
	let point = '';
	for (const f of files)
		if (f.key === key && f.upTo <= first.upTo && f.seen > point) point = f.seen;
	return point;
}

export function withoutImport(files: readonly ReceivedFile[], importId: string): ReceivedFile[] {
	return files.filter((f) => f.importId !== importId);
}

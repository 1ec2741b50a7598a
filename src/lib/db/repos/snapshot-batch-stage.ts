import { conflictKey, type Conflict } from '$lib/sync/conflict';
import { noStats } from '$lib/sync/file-batch';
import type { SyncRecord, TableStats } from '$lib/sync/merge';
import type { Tombstone } from '$lib/sync/tombstone';

/**
 * The batch preview's staging in file order: each file is counted against the data as the files
 * before it leave it (the apply applies them in that order), not against the data as it is now.
 * So a customer one file creates and a later one edits is merged, the second time, with the
 * first file's version, and counted once per teammate: one new record, not a new one twice or a
 * new one and an update.
 */
export type Outcome = 'new' | 'updated' | 'unchanged' | 'deleted';

/** Records by recordKey. */
export interface RecordView {
	get(key: string): SyncRecord | undefined;
	has(key: string): boolean;
	set(key: string, r: SyncRecord): void;
}

/** What the preview of one file of a batch reads and adds (snapshot-preview.ts). */
export interface PriorFiles {
	/** Tombstones of the earlier files, by recordKey; the file's own are added. */
	readonly tombs: Map<string, Tombstone>;
	/** Records as the earlier files leave them; the file's merges are added. */
	readonly records: RecordView;
	/** One record's outcome in this file, and the conflicts its merge lists. */
	note(key: string, outcome: Outcome, conflicts?: readonly Conflict[]): void;
}

/** A record's outcome over several files of one teammate: what the batch does to it in the end. */
export function combine(before: Outcome | undefined, now: Outcome): Outcome {
	if (before === undefined || before === now) return now;
	if (before === 'deleted') return 'deleted';
	if (before === 'new') return now === 'deleted' ? 'unchanged' : 'new';
	if (before === 'updated') return now === 'deleted' ? 'deleted' : 'updated';
	return now; // unchanged before: what happens now
}

class Counts {
	readonly outcomes = new Map<string, Outcome>();
	readonly conflicts = new Set<string>();

	note(key: string, outcome: Outcome): void {
		this.outcomes.set(key, combine(this.outcomes.get(key), outcome));
	}

	stats(): TableStats {
		const s = noStats();
		for (const o of this.outcomes.values()) s[o]++;
		s.conflicts = this.conflicts.size;
		return s;
	}
}

/**
 * One file's reading: kept apart until the file is read whole, so that a file set aside halfway
 * (cut short, damaged) leaves the batch's staging as the earlier files left it.
 */
export class FileLayer implements PriorFiles {
	readonly tombs: Map<string, Tombstone>;
	readonly own = new Map<string, SyncRecord>();
	readonly counts = new Counts();
	readonly records: RecordView;

	constructor(
		readonly deviceId: string,
		base: BatchStage
	) {
		this.tombs = new Map(base.tombs);
		const own = this.own;
		this.records = {
			get: (key) => own.get(key) ?? base.records.get(key),
			has: (key) => own.has(key) || base.records.has(key),
			set: (key, r) => void own.set(key, r)
		};
	}

	note(key: string, outcome: Outcome, conflicts: readonly Conflict[] = []): void {
		this.counts.note(key, outcome);
		for (const c of conflicts) this.counts.conflicts.add(conflictKey(c));
	}
}

export class BatchStage {
	tombs = new Map<string, Tombstone>();
	readonly records = new Map<string, SyncRecord>();
	readonly #senders = new Map<string, Counts>();

	/** A file of the sender's device about to be read. */
	open(deviceId: string): FileLayer {
		return new FileLayer(deviceId, this);
	}

	/** The file was read whole: the later files read what it leaves. */
	commit(f: FileLayer): void {
		for (const [k, r] of f.own) this.records.set(k, r);
		this.tombs = f.tombs;
		let c = this.#senders.get(f.deviceId);
		if (!c) this.#senders.set(f.deviceId, (c = new Counts()));
		for (const [k, o] of f.counts.outcomes) c.note(k, o);
		for (const k of f.counts.conflicts) c.conflicts.add(k);
	}

	/** All tables together, each record once. */
	statsOf(deviceId: string): TableStats {
		return this.#senders.get(deviceId)?.stats() ?? noStats();
	}
}

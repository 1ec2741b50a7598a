import { sameValue } from './edit';
import type { Stamp, SyncMeta, Synced } from './stamp';

/**
 * What Undo of an import (a CSV file or a snapshot) may take back, decided from stamps alone.
 * One rule for both, so that an undo never destroys work done after the import:
 * - a field the import wrote goes back to its earlier value only while its stamp is still the
 *   import's; written since (here, or by a teammate whose file was merged), it is left alone;
 * - a record the import created is removed only while nothing was written to it since and no
 *   record that stays refers to it; otherwise it is kept, and so are its parts (a customer's
 *   contact people, log, tasks …) that the import created with it.
 * Undo never writes or removes a tombstone: an erasure stays erased through every undo.
 */

/** The stamp of one field: its own, or the record's created stamp. */
export function stampOf(meta: SyncMeta, field: string): Stamp {
	return meta.fields?.[field] ?? meta.created;
}

/** A record the import created. */
export interface CreatedByImport {
	table: string;
	id: string;
	/** `_meta.updated` as the import left it; null when not recorded (imports of older versions). */
	updated: string | null;
}

/** A record the import changed. */
export interface ChangedByImport {
	table: string;
	id: string;
	/** The record before the import. */
	before: object;
	/** Per field the import changed, the hlc it wrote; null when not recorded (older versions). */
	written: Record<string, string> | null;
}

/** Why Undo leaves a record as it is now. */
export type KeptReason =
	/** Created by the import and edited since. */
	| 'edited'
	/** Created by the import, and a record that stays refers to it (an interaction, a deal …). */
	| 'linked'
	/** Created by the import as a part of a record that is kept (its contact person, its log). */
	| 'with_parent'
	/** Changed by the import, and some of those fields were written again since. */
	| 'changed'
	/** Changed by an import that did not record its stamps: later edits cannot be told apart. */
	| 'unknown';

/** A reference from one record to another, by `recordKey`. */
export interface Link {
	from: string;
	to: string;
	/** `from` is a part of `to` (a contact of a customer), not merely a reference (an owner). */
	part: boolean;
}

/**
 * One entry per record, in first-change order: an import may change a record more than once (two
 * rows of a file matching it). The values are those before its first change; the stamps those of
 * its last write of each field.
 */
export function combineChanges(list: Iterable<ChangedByImport>): ChangedByImport[] {
	const byKey = new Map<string, ChangedByImport>();
	for (const c of list) {
		const key = `${c.table}/${c.id}`;
		const seen = byKey.get(key);
		if (!seen) byKey.set(key, { ...c, written: c.written && { ...c.written } });
		else if (seen.written && c.written) Object.assign(seen.written, c.written);
		else seen.written = null;
	}
	return [...byKey.values()];
}

/**
 * Whether a created record was written since the import. `written` is the `_meta.updated` the
 * import left; a record written once has a single created stamp, so for an import that did not
 * record it, the created stamp is what the import wrote.
 */
export function editedSince(current: SyncMeta, written: string | null): boolean {
	return current.updated !== (written ?? current.created.hlc);
}

/** The greatest hlc (they compare as strings), or null for none. */
export function latestHlc(hlcs: Iterable<string | null>): string | null {
	let max: string | null = null;
	for (const h of hlcs) if (h !== null && (max === null || h > max)) max = h;
	return max;
}

/**
 * Which created records are kept, and why; those not in the result are removed. `edited` holds
 * the keys of the created records written since. A record stays when it was edited, when a record
 * that stays refers to it, or when it is a part of a record that stays.
 */
export function keptCreated(
	created: ReadonlySet<string>,
	edited: ReadonlySet<string>,
	links: readonly Link[]
): Map<string, KeptReason> {
	const kept = new Map<string, KeptReason>();
	const outgoing = new Map<string, Link[]>();
	const parts = new Map<string, Link[]>();
	const add = (m: Map<string, Link[]>, k: string, l: Link) => {
		const list = m.get(k);
		if (list) list.push(l);
		else m.set(k, [l]);
	};
	for (const l of links) {
		add(outgoing, l.from, l);
		if (l.part) add(parts, l.to, l);
	}
	const work: string[] = [];
	const keep = (key: string, reason: KeptReason) => {
		if (!created.has(key) || kept.has(key)) return;
		kept.set(key, reason);
		work.push(key);
	};
	for (const key of edited) keep(key, 'edited');
	for (const l of links) if (!created.has(l.from)) keep(l.to, 'linked');
	for (let key = work.pop(); key !== undefined; key = work.pop()) {
		for (const l of outgoing.get(key) ?? []) keep(l.to, 'linked');
		for (const l of parts.get(key) ?? []) keep(l.from, 'with_parent');
	}
	return kept;
}

/** Fields that are never restored: bookkeeping, and what is derived from other data. */
const NOT_DATA = new Set(['id', '_meta']);

/**
 * What Undo does to a record the import changed: the fields whose stamp is still the import's
 * get their earlier values back (`patch`); the fields written since keep theirs (`since`).
 * Without recorded stamps every field that differs from before counts as written since.
 */
export function restoreOf(
	current: Synced & Record<string, unknown>,
	change: ChangedByImport,
	derived: readonly string[]
): { patch: Record<string, unknown>; since: string[]; reason: KeptReason | null } {
	const patch: Record<string, unknown> = {};
	const since: string[] = [];
	const { written } = change;
	const before = change.before as Record<string, unknown>;
	if (written === null) {
		for (const f of new Set([...Object.keys(before), ...Object.keys(current)]))
			if (!NOT_DATA.has(f) && !derived.includes(f) && !sameValue(current[f], before[f]))
				since.push(f);
		return { patch, since, reason: since.length > 0 ? 'unknown' : null };
	}
	for (const [f, hlc] of Object.entries(written)) {
		if (derived.includes(f)) continue;
		if (stampOf(current._meta, f).hlc !== hlc) since.push(f);
		else if (Object.hasOwn(before, f)) patch[f] = before[f];
	}
	return { patch, since, reason: since.length > 0 ? 'changed' : null };
}

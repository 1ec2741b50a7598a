import { CHANGE_FIELD } from './change-number';
import type { Conflict } from './conflict';
import { decodeHlc } from './hlc';
import type { Stamp, SyncMeta, Synced } from './stamp';
import { derivedFields } from './tables';
import { mergeTombstone, recordKey, type Tombstone } from './tombstone';

/**
 * Per-field last-writer-wins merge over SyncMeta.
 *
 * Every field carries a stamp (`_meta.fields[f] ?? _meta.created`). For each field the version
 * with the greater key wins, where the key is, in order:
 *   1. real before masked: a value masked on export (*******8000) never overwrites a real value,
 *      whatever its stamp; between two masked or two real values:
 *   2. the later hlc (the encoded hlc ends with the device id, so two different writes never tie);
 *   3. `by`, then a canonical JSON of the value: only reached for a damaged file that reuses a
 *      stamp for two different values, so that the choice is still total.
 * Taking the maximum of a total order per field is commutative, associative and idempotent, so
 * any set of snapshot files merged in any order, any number of times, gives the same state.
 * A tombstone wins over every edit (see tombstone.ts).
 */

/**
 * Fields that every record has and that are not data: the stored record's local change number
 * (change-number.ts: this device's, never compared nor carried into the result, which the database
 * numbers again when it writes it), and `__proto__`, which a plain assignment would turn into a
 * prototype change (restore() drops it from files; this is the second fence).
 */
const RESERVED = new Set(['id', '_meta', '_extra', '_masked', CHANGE_FIELD, '__proto__']);

/**
 * What a stored record may carry besides its domain fields.
 * - `_extra`: fields unknown to this app version (written by a newer one). Kept, merged with
 *   their stamps like any field, and moved back to the top level by `restore` once the app knows
 *   them. Never dropped.
 * - `_masked`: field → hlc of the write whose value arrived masked. The mark is tied to that
 *   stamp, so any later real write of the field (new stamp) clears it without anyone having to
 *   remember to.
 */
export interface SyncExtras {
	_extra?: Record<string, unknown>;
	_masked?: Record<string, string>;
}
export type SyncRecord = Synced & SyncExtras;

/**
 * Per-table merge policy. Derived fields (the registry of synced tables, tables.ts, names them)
 * are never merged and carry no stamps: the local value is carried over and recomputed after the
 * merge (the `derive` hook for what depends on the record alone; the db layer recomputes
 * lastContactAt from interactions).
 */
export interface TablePolicy {
	derived: readonly string[];
}

/** Policy of a table; a table unknown to this version (newer app) has no derived fields. */
export function policyOf(table: string): TablePolicy {
	return { derived: derivedFields(table) };
}

/**
 * A record of `table` without its derived fields (nor their stamps, if an older version wrote
 * any), for what leaves the database: snapshots, a person's data. The same object when it has
 * none.
 */
export function withoutDerived<R extends Record<string, unknown>>(table: string, r: R): R {
	const derived = policyOf(table).derived;
	const meta = r._meta as { fields?: Record<string, unknown> } | undefined;
	const stamped = derived.filter((d) => meta?.fields && Object.hasOwn(meta.fields, d));
	if (!derived.some((d) => Object.hasOwn(r, d)) && stamped.length === 0) return r;
	const out: Record<string, unknown> = { ...r };
	for (const d of derived) delete out[d];
	if (meta?.fields && stamped.length > 0) {
		const fields = { ...meta.fields };
		for (const d of stamped) delete fields[d];
		out._meta = { ...meta, fields };
	}
	return out as R;
}

export interface MergeOptions {
	table: string;
	/** The tombstone of this record, if either side has one (merge both with mergeTombstone). */
	tombstone?: Tombstone;
	/**
	 * The common point: an hlc such that every write stamped at or before it is known to both
	 * sides (for example the `maxHlc` of the last file this device exported to the teammate, if the
	 * teammate had merged everything before it). A differing overwrite is a conflict only when BOTH
	 * stamps are newer, i.e. both people changed the field since they last shared. '' (default)
	 * treats every cross-device overwrite of an edited value as a conflict: more to review, but
	 * nothing lost without trace.
	 */
	since?: string;
	/**
	 * The incoming record's sender, and the point up to which this device has received every
	 * write of the sender's own device (snapshot files say which of their changes they carry, see
	 * sync/received-files.ts). An incoming stamp of that device at or before the point is one that
	 * arrived here before, in an earlier file: it was merged then, and any conflict listed then, so
	 * meeting it again (a full file repeats it, and an edit here may have overwritten it knowingly
	 * since) is not a conflict. Only the incoming side is judged by it: a local value this device
	 * never sent may still be lost to a newer incoming one, and that stays listed.
	 */
	seen?: SeenPoint;
	/** Recomputes derived fields of a merged record (e.g. customer searchKeys). */
	derive?: (table: string, record: SyncRecord) => SyncRecord;
}

/** Every write of `device` stamped at or before `hlc` has arrived here. */
export interface SeenPoint {
	device: string;
	hlc: string;
}

export interface MergeResult<T extends Synced> {
	/** undefined when the record is tombstoned. */
	record: T | undefined;
	/** Fields whose value or stamp changed compared with `local` (all fields for a new record). */
	changedFields: string[];
	conflicts: Conflict[];
	/** True when the stored record must be written (a field or the record stamps changed). */
	changed: boolean;
}

type Side = {
	present: boolean;
	value: unknown;
	extra: boolean;
	stamp: Stamp;
	masked: boolean;
	/** Written by an edit after the record was created (has its own entry in `_meta.fields`). */
	edited: boolean;
	/** The incoming record's side, not the stored one's. */
	incoming: boolean;
};

const own = (o: object | undefined, k: string): boolean => !!o && Object.hasOwn(o, k);
/** An own property only: a field named like an Object.prototype member reads as absent. */
function ownValue<V>(o: Record<string, V> | undefined, k: string): V | undefined {
	return o && Object.hasOwn(o, k) ? o[k] : undefined;
}

function stampOf(meta: SyncMeta, field: string): Stamp {
	return ownValue(meta.fields, field) ?? meta.created;
}

function sideOf(rec: SyncRecord, field: string, incoming: boolean): Side {
	const bag = rec as unknown as Record<string, unknown>;
	const stamp = stampOf(rec._meta, field);
	const edited = own(rec._meta.fields, field);
	const masked = ownValue(rec._masked, field) === stamp.hlc;
	if (own(bag, field))
		return { present: true, value: bag[field], extra: false, stamp, masked, edited, incoming };
	if (rec._extra && own(rec._extra, field))
		return {
			present: true,
			value: rec._extra[field],
			extra: true,
			stamp,
			masked,
			edited,
			incoming
		};
	return { present: false, value: undefined, extra: false, stamp, masked: false, edited, incoming };
}

/** Stable JSON with sorted keys: equal data gives equal text whatever the key order. */
export function canonical(v: unknown): string {
	if (v === undefined) return '';
	if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? '';
	if (Array.isArray(v)) return `[${v.map((x) => canonical(x) || 'null').join(',')}]`;
	const o = v as Record<string, unknown>;
	const keys = Object.keys(o)
		.filter((k) => o[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** Equal content whatever the key order (absent and undefined are the same). */
export function sameContent(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	return canonical(a) === canonical(b);
}

const sameStamp = (a: Stamp, b: Stamp) => a.hlc === b.hlc && a.by === b.by;

function compareStamp(a: Stamp, b: Stamp): number {
	if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
	if (a.by !== b.by) return a.by < b.by ? -1 : 1;
	return 0;
}

/** >0 when `a` wins over `b`, 0 when they are the same version. */
function compareSides(a: Side, b: Side): number {
	if (a.masked !== b.masked) return a.masked ? -1 : 1;
	const s = compareStamp(a.stamp, b.stamp);
	if (s !== 0) return s;
	if (a.present !== b.present) return a.present ? 1 : -1;
	const ca = canonical(a.value);
	const cb = canonical(b.value);
	return ca === cb ? 0 : ca < cb ? -1 : 1;
}

/** The writing device of a stamp; '' for a damaged one (never equal to a real device). */
const deviceOf = (s: Stamp): string => decodeHlc(s.hlc)?.device ?? '';

function fieldsOf(rec: SyncRecord, derived: ReadonlySet<string>, into: Set<string>): void {
	for (const k of Object.keys(rec)) if (!RESERVED.has(k) && !derived.has(k)) into.add(k);
	for (const k of Object.keys(rec._extra ?? {}))
		if (!RESERVED.has(k) && !derived.has(k)) into.add(k);
	for (const k of Object.keys(rec._meta.fields ?? {}))
		if (!RESERVED.has(k) && !derived.has(k)) into.add(k);
}

/**
 * "Both people changed the field since they last shared", decided from what the records carry:
 * - the loser holds a real value (a masked copy holds no information: the real one is still on
 *   its author's device and meets the winner there or later) that differs from the winner's;
 * - both are edits: a value set at creation was known to everyone who later changed it, since
 *   nobody else has the record before its creator shares it;
 * - the stamps come from different devices: one device's writes are sequential, so it knew the
 *   value it overwrote;
 * - both stamps are newer than `since`, the point the caller knows both sides shared;
 * - the incoming stamp did not arrive here before (`seen`, see MergeOptions).
 * Without per-field history this over-reports a knowing overwrite of an edit made before the last
 * exchange when `since` is not given: the user dismisses it; nothing is lost without trace.
 */
function isConflict(winner: Side, loser: Side, since: string, seen?: SeenPoint): boolean {
	if (!winner.edited || !loser.edited) return false;
	const incoming = winner.incoming ? winner : loser;
	if (seen && incoming.stamp.hlc <= seen.hlc && deviceOf(incoming.stamp) === seen.device)
		return false;
	if (!loser.present || loser.masked) return false;
	if (loser.stamp.hlc <= since || winner.stamp.hlc <= since) return false;
	if (deviceOf(winner.stamp) === deviceOf(loser.stamp)) return false;
	return !sameContent(winner.value, loser.value);
}

/**
 * Merges one incoming record into the local one (undefined when this install does not have it).
 * Pure: neither input is changed. Conflicts name the field, the lost value and both stamps; the
 * user can flip one later (conflict.ts). Callers that keep a conflict list key it with
 * conflictKey(), since importing the same file twice reports a conflict the local side won again.
 */
export function mergeRecord<T extends Synced>(
	local: T | undefined,
	remote: T,
	opts: MergeOptions
): MergeResult<T> {
	if (opts.tombstone) return { record: undefined, changedFields: [], conflicts: [], changed: true };
	const r = remote as SyncRecord;
	const l = local as SyncRecord | undefined;
	const derived = new Set(policyOf(opts.table).derived);
	const names = new Set<string>();
	if (l) fieldsOf(l, derived, names);
	fieldsOf(r, derived, names);

	const created =
		l && compareStamp(l._meta.created, r._meta.created) <= 0 ? l._meta.created : r._meta.created;
	const out: Record<string, unknown> = { id: l?.id ?? r.id };
	const extra: Record<string, unknown> = {};
	const masked: Record<string, string> = {};
	const fields: Record<string, Stamp> = {};
	let updated = created.hlc;
	const changedFields: string[] = [];
	const conflicts: Conflict[] = [];
	const since = opts.since ?? '';

	for (const name of names) {
		const rs = sideOf(r, name, true);
		const ls = l ? sideOf(l, name, false) : undefined;
		const cmp = ls ? compareSides(rs, ls) : 1;
		const win = cmp > 0 || !ls ? rs : ls;
		if (ls && cmp !== 0) {
			const lose = win === rs ? ls : rs;
			if (isConflict(win, lose, since, opts.seen)) {
				conflicts.push({
					table: opts.table,
					id: out.id as string,
					field: name,
					lostValue: lose.value,
					lostStamp: lose.stamp,
					wonStamp: win.stamp
				});
			}
		}
		if (!ls || cmp > 0) changedFields.push(name);
		// A field known at the top level on either side stays there (an upgraded app knows it).
		const topLevel = (rs.present && !rs.extra) || (!!ls && ls.present && !ls.extra);
		if (win.present) {
			if (topLevel) out[name] = win.value;
			else extra[name] = win.value;
		}
		if (!sameStamp(win.stamp, created)) fields[name] = win.stamp;
		if (win.masked && win.present) masked[name] = win.stamp.hlc;
		if (win.stamp.hlc > updated) updated = win.stamp.hlc;
	}
	// Derived fields: the local value is carried over unmerged and unstamped (a stale value beats
	// none until the hook or the db layer recomputes it); a new record keeps what it came with.
	const base = (l ?? r) as unknown as Record<string, unknown>;
	for (const d of derived) if (own(base, d)) out[d] = base[d];

	const meta: SyncMeta = { created, updated };
	if (Object.keys(fields).length > 0) meta.fields = fields;
	out._meta = meta;
	if (Object.keys(extra).length > 0) out._extra = extra;
	if (Object.keys(masked).length > 0) out._masked = masked;

	let record = out as unknown as SyncRecord;
	if (opts.derive && derived.size > 0) record = opts.derive(opts.table, record);
	const changed =
		changedFields.length > 0 ||
		!l ||
		!sameStamp(created, l._meta.created) ||
		updated !== l._meta.updated;
	return { record: record as unknown as T, changedFields, conflicts, changed };
}

/** Everything one side holds: table → id → record, and tombstones by recordKey(table, id). */
export interface SyncState {
	records: Map<string, Map<string, SyncRecord>>;
	tombstones: Map<string, Tombstone>;
}

export interface TableStats {
	new: number;
	updated: number;
	unchanged: number;
	deleted: number;
	conflicts: number;
}

export interface RecordChange {
	table: string;
	id: string;
	kind: 'new' | 'updated' | 'deleted';
	changedFields: string[];
}

export interface MergeSetsResult {
	state: SyncState;
	/** Per table, for the preview shown before anything is written. */
	stats: Record<string, TableStats>;
	conflicts: Conflict[];
	changes: RecordChange[];
}

export function emptyState(): SyncState {
	return { records: new Map(), tombstones: new Map() };
}

const zeroStats = (): TableStats => ({
	new: 0,
	updated: 0,
	unchanged: 0,
	deleted: 0,
	conflicts: 0
});

/**
 * Merges a whole incoming state into a local one (neither is changed). Incoming tombstones
 * delete local records; incoming records that are tombstoned on either side are dropped (they
 * count as unchanged). The local state's own tombstoned records are purged too, so the result is
 * the same lattice join whichever side is called "local".
 */
export function mergeSets(
	local: SyncState,
	incoming: SyncState,
	opts: Omit<MergeOptions, 'table' | 'tombstone'> = {}
): MergeSetsResult {
	const stats: Record<string, TableStats> = {};
	const statsOf = (t: string) => (stats[t] ??= zeroStats());
	const conflicts: Conflict[] = [];
	const changes: RecordChange[] = [];
	const tombstones = new Map(local.tombstones);
	for (const [key, t] of incoming.tombstones)
		tombstones.set(key, mergeTombstone(tombstones.get(key), t));

	const records = new Map<string, Map<string, SyncRecord>>();
	for (const [table, rows] of local.records) {
		const copy = new Map<string, SyncRecord>();
		for (const [id, rec] of rows) {
			if (!tombstones.has(recordKey(table, id))) copy.set(id, rec);
			else if (!local.tombstones.has(recordKey(table, id))) {
				statsOf(table).deleted++;
				changes.push({ table, id, kind: 'deleted', changedFields: [] });
			}
		}
		records.set(table, copy);
	}
	for (const [table, rows] of incoming.records) {
		let target = records.get(table);
		if (!target) records.set(table, (target = new Map()));
		const s = statsOf(table);
		for (const [id, rec] of rows) {
			if (tombstones.has(recordKey(table, id))) {
				s.unchanged++;
				continue;
			}
			const before = target.get(id);
			const res = mergeRecord(before, rec, { ...opts, table });
			if (!res.record) continue;
			target.set(id, res.record);
			conflicts.push(...res.conflicts);
			s.conflicts += res.conflicts.length;
			if (!before) {
				s.new++;
				changes.push({ table, id, kind: 'new', changedFields: res.changedFields });
			} else if (res.changed) {
				s.updated++;
				changes.push({ table, id, kind: 'updated', changedFields: res.changedFields });
			} else s.unchanged++;
		}
	}
	return { state: { records, tombstones }, stats, conflicts, changes };
}

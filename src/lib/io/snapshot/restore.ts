import { CHANGE_FIELD } from '../../sync/change-number';
import { decodeHlc } from '../../sync/hlc';
import type { SyncRecord } from '../../sync/merge';
import type { Stamp, SyncMeta } from '../../sync/stamp';
import { fieldKinds, type FieldKind } from '../../sync/tables';
import { asTombstone, type Tombstone } from '../../sync/tombstone';
import type { SnapshotEntry } from './entry';
import { SETTING, TOMB, type SnapshotHeader } from './header';
import { fitsKind, MAX_ID } from './field-kinds';

/**
 * Every record read from a snapshot (or stored by an older app version) passes through restore:
 * it checks the shape, repairs what can be repaired and refuses what cannot, so the merge and the
 * database only ever see well-formed records.
 * - keys that could reach a prototype (`__proto__`, `constructor`, `prototype`) are dropped at any
 *   depth;
 * - fields unknown to this version go to `_extra` (kept, merged, promoted after an update); a field
 *   this version knows that sits in `_extra` (written by an older install) is promoted;
 * - a known field with an absurd value (wrong type, 10 MB string, Infinity, 1e300) refuses the
 *   record: coercing it would invent data;
 * - a local change number (`_chg`, sync/change-number.ts) is dropped wherever it sits: it is the
 *   writing device's own bookkeeping, and the database numbers every record it writes itself;
 * - `_meta.updated` is recomputed from the stamps;
 * - fields named in the header's mask list are marked masked (tied to their stamp).
 */
export type RestoreResult =
	| { ok: true; record: SyncRecord; known: boolean }
	| { ok: false; code: 'invalid_record'; reason: string };

const DANGEROUS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;
const MAX_HLC = 300;

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of JSON data without prototype-reaching keys; throws when nested absurdly deep. */
export function cleanJson(v: unknown, depth = 0): unknown {
	if (depth > MAX_DEPTH) throw new RangeError('too deep');
	if (Array.isArray(v)) return v.map((x) => cleanJson(x, depth + 1));
	if (!isObj(v)) return v;
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(v)) {
		if (DANGEROUS.has(k)) continue;
		Object.defineProperty(out, k, {
			value: cleanJson(v[k], depth + 1),
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return out;
}

function stamp(v: unknown): Stamp | null {
	if (!isObj(v) || typeof v.hlc !== 'string' || v.hlc.length > MAX_HLC || !decodeHlc(v.hlc))
		return null;
	if (typeof v.by !== 'string' || v.by.length > MAX_ID) return null;
	return { hlc: v.hlc, by: v.by };
}

function restoreMeta(v: unknown): SyncMeta | string {
	if (!isObj(v)) return '_meta';
	const created = stamp(v.created);
	if (!created) return '_meta.created';
	const meta: SyncMeta = { created, updated: created.hlc };
	if (v.fields !== undefined) {
		if (!isObj(v.fields)) return '_meta.fields';
		const fields: Record<string, Stamp> = {};
		for (const [k, s] of Object.entries(v.fields)) {
			if (k === CHANGE_FIELD) continue;
			const st = stamp(s);
			if (!st || DANGEROUS.has(k)) return `_meta.fields.${k}`;
			fields[k] = st;
			if (st.hlc > meta.updated) meta.updated = st.hlc;
		}
		if (Object.keys(fields).length > 0) meta.fields = fields;
	}
	return meta;
}

export interface RestoreOptions {
	/** `table.field` entries from the header's mask list. */
	masked?: readonly string[];
}

export function restoreRecord(
	table: string,
	raw: unknown,
	opts: RestoreOptions = {}
): RestoreResult {
	const fail = (reason: string): RestoreResult => ({ ok: false, code: 'invalid_record', reason });
	let clean: unknown;
	try {
		clean = cleanJson(raw);
	} catch {
		return fail('depth');
	}
	if (!isObj(clean)) return fail('not_object');
	const id = clean.id;
	if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) return fail('id');
	const meta = restoreMeta(clean._meta);
	if (typeof meta === 'string') return fail(meta);
	const extraIn = clean._extra === undefined ? {} : clean._extra;
	if (!isObj(extraIn)) return fail('_extra');

	const schema: Readonly<Record<string, FieldKind>> | undefined = fieldKinds(table);
	const out: Record<string, unknown> = { id, _meta: meta };
	const extra: Record<string, unknown> = {};
	const place = (k: string, v: unknown): string | null => {
		if (!schema) {
			out[k] = v;
			return null;
		}
		if (!Object.hasOwn(schema, k)) {
			extra[k] = v;
			return null;
		}
		if (!fitsKind(schema[k]!, v)) return k;
		out[k] = v;
		return null;
	};
	// Values in _extra first, so a top-level value of the same name (newer placement) wins.
	for (const [k, v] of Object.entries(extraIn)) {
		if (Object.hasOwn(clean, k) || k === CHANGE_FIELD) continue;
		const bad = place(k, v);
		if (bad) return fail(bad);
	}
	for (const [k, v] of Object.entries(clean)) {
		if (k === 'id' || k === '_meta' || k === '_extra' || k === '_masked' || k === CHANGE_FIELD)
			continue;
		const bad = place(k, v);
		if (bad) return fail(bad);
	}
	if (Object.keys(extra).length > 0) out._extra = extra;

	const record = out as unknown as SyncRecord;
	const masked: Record<string, string> = {};
	const has = (f: string) => Object.hasOwn(out, f) || Object.hasOwn(extra, f);
	const stampHlc = (f: string) => (meta.fields?.[f] ?? meta.created).hlc;
	if (isObj(clean._masked))
		for (const [f, h] of Object.entries(clean._masked))
			if (typeof h === 'string' && has(f) && h === stampHlc(f)) masked[f] = h;
	for (const m of opts.masked ?? []) {
		const [t, f] = m.split('.');
		if (t === table && f && has(f)) masked[f] = stampHlc(f);
	}
	if (Object.keys(masked).length > 0) record._masked = masked;
	return { ok: true, record, known: !!schema };
}

/**
 * A setting line of a backup: a settings-table key and its value (JSON). Which keys a restore
 * takes, and whether a value is usable, is the database layer's business (an allow-list): here
 * only the shape is checked and the value cleaned like any record.
 */
export interface SnapshotSetting {
	key: string;
	value: unknown;
}

const MAX_SETTING_KEY = 1_000;

export function asSetting(raw: unknown): SnapshotSetting | null {
	if (!isObj(raw) || typeof raw.key !== 'string' || !Object.hasOwn(raw, 'value')) return null;
	if (raw.key.length === 0 || raw.key.length > MAX_SETTING_KEY || DANGEROUS.has(raw.key))
		return null;
	try {
		return { key: raw.key, value: cleanJson(raw.value) };
	} catch {
		return null;
	}
}

export type ReadEntry =
	| { kind: 'record'; table: string; record: SyncRecord; known: boolean }
	| { kind: 'tombstone'; tombstone: Tombstone }
	| { kind: 'setting'; setting: SnapshotSetting }
	| { kind: 'invalid'; table: string; reason: string };

/**
 * A body line as something the merge can take, or 'invalid' with a reason for the preview
 * ("3 records could not be read"): one bad record does not refuse the whole file.
 */
export function readEntry(entry: SnapshotEntry, header: Pick<SnapshotHeader, 'mask'>): ReadEntry {
	if (entry.t === TOMB) {
		const tombstone = asTombstone(entry.r);
		return tombstone
			? { kind: 'tombstone', tombstone }
			: { kind: 'invalid', table: TOMB, reason: 'tombstone' };
	}
	if (entry.t === SETTING) {
		const setting = asSetting(entry.r);
		return setting
			? { kind: 'setting', setting }
			: { kind: 'invalid', table: SETTING, reason: 'setting' };
	}
	const res = restoreRecord(entry.t, entry.r, { masked: header.mask.fields });
	return res.ok
		? { kind: 'record', table: entry.t, record: res.record, known: res.known }
		: { kind: 'invalid', table: entry.t, reason: res.reason };
}

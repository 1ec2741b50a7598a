import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conflict } from './conflict';
import { HybridClock } from './hlc';
import {
	canonical,
	emptyState,
	mergeRecord,
	mergeSets,
	sameContent,
	type SyncRecord,
	type SyncState
} from './merge';
import type { Stamp } from './stamp';
import { recordKey, type Tombstone } from './tombstone';

/**
 * Random edit histories on 2 to 5 devices whose clocks are skewed (up to ten minutes either way)
 * and jump back and forth: creates, field edits, trash and restore (edits of trashedAt), permanent
 * deletes (tombstones), and imports of another device's file, some with the phone field masked,
 * some into an older app that keeps a field it does not know in `_extra`. Every device's final
 * state and every file it exported are kept; the properties are checked over those.
 */

const RUNS = 1000;
/** customers has derived fields (searchKeys); x_newer_kind is a table this version does not know. */
const TABLES = ['customers', 'x_newer_kind'] as const;
const FIELDS = ['title', 'done', 'phone', 'trashedAt', 'x_future'] as const;
const START = 1_700_000_000_000;

interface Edit {
	n: number;
	key: string;
	field: string;
	hlc: string;
	value: unknown;
}

interface History {
	devices: SyncState[];
	files: SyncState[];
	edits: Edit[];
	/** Edits that a later write replaced on a device that had shown them (a knowing overwrite). */
	superseded: Set<number>;
	erased: Set<string>;
	/** Every conflict reported by any merge during the history. */
	conflicts: Conflict[];
}

type Op =
	| { k: 'create'; d: number; t: number; n: number }
	| { k: 'edit'; d: number; pick: number; f: number; v: number }
	| { k: 'trash'; d: number; pick: number; restore: boolean }
	| { k: 'erase'; d: number; pick: number }
	| { k: 'sync'; d: number; from: number; masked: boolean }
	| { k: 'skew'; d: number; ms: number }
	| { k: 'wait'; ms: number };

const nat = (n: number) => fc.nat({ max: n });
const skewArb = fc.integer({ min: -600_000, max: 600_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({ k: fc.constant('create'), d: nat(9), t: nat(1), n: nat(5) })
	},
	{
		weight: 6,
		arbitrary: fc.record({ k: fc.constant('edit'), d: nat(9), pick: nat(9), f: nat(9), v: nat(3) })
	},
	{
		weight: 2,
		arbitrary: fc.record({
			k: fc.constant('trash'),
			d: nat(9),
			pick: nat(9),
			restore: fc.boolean()
		})
	},
	{ weight: 1, arbitrary: fc.record({ k: fc.constant('erase'), d: nat(9), pick: nat(9) }) },
	{
		weight: 5,
		arbitrary: fc.record({ k: fc.constant('sync'), d: nat(9), from: nat(9), masked: fc.boolean() })
	},
	{ weight: 1, arbitrary: fc.record({ k: fc.constant('skew'), d: nat(9), ms: skewArb }) },
	{
		weight: 2,
		arbitrary: fc.record({ k: fc.constant('wait'), ms: fc.integer({ min: 0, max: 5000 }) })
	}
) as fc.Arbitrary<Op>;

const scenarioArb = fc.record({
	devices: fc.integer({ min: 2, max: 5 }),
	skews: fc.array(skewArb, { minLength: 5, maxLength: 5 }),
	ops: fc.array(opArb, { minLength: 4, maxLength: 50, size: 'max' })
});
type Scenario = { devices: number; skews: number[]; ops: Op[] };

/** The derived field of the test's customers, recomputed after every write and merge. */
const keysOf = (r: SyncRecord) =>
	String((r as unknown as Record<string, unknown>).title ?? '').toLowerCase();
const derive = (table: string, r: SyncRecord): SyncRecord =>
	table === 'customers' ? ({ ...r, searchKeys: keysOf(r) } as SyncRecord) : r;
const merge = (a: SyncState, b: SyncState) => mergeSets(a, b, { derive });

function cloneState(s: SyncState): SyncState {
	return {
		records: new Map([...s.records].map(([t, rows]) => [t, new Map(rows)])),
		tombstones: new Map(s.tombstones)
	};
}

function rowsOf(s: SyncState): [string, string, SyncRecord][] {
	return [...s.records].flatMap(([t, rows]) =>
		[...rows].map(([id, r]) => [t, id, r] as [string, string, SyncRecord])
	);
}

function readField(r: SyncRecord, f: string): unknown {
	const bag = r as unknown as Record<string, unknown>;
	if (Object.hasOwn(bag, f)) return bag[f];
	return r._extra?.[f];
}

const stampOf = (r: SyncRecord, f: string): Stamp => r._meta.fields?.[f] ?? r._meta.created;

/** What an older app does on import: a field it does not know goes to `_extra`, and back. */
function asAppOf(s: SyncState, newer: boolean): SyncState {
	const out = cloneState(s);
	for (const [, rows] of out.records)
		for (const [id, r] of rows) {
			const bag = r as unknown as Record<string, unknown>;
			if (!newer && Object.hasOwn(bag, 'x_future')) {
				const { x_future, ...rest } = bag;
				rows.set(id, { ...rest, _extra: { ...r._extra, x_future } } as unknown as SyncRecord);
			} else if (newer && r._extra && Object.hasOwn(r._extra, 'x_future')) {
				const { x_future, ...extra } = r._extra;
				const next = { ...bag, x_future } as unknown as SyncRecord;
				if (Object.keys(extra).length) next._extra = extra;
				else delete next._extra;
				rows.set(id, next);
			}
		}
	return out;
}

/** An export with the phone field masked, as a header's mask list says (see restore.ts). */
function masked(s: SyncState): SyncState {
	const out = cloneState(s);
	for (const [, rows] of out.records)
		for (const [id, r] of rows) {
			if (!Object.hasOwn(r, 'phone')) continue;
			const mark = { ...r._masked, phone: stampOf(r, 'phone').hlc };
			rows.set(id, { ...r, phone: '138****8000', _masked: mark } as SyncRecord);
		}
	return out;
}

function runHistory(sc: Scenario): History {
	let now = START;
	const n = sc.devices;
	const skews = sc.skews.slice();
	const clocks = Array.from(
		{ length: n },
		(_, i) => new HybridClock(`dev${i}`, () => now + (skews[i] ?? 0))
	);
	const devices: SyncState[] = Array.from({ length: n }, emptyState);
	/** Edit numbers each device has shown as a field's current value at some point. */
	const shown = Array.from({ length: n }, () => new Set<number>());
	const files: SyncState[] = [];
	const edits: Edit[] = [];
	const byVersion = new Map<string, number>();
	const superseded = new Set<number>();
	const erased = new Set<string>();
	const conflicts: Conflict[] = [];

	const note = (key: string, field: string, hlc: string, value: unknown) => {
		const e: Edit = { n: edits.length, key, field, hlc, value };
		edits.push(e);
		byVersion.set(`${key}#${field}#${hlc}`, e.n);
	};
	/** Records what device d now shows for a record's fields. */
	const see = (d: number, table: string, r: SyncRecord) => {
		const key = recordKey(table, r.id);
		for (const f of FIELDS) {
			const v = byVersion.get(`${key}#${f}#${stampOf(r, f).hlc}`);
			if (v !== undefined) shown[d]?.add(v);
		}
	};
	const pickRow = (d: number, pick: number) => {
		const rows = rowsOf(devices[d] ?? emptyState());
		return rows.length ? rows[pick % rows.length] : undefined;
	};
	const put = (d: number, table: string, rec: SyncRecord) => {
		const s = cloneState(devices[d] ?? emptyState());
		const rows = s.records.get(table) ?? new Map<string, SyncRecord>();
		s.records.set(table, rows.set(rec.id, derive(table, rec)));
		devices[d] = s;
		see(d, table, rec);
	};

	sc.ops.forEach((op, i) => {
		now += 1;
		if (op.k === 'wait') {
			now += op.ms;
			return;
		}
		const d = op.d % n;
		const clock = clocks[d];
		const state = devices[d];
		if (!clock || !state) return;
		const by = `m${d}`;
		if (op.k === 'skew') {
			skews[d] = op.ms; // the device's clock is corrected, possibly backwards
		} else if (op.k === 'create') {
			const table = TABLES[op.t] ?? 'customers';
			const id = `r${op.n}-${d}`; // ids are unique per device, like UUIDs
			const key = recordKey(table, id);
			if (state.records.get(table)?.has(id) || state.tombstones.has(key)) return;
			const hlc = clock.tick();
			const rec = {
				id,
				_meta: { created: { hlc, by }, updated: hlc },
				title: `T${i}`,
				done: false,
				phone: `+86138000${i}`,
				trashedAt: null
			} as unknown as SyncRecord;
			for (const f of FIELDS) if (f !== 'x_future') note(key, f, hlc, readField(rec, f));
			put(d, table, rec);
		} else if (op.k === 'edit' || op.k === 'trash') {
			const row = pickRow(d, op.pick);
			if (!row) return;
			const [table, id, r] = row;
			const key = recordKey(table, id);
			const field = op.k === 'trash' ? 'trashedAt' : (FIELDS[op.f % FIELDS.length] ?? 'title');
			const value =
				op.k === 'trash'
					? op.restore
						? null
						: now + (skews[d] ?? 0)
					: field === 'done'
						? op.v % 2 === 0
						: `${field}${i}`;
			// A write replaces, knowingly, every version of this field that the device has shown.
			for (const e of shown[d] ?? [])
				if (edits[e]?.key === key && edits[e]?.field === field) superseded.add(e);
			const hlc = clock.tick();
			const stamp: Stamp = { hlc, by };
			const next = {
				...r,
				_meta: { ...r._meta, fields: { ...r._meta.fields, [field]: stamp }, updated: hlc }
			} as SyncRecord;
			if (next._masked && Object.hasOwn(next._masked, field)) {
				const { [field]: _, ...rest } = next._masked;
				next._masked = rest;
			}
			// Device 0 runs a newer app that knows x_future; the others keep it in _extra.
			if (field === 'x_future' && d !== 0) next._extra = { ...r._extra, x_future: value };
			else (next as unknown as Record<string, unknown>)[field] = value;
			note(key, field, hlc, value);
			put(d, table, next);
		} else if (op.k === 'erase') {
			const row = pickRow(d, op.pick);
			if (!row) return;
			const [table, id] = row;
			const t: Tombstone = { table, id, hlc: clock.tick(), by };
			const s = cloneState(state);
			s.records.get(table)?.delete(id);
			s.tombstones.set(recordKey(table, id), t);
			devices[d] = s;
			erased.add(recordKey(table, id));
		} else {
			const from = op.from % n;
			const source = devices[from];
			if (from === d || !source) return;
			const file = op.masked ? masked(source) : cloneState(source);
			files.push(file);
			for (const [, , r] of rowsOf(file)) clock.observe(r._meta.updated);
			for (const t of file.tombstones.values()) clock.observe(t.hlc);
			const res = merge(state, asAppOf(file, d === 0));
			devices[d] = res.state;
			conflicts.push(...res.conflicts);
			for (const c of res.changes) {
				const r = res.state.records.get(c.table)?.get(c.id);
				if (r) see(d, c.table, r);
			}
		}
	});
	return { devices, files, edits, superseded, erased, conflicts };
}

/**
 * A state as plain sorted text, so two states compare by content. Each record is normalised
 * (merged into nothing) first: mergeSets keeps untouched local records as stored, and a stored
 * record may carry a stale `_masked` mark (its field was written again since) that means nothing.
 */
function text(s: SyncState): string {
	const records: Record<string, Record<string, unknown>> = {};
	for (const [t, rows] of s.records) {
		if (rows.size === 0) continue;
		const norm = [...rows].map(([id, r]) => [id, mergeRecord(undefined, r, { table: t }).record]);
		records[t] = Object.fromEntries(norm);
	}
	return canonical({ records, tombstones: Object.fromEntries(s.tombstones) });
}

const join = (a: SyncState, b: SyncState) => merge(a, b).state;
const statesOf = (h: History) => [...h.devices, ...h.files];
const pick = <T>(xs: T[], i: number): T => xs[i % xs.length] as T;
const picks = fc.array(fc.nat(), { minLength: 3, maxLength: 3 });

/** How often the last property needed each reason, to show it is not passing vacuously. */
const reasons = { final: 0, superseded: 0, conflict: 0, sameValue: 0, conflictsSeen: 0 };

describe('merge properties over random multi-device histories', () => {
	it('is idempotent: merging a state with itself, or a file twice, changes nothing', () => {
		fc.assert(
			fc.property(scenarioArb, picks, (sc, [i = 0, j = 0]) => {
				const states = statesOf(runHistory(sc));
				const a = pick(states, i);
				const b = pick(states, j);
				const ab = join(a, b);
				expect(text(join(a, a))).toBe(text(join(emptyState(), a)));
				expect(text(join(ab, ab))).toBe(text(ab));
				expect(text(join(ab, b))).toBe(text(ab));
				expect(merge(ab, b).changes).toEqual([]);
			}),
			{ numRuns: RUNS }
		);
	});

	it('is commutative', () => {
		fc.assert(
			fc.property(scenarioArb, picks, (sc, [i = 0, j = 0]) => {
				const states = statesOf(runHistory(sc));
				const a = pick(states, i);
				const b = pick(states, j);
				expect(text(join(a, b))).toBe(text(join(b, a)));
			}),
			{ numRuns: RUNS }
		);
	});

	it('is associative', () => {
		fc.assert(
			fc.property(scenarioArb, picks, (sc, [i = 0, j = 0, k = 0]) => {
				const states = statesOf(runHistory(sc));
				const [a, b, c] = [pick(states, i), pick(states, j), pick(states, k)];
				expect(text(join(join(a, b), c))).toBe(text(join(a, join(b, c))));
			}),
			{ numRuns: RUNS }
		);
	});

	it('loses no accepted edit: each is the final value, knowingly replaced, or a listed conflict', () => {
		fc.assert(
			fc.property(scenarioArb, fc.array(fc.nat()), (sc, order) => {
				const h = runHistory(sc);
				// All devices and files, folded in a random order.
				const shuffled = statesOf(h)
					.map((s, i) => [order[i] ?? i, s] as const)
					.sort((x, y) => x[0] - y[0]);
				const conflicts = [...h.conflicts];
				let final = emptyState();
				for (const [, s] of shuffled) {
					const res = merge(final, s);
					final = res.state;
					conflicts.push(...res.conflicts);
				}
				reasons.conflictsSeen += conflicts.length;
				const rec = (key: string) => {
					const [table = '', id = ''] = key.split('/');
					return final.records.get(table)?.get(id);
				};

				// Erased records stay erased, whatever arrived after.
				for (const key of h.erased) {
					expect(rec(key), key).toBeUndefined();
					expect(final.tombstones.has(key)).toBe(true);
				}
				const live = h.edits.filter((e) => !h.erased.has(e.key));
				// Every field ends at its latest write, real (never the masked copy).
				const latest = new Map<string, Edit>();
				for (const e of live) {
					const k = `${e.key}#${e.field}`;
					const seen = latest.get(k);
					if (!seen || e.hlc > seen.hlc) latest.set(k, e);
				}
				for (const e of latest.values()) {
					const r = rec(e.key);
					expect(r, e.key).toBeDefined();
					if (!r) continue;
					expect(readField(r, e.field)).toEqual(e.value);
					expect(stampOf(r, e.field).hlc).toBe(e.hlc);
					expect(r._masked?.[e.field]).toBeUndefined();
					if (e.key.startsWith('customers/')) {
						expect((r as unknown as { searchKeys: string }).searchKeys).toBe(keysOf(r));
						expect(r._meta.fields?.searchKeys).toBeUndefined();
					}
				}
				// Every other write was replaced knowingly or is listed as a conflict loser; a write
				// of the same value as a later accounted one lost nothing.
				const accounted = new Map<number, boolean>();
				const isAccounted = (e: Edit): boolean => {
					const known = accounted.get(e.n);
					if (known !== undefined) return known;
					let ok = false;
					if (latest.get(`${e.key}#${e.field}`) === e) {
						ok = true;
						reasons.final++;
					} else if (h.superseded.has(e.n)) {
						ok = true;
						reasons.superseded++;
					} else if (
						conflicts.some(
							(c) =>
								recordKey(c.table, c.id) === e.key &&
								c.field === e.field &&
								c.lostStamp.hlc === e.hlc &&
								sameContent(c.lostValue, e.value)
						)
					) {
						ok = true;
						reasons.conflict++;
					} else {
						ok = live.some(
							(o) =>
								o.key === e.key &&
								o.field === e.field &&
								o.hlc > e.hlc &&
								sameContent(o.value, e.value) &&
								isAccounted(o)
						);
						if (ok) reasons.sameValue++;
					}
					accounted.set(e.n, ok);
					return ok;
				};
				for (const e of live) expect(isAccounted(e), `${e.key} ${e.field} ${e.hlc}`).toBe(true);
			}),
			{ numRuns: RUNS }
		);
		// The generator must actually produce concurrent overwrites that only a conflict explains.
		expect(reasons.conflict).toBeGreaterThan(RUNS / 10);
		expect(reasons.superseded).toBeGreaterThan(RUNS);
	});
});

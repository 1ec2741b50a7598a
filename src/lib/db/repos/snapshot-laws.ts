/**
 * For tests, not the app: the laws that a history of snapshot exchanges between teammates
 * (snapshot-history.ts) must keep on every device, checked against a model of every write made
 * anywhere. Each check reads what a device stores and adds what it finds broken to `Findings`,
 * so a history goes on to its end and every law can be asked about it.
 */
import { decodeHlc, isFarAhead, MAX_AHEAD_MS } from '$lib/sync/hlc';
import { canonical, sameContent, type SyncRecord } from '$lib/sync/merge';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { recordKey, type Tombstone } from '$lib/sync/tombstone';
import { stampOf } from '$lib/sync/undo';
import type { FarAheadChoice } from './snapshot-clocks';
import type { StoredConflict } from './snapshot-conflicts';
import type { Teammate } from './snapshot-teammates';

export type Row = SyncRecord & Record<string, unknown>;

export const LAWS = ['kept', 'undo', 'erased', 'stamps'] as const;
export type Law = (typeof LAWS)[number];

/** What each law found broken, the first few of each (a history goes on after a break). */
export class Findings {
	readonly by: Record<Law, string[]> = { kept: [], undo: [], erased: [], stamps: [] };

	add(law: Law, what: string): void {
		if (this.by[law].length < 5) this.by[law].push(what);
	}
}

/** The fields whose every write the model follows. */
export const TRACKED: Readonly<Record<string, readonly string[]>> = {
	customers: ['name', 'city', 'tier', 'tags', 'trashedAt'],
	interactions: ['customerId', 'summary', 'at']
};

/** What one device stores, as far as the laws look. */
export interface DeviceState {
	/** Customers and interactions, by recordKey. */
	records: Map<string, Row>;
	tombstones: Map<string, Tombstone>;
	/** Every stamp in the database (records of every synced table, tombstones, conflicts). */
	stamps: { where: string; hlc: string }[];
}

export async function stateOf(t: Teammate): Promise<DeviceState> {
	const state: DeviceState = { records: new Map(), tombstones: new Map(), stamps: [] };
	const note = (where: string, hlc: string) => state.stamps.push({ where, hlc });
	for (const name of SYNCED_TABLES)
		for (const r of (await t.db.table(name).toArray()) as Row[]) {
			const key = recordKey(name, r.id);
			if (TRACKED[name]) state.records.set(key, r);
			note(key, r._meta.created.hlc);
			note(key, r._meta.updated);
			for (const s of Object.values(r._meta.fields ?? {})) note(key, s.hlc);
		}
	for (const tomb of await t.db.tombstones.toArray()) {
		const key = recordKey(tomb.table, tomb.id);
		state.tombstones.set(key, tomb);
		note(`the tombstone of ${key}`, tomb.hlc);
	}
	for (const c of (await t.db.conflicts.toArray()) as StoredConflict[]) {
		note(`conflict ${c.id}`, c.lostHlc);
		note(`conflict ${c.id}`, c.wonHlc);
	}
	return state;
}

const tableOf = (key: string) => key.slice(0, key.indexOf('/'));
const deviceOf = (hlc: string) => decodeHlc(hlc)?.device ?? '';
const keyOfRow = (r: unknown) => {
	const o = r as { table?: string; id?: string };
	return o.table ? recordKey(o.table, String(o.id)) : String(o.id);
};
const show = (v: unknown) => canonical(v) || 'nothing';

/** The fields in which two stored rows differ, as `field: a / b` (or null when they do not). */
function differences(
	a: Record<string, unknown> | undefined,
	b: Record<string, unknown> | undefined
): string | null {
	if (!a || !b) return a || b ? `${a ? 'held' : 'missing'} / ${b ? 'held' : 'missing'}` : null;
	const out: string[] = [];
	for (const f of new Set([...Object.keys(a), ...Object.keys(b)]))
		if (canonical(a[f]) !== canonical(b[f])) out.push(`${f}: ${show(a[f])} / ${show(b[f])}`);
	return out.length > 0 ? out.join('; ') : null;
}

/** One write of one field, as the model knows it. */
export interface Write {
	key: string;
	field: string;
	hlc: string;
	value: unknown;
	/** A device's own edit, a far-ahead write a receiver stored re-stamped, an undo's restore. */
	how: 'local' | 'restamp' | 'undo';
}

/** Why a step may have brought stamps the model has not seen yet. */
export type StepKind =
	| { kind: 'local'; device: string }
	| { kind: 'import'; device: string; far: FarAheadChoice; now: number }
	| { kind: 'undo'; device: string; before: DeviceState };

/**
 * Every write any device stored, by stamp. A stamp a step brings must be one the step can make:
 * a device's own edit, an import re-stamping a far-ahead write with its value kept, an undo
 * giving a field the value it had before the import. Any other new stamp, or a known stamp with
 * another value, is a write that came from nowhere or was changed on the way.
 */
export class WriteLog {
	readonly #byStamp = new Map<string, Write>();
	readonly #byField = new Map<string, Write[]>();

	take(state: DeviceState, step: StepKind, found: Findings, where: string): void {
		for (const [key, r] of state.records)
			for (const field of TRACKED[tableOf(key)] ?? []) {
				const hlc = stampOf(r._meta, field).hlc;
				const value = r[field];
				const known = this.#byStamp.get(`${key}#${field}#${hlc}`);
				if (known) {
					if (!sameContent(known.value, value))
						found.add(
							'kept',
							`${where}: ${key}.${field} holds ${show(value)} under the stamp of ${show(known.value)}`
						);
					continue;
				}
				const how = this.#justify(key, field, hlc, value, step);
				if (how) this.#add({ key, field, hlc, value, how });
				else
					found.add(
						'kept',
						`${where}: ${key}.${field} = ${show(value)} (${hlc}) is no write any device made`
					);
			}
	}

	#justify(
		key: string,
		field: string,
		hlc: string,
		value: unknown,
		step: StepKind
	): Write['how'] | null {
		if (deviceOf(hlc) !== step.device) return null;
		if (step.kind === 'local') return 'local';
		if (step.kind === 'undo') {
			const before = step.before.records.get(key);
			return before && sameContent(before[field], value) ? 'undo' : null;
		}
		if (step.far !== 'restamp') return null;
		const far = this.writesOf(key, field).some(
			(w) => isFarAhead(w.hlc, step.now) && sameContent(w.value, value)
		);
		return far ? 'restamp' : null;
	}

	#add(w: Write): void {
		this.#byStamp.set(`${w.key}#${w.field}#${w.hlc}`, w);
		const k = `${w.key}#${w.field}`;
		const list = this.#byField.get(k);
		if (list) list.push(w);
		else this.#byField.set(k, [w]);
	}

	writesOf(key: string, field: string): Write[] {
		return this.#byField.get(`${key}#${field}`) ?? [];
	}

	/** Per record and field, the write with the greatest stamp: the one every device must end with. */
	*winners(): Generator<Write> {
		for (const list of this.#byField.values()) yield list.reduce((a, b) => (b.hlc > a.hlc ? b : a));
	}

	/** The customer an interaction was written for (null: not an interaction the model knows). */
	customerOf(key: string): string | null {
		const w = this.writesOf(key, 'customerId')[0];
		return w && typeof w.value === 'string' ? w.value : null;
	}
}

/**
 * Law 3: every stamp decodes, and none is more than a day ahead of the latest time this device's
 * clock has shown (a clock set back later does not make its own earlier stamps wrong; the
 * repair on start deals with those, see clock-repair.ts).
 */
export function checkStamps(
	state: DeviceState,
	latestShown: number,
	found: Findings,
	where: string
): void {
	for (const s of state.stamps) {
		const h = decodeHlc(s.hlc);
		if (!h) found.add('stamps', `${where}: ${s.where} has a stamp that does not decode: ${s.hlc}`);
		else if (h.wall - latestShown > MAX_AHEAD_MS)
			found.add(
				'stamps',
				`${where}: ${s.where} has ${s.hlc}, ${h.wall - latestShown} ms past this device's clock`
			);
	}
}

/**
 * Law 2, one device: once it has held a customer's tombstone (`seen`, kept across steps), the
 * tombstone stays and neither the customer nor an interaction of theirs is readable.
 */
export function checkErased(
	state: DeviceState,
	seen: Set<string>,
	found: Findings,
	where: string
): void {
	for (const [key, t] of state.tombstones) if (t.table === 'customers') seen.add(key);
	for (const key of seen) {
		if (!state.tombstones.has(key)) found.add('erased', `${where}: the tombstone of ${key} left`);
		if (state.records.has(key)) found.add('erased', `${where}: erased ${key} is back`);
	}
	for (const [key, r] of state.records)
		if (tableOf(key) === 'interactions' && seen.has(recordKey('customers', String(r.customerId))))
			found.add(
				'erased',
				`${where}: ${key} of erased customer ${String(r.customerId)} is readable`
			);
}

/** One applied import, as the device was just before and just after it. */
export interface AppliedImport {
	importId: string;
	before: DeviceState;
	after: DeviceState;
}

/**
 * The undo part of law 1: an undo takes back only what its import wrote and nothing written
 * since. It creates nothing and removes no tombstone; a record leaves only if the import created
 * it and nothing was written to it since, and no record that stays refers to it; a field changes
 * only if its stamp is still the import's, and then back to the value it had before the import.
 */
export function checkUndo(
	imp: AppliedImport,
	before: DeviceState,
	after: DeviceState,
	device: string,
	found: Findings,
	where: string
): void {
	const bad = (what: string) => found.add('undo', `${where}: ${what}`);
	if (canonical([...after.tombstones]) !== canonical([...before.tombstones]))
		bad('the tombstones changed');
	const removed = new Set<string>();
	for (const [key, now] of before.records) {
		const then = imp.after.records.get(key);
		const next = after.records.get(key);
		if (!next) {
			removed.add(key);
			if (imp.before.records.has(key) || !then)
				bad(`${key} left, but the import did not create it`);
			else if (now._meta.updated !== then._meta.updated) bad(`${key} left, written since`);
			continue;
		}
		for (const field of TRACKED[tableOf(key)] ?? []) {
			const stamp = stampOf(now._meta, field).hlc;
			const nextStamp = stampOf(next._meta, field).hlc;
			if (stamp === nextStamp && sameContent(now[field], next[field])) continue;
			const old = imp.before.records.get(key);
			const byImport =
				then !== undefined &&
				stampOf(then._meta, field).hlc === stamp &&
				(!old || stampOf(old._meta, field).hlc !== stamp);
			if (!byImport) bad(`${key}.${field} was written since the import, and the undo changed it`);
			else if (!old || !sameContent(old[field], next[field]) || deviceOf(nextStamp) !== device)
				bad(`${key}.${field} became ${show(next[field])}, not its value before the import`);
		}
	}
	for (const key of after.records.keys()) if (!before.records.has(key)) bad(`${key} appeared`);
	for (const [key, r] of after.records)
		if (tableOf(key) === 'interactions') {
			const customer = recordKey('customers', String(r.customerId));
			if (removed.has(customer)) bad(`${customer} left, but ${key} that stays refers to it`);
		}
}

/**
 * Law 1 and law 2 at the end, after the final round: every device holds the same data, each
 * field of a record that is not erased holds the write with the greatest stamp among all the
 * writes that any device stored, and no erased customer, nor an interaction of theirs, is left.
 */
export function checkFinal(
	states: readonly DeviceState[],
	dumps: readonly Record<string, unknown[]>[],
	log: WriteLog,
	erased: ReadonlySet<string>,
	found: Findings
): void {
	dumps.forEach((dump, i) => {
		for (const [table, rows] of Object.entries(dump)) {
			const mine = new Map(rows.map((r) => [keyOfRow(r), r as Record<string, unknown>]));
			const first = new Map(
				(dumps[0]![table] ?? []).map((r) => [keyOfRow(r), r as Record<string, unknown>])
			);
			for (const key of new Set([...mine.keys(), ...first.keys()])) {
				const diff = differences(mine.get(key), first.get(key));
				if (diff) found.add('kept', `device ${i} and device 0 differ in ${table} ${key}: ${diff}`);
			}
		}
	});
	const isErased = (key: string): boolean => {
		if (erased.has(key)) return true;
		const customer = tableOf(key) === 'interactions' ? log.customerOf(key) : null;
		return customer !== null && erased.has(recordKey('customers', customer));
	};
	states.forEach((state, i) => {
		for (const key of erased)
			if (!state.tombstones.has(key))
				found.add('erased', `device ${i} lacks the tombstone of ${key}`);
		for (const key of state.records.keys())
			if (isErased(key)) found.add('erased', `device ${i} still holds erased ${key}`);
		for (const key of state.tombstones.keys())
			if (!isErased(key)) found.add('kept', `device ${i} has a tombstone no erasure wrote: ${key}`);
		for (const w of log.winners()) {
			if (isErased(w.key)) continue;
			const r = state.records.get(w.key);
			if (!r) {
				found.add('kept', `device ${i} lost ${w.key}`);
				continue;
			}
			const hlc = stampOf(r._meta, w.field).hlc;
			if (hlc !== w.hlc || !sameContent(r[w.field], w.value))
				found.add(
					'kept',
					`device ${i}: ${w.key}.${w.field} = ${show(r[w.field])} (${hlc}), not the latest write ${show(w.value)} (${w.hlc})`
				);
		}
	});
}

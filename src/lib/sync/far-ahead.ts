import { isFarAhead } from './hlc';
import type { SyncRecord } from './merge';
import type { Stamp, SyncMeta } from './stamp';
import type { Tombstone } from './tombstone';

/**
 * Stamps from a wrong date: what a record carries from a computer whose clock was set years
 * ahead (or from a crafted file). Kept as they are, they would win every merge against any later
 * edit, here and at every teammate who receives them. The importer (and the repair on start)
 * decides with these rules, before the merge and never inside it, since the merge must not depend
 * on any device's clock: skip such a record, or re-stamp it with this device's clock.
 *
 * Re-stamping keeps every value and who wrote it (`by`); only the dates change. Each far-ahead
 * write gets one new stamp from `tick`, so fields written together stay one write, and a masked
 * value's mark follows its stamp (a mask must never become a real value by losing its mark).
 */

/** The devices (from the hlc) whose stamps in this record are far ahead of `now`. */
export function farAheadDevices(r: SyncRecord, now: number): string[] {
	const devices = new Set<string>();
	for (const s of stampsOf(r._meta))
		if (isFarAhead(s.hlc, now)) devices.add(s.hlc.slice(s.hlc.lastIndexOf(':') + 1));
	return [...devices];
}

export function hasFarAhead(r: SyncRecord, now: number): boolean {
	return stampsOf(r._meta).some((s) => isFarAhead(s.hlc, now));
}

function stampsOf(meta: SyncMeta): Stamp[] {
	return [meta.created, ...Object.values(meta.fields ?? {})];
}

/** Gives each far-ahead hlc one new hlc from `tick`, the same for every stamp that shared it. */
class Restamper {
	readonly #map = new Map<string, string>();
	constructor(
		readonly now: number,
		readonly tick: () => string
	) {}

	hlc(old: string): string {
		if (!isFarAhead(old, this.now)) return old;
		let next = this.#map.get(old);
		if (next === undefined) {
			next = this.tick();
			this.#map.set(old, next);
		}
		return next;
	}

	stamp(s: Stamp): Stamp {
		const hlc = this.hlc(s.hlc);
		return hlc === s.hlc ? s : { hlc, by: s.by };
	}
}

/**
 * The record with each far-ahead stamp replaced by a stamp of this device's clock (`tick`), the
 * author kept; `_meta.updated` recomputed from the stamps (also when only it was wrong). The same
 * object when nothing is far ahead.
 */
export function restampRecord<R extends SyncRecord>(r: R, now: number, tick: () => string): R {
	if (!hasFarAhead(r, now) && !isFarAhead(r._meta.updated, now)) return r;
	const re = new Restamper(now, tick);
	const created = re.stamp(r._meta.created);
	const meta: SyncMeta = { created, updated: created.hlc };
	if (r._meta.fields) {
		const fields: Record<string, Stamp> = {};
		for (const [f, s] of Object.entries(r._meta.fields)) fields[f] = re.stamp(s);
		meta.fields = fields;
	}
	for (const s of stampsOf(meta)) if (s.hlc > meta.updated) meta.updated = s.hlc;
	const out: R = { ...r, _meta: meta };
	if (r._masked) {
		const masked: Record<string, string> = {};
		for (const [f, h] of Object.entries(r._masked)) masked[f] = re.hlc(h);
		out._masked = masked;
	}
	return out;
}

/** The tombstone stamped by this device's clock if its stamp is far ahead (author kept). */
export function restampTombstone(t: Tombstone, now: number, tick: () => string): Tombstone {
	return isFarAhead(t.hlc, now) ? { ...t, hlc: tick() } : t;
}

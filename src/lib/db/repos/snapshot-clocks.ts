import { farAheadDevices, hasFarAhead, restampRecord, restampTombstone } from '$lib/sync/far-ahead';
import { decodeHlc, isFarAhead, MAX_DRIFT_MS } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
import type { Stamp } from '$lib/sync/stamp';
import type { Tombstone } from '$lib/sync/tombstone';
import type { StagedEntry } from './snapshot-imports';

/**
 * Clocks far ahead: a teammate whose computer clock runs fast writes stamps that beat every
 * later edit here until our clock catches up. The preview names them (with the member who wrote
 * with that device) when they are more than MAX_DRIFT_MS ahead of this device's clock.
 *
 * More than MAX_AHEAD_MS ahead, a stamp cannot be a fast clock: it is a wrong date (or a crafted
 * file), and the device's clock never adopts it. The preview counts the records carrying such
 * stamps per device, and the user either skips them or imports them re-stamped with this
 * device's clock (FarAheadFilter, run on every staged entry before the merge).
 */
export interface AheadClock {
	deviceId: string;
	memberId: string;
	memberName: string;
	aheadMs: number;
	/** Records (and tombstones) from this device with a stamp more than MAX_AHEAD_MS ahead. */
	farRecords: number;
}

/** What the user chose for records stamped more than MAX_AHEAD_MS ahead. */
export type FarAheadChoice = 'skip' | 'restamp';

export class ClockWatch {
	/** device → the latest wall time seen and who wrote it. */
	readonly #latest = new Map<string, { wall: number; by: string }>();
	/** device → records with a far-ahead stamp from it. */
	readonly #far = new Map<string, number>();
	/** Records (and tombstones) with at least one far-ahead stamp. */
	farAhead = 0;

	/** `now`: the importer's clock (ms), against which "far ahead" is decided. */
	constructor(readonly now: number) {}

	#see(s: Stamp): void {
		const h = decodeHlc(s.hlc);
		if (!h) return;
		const prev = this.#latest.get(h.device);
		if (!prev || h.wall > prev.wall) this.#latest.set(h.device, { wall: h.wall, by: s.by });
	}

	#countFar(devices: readonly string[]): void {
		if (devices.length === 0) return;
		this.farAhead++;
		for (const d of devices) this.#far.set(d, (this.#far.get(d) ?? 0) + 1);
	}

	record(r: SyncRecord): void {
		this.#see(r._meta.created);
		for (const s of Object.values(r._meta.fields ?? {})) this.#see(s);
		this.#countFar(farAheadDevices(r, this.now));
	}

	tombstone(t: { hlc: string; by: string }): void {
		this.#see(t);
		const device = decodeHlc(t.hlc)?.device;
		if (device && isFarAhead(t.hlc, this.now)) this.#countFar([device]);
	}

	/** Devices more than MAX_DRIFT_MS ahead of `now`, furthest first. */
	ahead(nameOf: (memberId: string) => string): AheadClock[] {
		const out: AheadClock[] = [];
		for (const [deviceId, { wall, by }] of this.#latest)
			if (wall - this.now > MAX_DRIFT_MS)
				out.push({
					deviceId,
					memberId: by,
					memberName: nameOf(by),
					aheadMs: wall - this.now,
					farRecords: this.#far.get(deviceId) ?? 0
				});
		return out.sort((a, b) => b.aheadMs - a.aheadMs);
	}
}

/**
 * Applies the 24-hour rule to staged entries at apply time, before they are merged: an entry
 * with a stamp more than a day (MAX_AHEAD_MS) ahead of `now` is dropped ('skip') or re-stamped with this
 * device's clock, its authors kept ('restamp'). It also finds the greatest stamp that does reach
 * the merge: the clock follows that, never the file header's claim.
 */
export class FarAheadFilter {
	skipped = 0;
	restamped = 0;
	/** The greatest stamp let through ('' if none). */
	greatest = '';

	constructor(
		readonly choice: FarAheadChoice,
		readonly now: number,
		readonly tick: () => string
	) {}

	#note(hlc: string): void {
		if (hlc > this.greatest) this.greatest = hlc;
	}

	entry(e: StagedEntry): StagedEntry | null {
		if (e.t === '_tomb') {
			const t = e.r as Tombstone;
			if (!this.#let(isFarAhead(t.hlc, this.now))) return null;
			const r = restampTombstone(t, this.now, this.tick);
			this.#note(r.hlc);
			return { t: '_tomb', r };
		}
		const rec = e.r as SyncRecord;
		if (!this.#let(hasFarAhead(rec, this.now))) return null;
		const r = restampRecord(rec, this.now, this.tick);
		this.#note(r._meta.updated);
		return { t: e.t, r };
	}

	/** Counts a far-ahead entry; false when it is to be skipped. */
	#let(far: boolean): boolean {
		if (!far) return true;
		if (this.choice === 'skip') this.skipped++;
		else this.restamped++;
		return this.choice !== 'skip';
	}
}

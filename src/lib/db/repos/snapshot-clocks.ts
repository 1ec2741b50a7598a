import { decodeHlc, MAX_DRIFT_MS } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
import type { Stamp } from '$lib/sync/stamp';

/**
 * Clocks far ahead: a teammate whose computer clock runs fast writes stamps that beat every
 * later edit here until our clock catches up. The preview names them (with the member who wrote
 * with that device) when they are more than MAX_DRIFT_MS ahead of this device's clock.
 */
export interface AheadClock {
	deviceId: string;
	memberId: string;
	memberName: string;
	aheadMs: number;
}

export class ClockWatch {
	/** device → the latest wall time seen and who wrote it. */
	readonly #latest = new Map<string, { wall: number; by: string }>();

	#see(s: Stamp): void {
		const h = decodeHlc(s.hlc);
		if (!h) return;
		const prev = this.#latest.get(h.device);
		if (!prev || h.wall > prev.wall) this.#latest.set(h.device, { wall: h.wall, by: s.by });
	}

	record(r: SyncRecord): void {
		this.#see(r._meta.created);
		for (const s of Object.values(r._meta.fields ?? {})) this.#see(s);
	}

	tombstone(t: { hlc: string; by: string }): void {
		this.#see(t);
	}

	/** Devices more than MAX_DRIFT_MS ahead of `now`, furthest first. */
	ahead(now: number, nameOf: (memberId: string) => string): AheadClock[] {
		const out: AheadClock[] = [];
		for (const [deviceId, { wall, by }] of this.#latest)
			if (wall - now > MAX_DRIFT_MS)
				out.push({ deviceId, memberId: by, memberName: nameOf(by), aheadMs: wall - now });
		return out.sort((a, b) => b.aheadMs - a.aheadMs);
	}
}

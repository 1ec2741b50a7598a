import { decodeHlc, isFarAhead } from '../../sync/hlc';
import type { SyncMeta } from '../../sync/stamp';
import { DAY_MS } from '../shared/dates';
import type { EpochMs, Id } from '../shared/types';

/**
 * When a member's latest work reached this device: the newest write stamp that member made, in
 * any record merged here (a stamp names its author: `by`), not the date in a file's header, which
 * says when a file was made, not what it holds. Stamps by someone else on the member's records
 * (the lead reassigning a customer to them) are not their work. A stamp more than a day ahead of
 * this device's clock is a wrong date or a crafted file (sync/hlc.ts isFarAhead) and is ignored,
 * so it cannot make a member look current for ever.
 */

/**
 * An author's newest stamp, kept next to the tallies and raised with every write that carries a
 * newer one (db/tallies-middleware.ts), so the dashboard knows when each member's latest work
 * arrived without reading their records. Deleting a record never lowers it: the work did arrive.
 */
export interface WorkMark {
	k: readonly ['w', Id];
	hlc: string;
}

/** A member with no work merged for this long is flagged, so their figures are not taken as current. */
export const STALE_AFTER_MS = 7 * DAY_MS;

export class LatestWork {
	/** Greatest stamp per author; stamps order as their encoded strings. */
	private readonly best = new Map<Id, string>();

	constructor(private readonly now: EpochMs) {}

	private see(by: string, hlc: string): void {
		if (!by) return;
		const current = this.best.get(by);
		if (current !== undefined && current >= hlc) return;
		if (isFarAhead(hlc, this.now)) return;
		this.best.set(by, hlc);
	}

	addAll(records: Iterable<unknown>): this {
		for (const r of records) this.addStamped(r);
		return this;
	}

	/** A record of any shape: its stamps when it has them (a write seen below the repositories). */
	addStamped(record: unknown): void {
		const meta = (record as { _meta?: Partial<SyncMeta> } | null)?._meta;
		if (!meta || typeof meta !== 'object') return;
		const stamps = [meta.created, ...Object.values(meta.fields ?? {})];
		for (const s of stamps)
			if (s && typeof s.by === 'string' && typeof s.hlc === 'string') this.see(s.by, s.hlc);
	}

	/** An author's newest stamp, kept from earlier (a stored mark: see WorkMark). */
	addMark(mark: WorkMark): void {
		this.see(mark.k[1], mark.hlc);
	}

	/** Each author's newest stamp seen, as marks to keep. */
	marks(): WorkMark[] {
		return [...this.best].map(([by, hlc]) => ({ k: ['w', by], hlc }));
	}

	/** Wall time of the member's newest stamp; null when none was merged. */
	latest(member: Id): EpochMs | null {
		const hlc = this.best.get(member);
		return hlc === undefined ? null : (decodeHlc(hlc)?.wall ?? null);
	}
}

/** Stale: no work merged, or the latest is at least STALE_AFTER_MS old. */
export function isStale(latest: EpochMs | null, now: EpochMs): boolean {
	return latest === null || now - latest >= STALE_AFTER_MS;
}

/** The fresh marks that raise what is stored (`stored[i]` is the one kept for `fresh[i]`'s author). */
export function raisedMarks(
	stored: readonly (WorkMark | undefined)[],
	fresh: readonly WorkMark[]
): WorkMark[] {
	return fresh.filter((m, i) => {
		const old = stored[i];
		return !old || old.hlc < m.hlc;
	});
}

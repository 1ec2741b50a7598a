import type { Stamp } from './stamp';

/**
 * The greatest stamp one device wrote among the records and tombstones a file merges: what the
 * receiver has now seen of that device (received-files.ts, `seen`). Stamps end with the writing
 * device's id (hlc.ts), so telling whose a stamp is needs no decoding.
 */
export class SenderStamps {
	greatest = '';
	readonly #suffix: string;

	constructor(device: string) {
		this.#suffix = `:${device}`;
	}

	#stamp(hlc: unknown): void {
		if (typeof hlc === 'string' && hlc > this.greatest && hlc.endsWith(this.#suffix))
			this.greatest = hlc;
	}

	/** A line of the file as merged: a tombstone (`_tomb`) or a record of any table. */
	note(entry: { t: string; r: unknown }): void {
		if (typeof entry.r !== 'object' || entry.r === null) return;
		const r = entry.r as {
			hlc?: unknown;
			_meta?: { created?: Stamp; fields?: Record<string, Stamp> };
		};
		if (entry.t === '_tomb') {
			this.#stamp(r.hlc);
			return;
		}
		this.#stamp(r._meta?.created?.hlc);
		for (const s of Object.values(r._meta?.fields ?? {})) this.#stamp(s?.hlc);
	}
}

import { isFarAhead, type HybridClock } from '$lib/sync/hlc';

/**
 * One clock for every tab of this device. The tabs share the device id (and the database), but
 * each runs its own HybridClock: a tab whose clock followed a teammate's stamps an hour ahead
 * stores edits that a later edit in another tab, still at physical time, would be stamped before,
 * and so lose to in every merge. The clocks' high-water mark is kept where every tab reads it
 * synchronously (localStorage), so each tick first catches up with what any tab issued or
 * adopted, and then publishes its own stamp.
 */
export interface DeviceClock {
	readonly device: string;
	/** A stamp for a local write, after every stamp any tab of this device issued or adopted. */
	tick(): string;
	/** Adopts a stamp seen in a file (see HybridClock.observe); returns how far ahead it was. */
	observe(remote: string): number;
	/**
	 * Runs `fn`, a synchronous stretch of many ticks (generating a bulk write's records): the
	 * tabs' mark is read once before and written once after, not at every tick.
	 */
	run<T>(fn: () => T): T;
}

/** Where the tabs keep the mark: a stamp string, '' when none. */
export interface ClockMark {
	read(): string;
	write(hlc: string): void;
}

const KEY = 'rapport.clock';

/**
 * The browser's localStorage, or null where there is none (Node, a worker) or it refuses access
 * (storage disabled): the clock then runs for this tab alone, as before.
 */
export function localClockMark(): ClockMark | null {
	let storage: Storage | undefined;
	try {
		storage = typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return null;
	}
	if (!storage) return null;
	const s = storage;
	return {
		read: () => s.getItem(KEY) ?? '',
		write: (hlc) => s.setItem(KEY, hlc)
	};
}

export class TabsClock implements DeviceClock {
	constructor(
		readonly clock: HybridClock,
		readonly mark: ClockMark | null,
		readonly now: () => number = Date.now
	) {}

	get device(): string {
		return this.clock.device;
	}

	/** Inside run(): ticks that neither read nor write the mark. */
	#running = 0;

	tick(): string {
		if (this.#running > 0) return this.clock.tick();
		this.#catchUp();
		const s = this.clock.tick();
		this.#publish(s);
		return s;
	}

	// No other code of this tab runs during a synchronous stretch, so its ticks need the mark only
	// at its ends; a tick of another tab meanwhile is concurrent with the whole stretch anyway.
	run<T>(fn: () => T): T {
		if (this.#running === 0) this.#catchUp();
		this.#running++;
		try {
			return fn();
		} finally {
			this.#running--;
			if (this.#running === 0) this.#publish(this.clock.latest());
		}
	}

	observe(remote: string): number {
		this.#catchUp();
		const ahead = this.clock.observe(remote);
		this.#publish(this.clock.latest());
		return ahead;
	}

	/** Another tab's mark is observed like any stamp: one more than a day ahead is refused. */
	#catchUp(): void {
		const m = this.#read();
		if (m) this.clock.observe(m);
	}

	/** Only forward: a slower tab never lowers the mark (unless the mark is itself refused). */
	#publish(hlc: string): void {
		if (!this.mark || !hlc) return;
		const current = this.#read();
		if (current && hlc <= current && !isFarAhead(current, this.now())) return;
		try {
			this.mark.write(hlc);
		} catch {
			// Storage full or refused: this tab's clock still orders its own writes.
		}
	}

	#read(): string {
		try {
			return this.mark?.read() ?? '';
		} catch {
			return '';
		}
	}
}

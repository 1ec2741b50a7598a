import { DAY_MS } from '../domain/shared/dates';

/**
 * A hybrid logical clock (Kulkarni et al., 2014): physical time in ms plus a counter, so that
 * every write on a device gets a strictly greater stamp than the previous one, and a stamp
 * received from a teammate whose wall clock runs ahead pulls ours forward instead of letting our
 * later edits lose to their earlier ones.
 *
 * Encoded as `${wall: 15 decimal digits}:${counter: 4 base-36 digits}:${deviceId}`, so that plain
 * string comparison orders stamps by (wall, counter, device): the device id breaks ties between
 * two devices that wrote at the same wall time and counter.
 */

export interface Hlc {
	wall: number;
	counter: number;
	device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 4;
/** 36^4 - 1: more writes than this in one millisecond borrow the next millisecond. */
export const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
/** The greatest wall time the 15 digits hold: a stamp past it would not decode anywhere. */
export const MAX_WALL = 10 ** WALL_DIGITS - 1;
/** Remote clocks further ahead than this are named in the snapshot preview. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;
/**
 * A stamp further ahead of this device's clock than this is never adopted: no computer's clock
 * is a day wrong by accident for long, so such a stamp comes from a wrong date or a crafted
 * file, and adopting it would make every later edit, here and at every teammate, lose to it (or
 * push the clock past MAX_WALL).
 */
export const MAX_AHEAD_MS = DAY_MS;

export function encodeHlc(h: Hlc): string {
	if (!Number.isSafeInteger(h.wall) || h.wall < 0 || h.wall > MAX_WALL)
		throw new RangeError('hlc wall out of range');
	if (!Number.isInteger(h.counter) || h.counter < 0 || h.counter > MAX_COUNTER)
		throw new RangeError('hlc counter out of range');
	if (!h.device || h.device.includes(':')) throw new RangeError('hlc device id invalid');
	return `${String(h.wall).padStart(WALL_DIGITS, '0')}:${h.counter
		.toString(36)
		.padStart(COUNTER_DIGITS, '0')}:${h.device}`;
}

const PATTERN = /^(\d{15}):([0-9a-z]{4}):([^:]+)$/;

/** Parses an encoded stamp; null for anything that is not one (a damaged or foreign file). */
export function decodeHlc(s: string): Hlc | null {
	const m = PATTERN.exec(s);
	if (!m?.[1] || !m[2] || !m[3]) return null;
	return { wall: Number(m[1]), counter: parseInt(m[2], 36), device: m[3] };
}

/**
 * Whether a stamp is beyond what this device may trust at `now`: more than MAX_AHEAD_MS ahead,
 * or not a stamp at all (the 16-digit walls an older version wrote after adopting one). The rule
 * for import previews, apply and the repair on start; never for the merge, which must not
 * depend on any device's clock.
 */
export function isFarAhead(hlc: string, now: number): boolean {
	const h = decodeHlc(hlc);
	return !h || h.wall - now > MAX_AHEAD_MS;
}

/**
 * A string above which every stored hlc is far ahead of `now` (or has a wall past 15 digits), for
 * finding them through an index: walls are fixed-width and '~' sorts after every counter digit.
 */
export function farAheadFloor(now: number): string {
	return `${String(Math.max(0, Math.floor(now + MAX_AHEAD_MS))).padStart(WALL_DIGITS, '0')}:~`;
}

/**
 * The clock of one device. `now` is injected so tests can make time stand still, jump back or
 * run ahead; the app passes `Date.now`.
 */
export class HybridClock {
	#wall = 0;
	#counter = 0;
	readonly device: string;
	readonly #now: () => number;

	constructor(device: string, now: () => number, last?: string) {
		if (!device || device.includes(':')) throw new RangeError('hlc device id invalid');
		this.device = device;
		this.#now = now;
		if (last) this.observe(last);
	}

	/**
	 * A stamp for a local write, greater than every stamp this clock issued or adopted. Its wall
	 * is at most a day past the latest time this device's clock showed (plus the odd millisecond
	 * borrowed from a full counter), so it always fits the format.
	 */
	tick(): string {
		const physical = Math.floor(this.#now());
		if (physical > this.#wall) {
			this.#wall = physical;
			this.#counter = 0;
		} else {
			this.#bump();
		}
		return encodeHlc({ wall: this.#wall, counter: this.#counter, device: this.device });
	}

	/**
	 * Takes in a stamp seen in a teammate's file so that our next tick orders after it. Returns
	 * how far (ms) the remote wall clock was ahead of ours, 0 if not, so callers can warn about
	 * clocks more than MAX_DRIFT_MS ahead. Unparseable stamps are ignored, and so are stamps more
	 * than MAX_AHEAD_MS ahead (still reported as ahead): the clock never adopts them.
	 */
	observe(remote: string): number {
		const r = decodeHlc(remote);
		if (!r) return 0;
		const physical = Math.floor(this.#now());
		const ahead = Math.max(0, r.wall - physical);
		if (ahead > MAX_AHEAD_MS) return ahead;
		if (r.wall > this.#wall) {
			this.#wall = r.wall;
			this.#counter = r.counter;
		} else if (r.wall === this.#wall && r.counter > this.#counter) {
			this.#counter = r.counter;
		}
		return ahead;
	}

	/** Runs a stretch of ticks; a clock of one tab alone has nothing to share around it. */
	run<T>(fn: () => T): T {
		return fn();
	}

	/** The greatest stamp issued or adopted so far ('' before any), for sharing with other tabs. */
	latest(): string {
		return this.#wall === 0 && this.#counter === 0
			? ''
			: encodeHlc({ wall: this.#wall, counter: this.#counter, device: this.device });
	}

	#bump(): void {
		if (this.#counter < MAX_COUNTER) {
			this.#counter++;
		} else {
			// Counter exhausted within one millisecond: borrow the next one rather than wrap.
			this.#wall++;
			this.#counter = 0;
		}
	}
}

import { isMinor, mulRatio, ratioOf, roundHalfUp, toSafe, type Ratio } from './decimal';

/**
 * Money in pay is the app's `Money`: a safe-integer count of minor units (fen, cents) and an ISO
 * 4217 code. Safe integers rather than bigint, because the orders and deals it is summed from
 * already store them so, and records travel as JSON (IndexedDB, snapshot files), which has no
 * bigint; 2^53 fen is ninety trillion yuan, beyond any payout. Only the products inside a
 * computation (an amount × a rate's numerator) can pass 2^53, so those are made in bigint and the
 * rounded result is checked back into the safe range: null means it does not fit.
 */

/** amount × rate, rounded half-up to the minor unit. */
export function applyRate(minor: number, rate: Ratio): number | null {
	if (!isMinor(minor)) return null;
	return toSafe(roundHalfUp(mulRatio(ratioOf(BigInt(minor)), rate)));
}

/** An exact sum of minor units; null when it leaves the safe range. */
export function sumMinor(values: Iterable<number>): number | null {
	let total = 0n;
	for (const v of values) {
		if (!isMinor(v)) return null;
		total += BigInt(v);
	}
	return toSafe(total);
}

/** A percentage as a ratio: '3' → 3/100. */
export function percent(r: Ratio): Ratio {
	return mulRatio(r, ratioOf(1n, 100n));
}

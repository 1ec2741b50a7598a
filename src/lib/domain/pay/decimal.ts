/**
 * Exact rational arithmetic for pay: rates and multipliers are written as decimal text ('3',
 * '2.75', '1.2'), never as binary floats, and read into a fraction of two bigints. A product such
 * as amount × rate is kept exact until the one place it is rounded, half-up, to the minor unit.
 */

/** A non-negative decimal written as text: '3', '2.75', '0.125'. At most 8 decimals. */
export type Decimal = string;

/** num / den, den > 0. */
export interface Ratio {
	num: bigint;
	den: bigint;
}

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,8}))?$/;

/** Reads a decimal written as text; null for anything else (a sign, an exponent, a comma). */
export function parseDecimal(s: string): Ratio | null {
	const m = typeof s === 'string' ? DECIMAL.exec(s) : null;
	if (!m) return null;
	const frac = m[2] ?? '';
	return { num: BigInt(`${m[1]}${frac}`), den: 10n ** BigInt(frac.length) };
}

/**
 * A finite non-negative number as an exact ratio: its shortest decimal text (what a person typed,
 * 87.5 → '87.5') read as a decimal. Null when that text is not a plain decimal (1e-7, NaN, −1).
 */
export function numberRatio(n: number): Ratio | null {
	return Number.isFinite(n) ? parseDecimal(String(n)) : null;
}

export function ratioOf(num: bigint, den = 1n): Ratio {
	if (den === 0n) throw new RangeError('ratio with a zero denominator');
	return den < 0n ? { num: -num, den: -den } : { num, den };
}

export function mulRatio(a: Ratio, b: Ratio): Ratio {
	return { num: a.num * b.num, den: a.den * b.den };
}

export function compareRatio(a: Ratio, b: Ratio): number {
	const l = a.num * b.den;
	const r = b.num * a.den;
	return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Rounds to the nearest integer, a half away from zero (ROUND_HALF_UP as accountants and Java's
 * BigDecimal mean it), so that rounding −x gives −(rounding x): a clawback mirrors the pay it undoes.
 */
export function roundHalfUp(r: Ratio): bigint {
	const neg = r.num < 0n !== r.den < 0n;
	const n = r.num < 0n ? -r.num : r.num;
	const d = r.den < 0n ? -r.den : r.den;
	const q = (2n * n + d) / (2n * d);
	return neg ? -q : q;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint back into a safe integer number; null when it does not fit. */
export function toSafe(b: bigint): number | null {
	return b > MAX || b < -MAX ? null : Number(b);
}

/** Whether a value is a safe integer number of minor units. */
export function isMinor(n: unknown): n is number {
	return typeof n === 'number' && Number.isSafeInteger(n);
}

/** A decimal's value scaled to an integer count of 10^-places (places ≥ its decimals). */
export function scaled(r: Ratio, places: number): bigint {
	return (r.num * 10n ** BigInt(places)) / r.den;
}

/** An integer count of 10^-places written back as decimal text: (1250n, 2) → '12.5'. */
export function formatScaled(n: bigint, places: number): Decimal {
	const neg = n < 0n;
	const digits = (neg ? -n : n).toString().padStart(places + 1, '0');
	const int = digits.slice(0, digits.length - places);
	const frac = digits.slice(digits.length - places).replace(/0+$/, '');
	return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

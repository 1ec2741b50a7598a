import type { Locale } from './catalog';

/**
 * Locale-aware formatting with Intl, pure (the locale is passed in) so it is tested in Node.
 * i18n.svelte.ts binds these to the current locale.
 */

type Formatter =
	Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(key: string, make: () => T): T {
	let f = cache.get(key);
	if (!f) cache.set(key, (f = make()));
	return f as T;
}

/** A calendar date 'YYYY-MM-DD' is a local day (a birthday), not UTC midnight. */
function toDate(v: number | string): Date | null {
	if (typeof v === 'string') {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(v);
		return Number.isNaN(d.getTime()) ? null : d;
	}
	if (!Number.isFinite(v)) return null;
	return new Date(v);
}

/** zh-CN: 2026年11月22日; en: Nov 22, 2026. '' for an invalid date. */
export function formatDateIn(locale: Locale, v: number | string): string {
	const d = toDate(v);
	if (!d) return '';
	return cached(
		`d:${locale}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
	).format(d);
}

/** zh-CN: 2026年11月22日 14:05; en: Nov 22, 2026, 2:05 PM. */
export function formatDateTimeIn(locale: Locale, v: number): string {
	const d = toDate(v);
	if (!d) return '';
	return cached(
		`dt:${locale}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	).format(d);
}

export function formatNumberIn(locale: Locale, n: number): string {
	return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/**
 * Money is stored in minor units (分 for CNY): 123450 → ¥1,234.50. The number of minor digits
 * comes from Intl for the currency (JPY has none). The narrow symbol (¥, $) reads the same in
 * both languages.
 */
export function formatMoneyIn(locale: Locale, minor: number, currency = 'CNY'): string {
	const f = cached(
		`m:${locale}:${currency}`,
		() =>
			new Intl.NumberFormat(locale, {
				style: 'currency',
				currency,
				currencyDisplay: 'narrowSymbol'
			})
	);
	const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
	return f.format(minor / 10 ** digits);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → '1.5 KB' (binary multiples, at most one decimal). */
export function formatBytesIn(locale: Locale, n: number): string {
	if (!Number.isFinite(n) || n < 0) return '';
	let unit = 0;
	let v = n;
	while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
		v /= 1024;
		unit++;
	}
	const num = cached(
		`b:${locale}`,
		() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
	).format(v);
	return `${num} ${BYTE_UNITS[unit]}`;
}

/**
 * `days` counts days in the past (days since a contact): 0 → today / 今天, 1 → yesterday / 昨天,
 * 5 → 5 days ago / 5天前; a negative number is in the future (-2 → in 2 days / 后天).
 */
export function formatRelativeDaysIn(locale: Locale, days: number): string {
	if (!Number.isFinite(days)) return '';
	return cached(
		`r:${locale}`,
		() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
	).format(-Math.round(days), 'day');
}

/** zh-CN: 甲、乙和丙; en: a, b, and c. */
export function formatListIn(locale: Locale, items: readonly string[]): string {
	return cached(`l:${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(
		items
	);
}

import { fractionDigits } from '$lib/components/home/csv-cells';

/**
 * Amounts typed by people (`12,345.6`, `１２３４５`, `¥8000`) → minor units of the currency; NaN
 * when it is not a plain non-negative amount or has more decimals than the currency allows.
 */
export function parseMoneyInput(text: string, currency: string): number {
	const folded = text
		.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/[\s,¥￥$€£]/g, '');
	if (!/^\d+(\.\d*)?$/.test(folded)) return Number.NaN;
	const [whole = '0', frac = ''] = folded.split('.');
	const digits = fractionDigits(currency);
	if (frac.replace(/0+$/, '').length > digits) return Number.NaN;
	const minor =
		Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0').slice(0, digits) || 0);
	return Number.isSafeInteger(minor) ? minor : Number.NaN;
}

/** Minor units → the text an amount field starts with (`12345.60`, no grouping). */
export function moneyInputOf(minor: number, currency: string): string {
	const digits = fractionDigits(currency);
	if (digits === 0) return String(minor);
	const unit = 10 ** digits;
	return `${Math.floor(minor / unit)}.${String(minor % unit).padStart(digits, '0')}`;
}

/** Currencies offered in the deal form; CNY first. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;

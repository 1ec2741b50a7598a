/**
 * Interactions and orders as CSV rows whose headers the importer maps back by itself, so that
 * export → import (into the same or another install) reproduces the same records. The customer
 * is written as a key the importer links by (`customerExportKey`: first email, else first phone,
 * else name), because record ids differ between installs. Times are wall-clock at the given UTC
 * offset, to the minute (the log is kept to the minute); amounts in major units with their
 * currency, so a -50.00 refund stays -50.00.
 */
import type { Interaction } from '../../domain/interaction/interaction';
import type { Order } from '../../domain/order/order';

export const INTERACTION_EXPORT_FIELDS = [
	'customerKey',
	'type',
	'at',
	'durationMinutes',
	'summary',
	'outcome',
	'satisfaction',
	'nextFollowUp'
] as const;
export type InteractionExportField = (typeof INTERACTION_EXPORT_FIELDS)[number];

export const ORDER_EXPORT_FIELDS = [
	'customerKey',
	'date',
	'amount',
	'currency',
	'product',
	'note'
] as const;
export type OrderExportField = (typeof ORDER_EXPORT_FIELDS)[number];

/** The cell that names a customer in an interaction or order file. */
export function customerExportKey(c: {
	name: string;
	phones: readonly string[];
	emails: readonly string[];
}): string {
	return c.emails[0] ?? c.phones[0]?.split(';ext=')[0] ?? c.name;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2024-03-01 10:30`, wall-clock at `utcOffsetMinutes` (+480 for China). */
export function wallClock(at: number, utcOffsetMinutes: number): string {
	const d = new Date(at + utcOffsetMinutes * 60_000);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
	);
}

/** Minor units per currency (yen and won have none), as the importer reads them. */
const minorDigits = (currency: string): number => (['JPY', 'KRW'].includes(currency) ? 0 : 2);

export function formatAmount(minor: number, currency: string): string {
	const digits = minorDigits(currency);
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor);
	if (digits === 0) return `${sign}${abs}`;
	const unit = 10 ** digits;
	return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

export function interactionExportRows(
	list: Iterable<Interaction>,
	label: (field: InteractionExportField) => string,
	keyOf: (customerId: string) => string,
	utcOffsetMinutes: number
): string[][] {
	const rows: string[][] = [INTERACTION_EXPORT_FIELDS.map(label)];
	for (const i of list)
		rows.push([
			keyOf(i.customerId),
			i.type,
			wallClock(i.at, utcOffsetMinutes),
			i.durationMinutes === null ? '' : String(i.durationMinutes),
			i.summary,
			i.outcome,
			i.satisfaction === null ? '' : String(i.satisfaction),
			i.nextFollowUp ?? ''
		]);
	return rows;
}

export function orderExportRows(
	list: Iterable<Order>,
	label: (field: OrderExportField) => string,
	keyOf: (customerId: string) => string,
	utcOffsetMinutes: number
): string[][] {
	const rows: string[][] = [ORDER_EXPORT_FIELDS.map(label)];
	for (const o of list)
		rows.push([
			keyOf(o.customerId),
			wallClock(o.at, utcOffsetMinutes),
			formatAmount(o.amount.minor, o.amount.currency),
			o.amount.currency,
			o.products.join('; '),
			o.notes
		]);
	return rows;
}

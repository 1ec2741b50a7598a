/**
 * Rows of an interaction log (联系记录) or an order history (购买记录) → drafts. The customer is
 * named by `customerKey` (a name, phone or email as written in the file); the app matches it to a
 * customer. Rejected: no customer key, no usable date, or (orders) no usable amount.
 */
import type { InteractionType } from '../../domain/interaction/interaction';
import { RowCells, type CellIssueCode } from './cells';
import { parseDate, toEpochMs, type DateOrder } from './dates';
import { parseInteractionType } from './enums';
import type { ColumnMapping } from './fields';
import { columnsByField } from './issues';
import type { NormalizedRow } from './normalize';
import { parseNumber } from './numbers';
import { splitList } from './text';

export type ActivityIssueCode =
	| CellIssueCode
	| 'customer_key_missing'
	| 'date_missing'
	| 'date_invalid'
	| 'date_ambiguous'
	| 'type_unknown'
	| 'number_invalid'
	| 'satisfaction_invalid'
	| 'amount_missing';

export interface ActivityOptions {
	dateOrder?: DateOrder;
	/** Offset of the file's wall-clock times from UTC, in minutes (+480 for China). */
	utcOffsetMinutes?: number;
	/** Currency for amounts that name none. */
	currency?: string;
}

export interface InteractionImportDraft {
	customerKey: string;
	type: InteractionType;
	at: number;
	durationMinutes: number | null;
	summary: string;
	outcome: string;
	satisfaction: number | null;
	nextFollowUp: string | null;
}

export interface OrderImportDraft {
	customerKey: string;
	orderNo: string;
	at: number;
	amount: { minor: number; currency: string };
	products: string[];
	quantity: number | null;
	notes: string;
}

/** A required date and time (rejects the row when missing or unreadable). */
function when(row: RowCells, field: string, o: ActivityOptions): number | null {
	const raw = row.one(field);
	if (!raw) {
		row.fail(field, 'date_missing');
		return null;
	}
	const d = parseDate(raw, o.dateOrder);
	if (!d.ok) {
		row.fail(field, d.code);
		return null;
	}
	if (d.ambiguous) row.warn(field, 'date_ambiguous', raw);
	return toEpochMs(d.value, d.minutes, o.utcOffsetMinutes ?? 0);
}

function day(row: RowCells, field: string, o: ActivityOptions): string | null {
	const raw = row.one(field);
	if (!raw) return null;
	const d = parseDate(raw, o.dateOrder);
	if (!d.ok) row.warn(field, d.code, raw);
	else if (d.ambiguous) row.warn(field, 'date_ambiguous', raw);
	return d.ok ? d.value : null;
}

function num(row: RowCells, field: string): number | null {
	const raw = row.one(field);
	if (!raw) return null;
	const n = parseNumber(raw);
	if (!n.ok) row.warn(field, n.code, raw);
	return n.ok ? n.value : null;
}

function key(row: RowCells): string {
	const k = row.one('customerKey');
	if (!k) row.fail('customerKey', 'customer_key_missing');
	return k;
}

export function createInteractionNormalizer(
	mapping: ColumnMapping<'interaction'>,
	o: ActivityOptions = {}
): (cells: readonly string[]) => NormalizedRow<InteractionImportDraft> {
	const columns = columnsByField(mapping);
	return (cells) => {
		const row = new RowCells(cells, columns);
		const typeRaw = row.one('type');
		const type = typeRaw ? parseInteractionType(typeRaw) : 'other';
		if (type === null) row.warn('type', 'type_unknown', typeRaw);
		let satisfaction = num(row, 'satisfaction');
		if (
			satisfaction !== null &&
			!(Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)
		) {
			row.warn('satisfaction', 'satisfaction_invalid', row.one('satisfaction'));
			satisfaction = null;
		}
		const duration = num(row, 'durationMinutes');
		const draft: InteractionImportDraft = {
			customerKey: key(row),
			type: type ?? 'other',
			at: when(row, 'at', o) ?? 0,
			durationMinutes: duration === null ? null : Math.max(0, Math.round(duration)),
			summary: row.one('summary'),
			outcome: row.one('outcome'),
			satisfaction,
			nextFollowUp: day(row, 'nextFollowUp', o)
		};
		return { draft: row.rejected ? null : draft, issues: row.issues };
	};
}

/** Minor units per currency: yen and won have none. */
const minorDigits = (currency: string): number => (['JPY', 'KRW'].includes(currency) ? 0 : 2);

export function createOrderNormalizer(
	mapping: ColumnMapping<'order'>,
	o: ActivityOptions = {}
): (cells: readonly string[]) => NormalizedRow<OrderImportDraft> {
	const columns = columnsByField(mapping);
	return (cells) => {
		const row = new RowCells(cells, columns);
		const customerKey = key(row);
		const at = when(row, 'date', o);
		const amountRaw = row.one('amount');
		const amount = amountRaw ? parseNumber(amountRaw) : null;
		if (!amountRaw) row.fail('amount', 'amount_missing');
		else if (amount && !amount.ok) row.fail('amount', amount.code);
		const currency =
			row.one('currency').toUpperCase() ||
			(amount?.ok ? amount.currency : null) ||
			o.currency ||
			'CNY';
		const value = amount?.ok ? amount.value : 0;
		const draft: OrderImportDraft = {
			customerKey,
			orderNo: row.one('orderNo'),
			at: at ?? 0,
			amount: { minor: Math.round(value * 10 ** minorDigits(currency)), currency },
			products: row.all('product').flatMap(splitList),
			quantity: num(row, 'quantity'),
			notes: row.all('note').join('\n')
		};
		return { draft: row.rejected ? null : draft, issues: row.issues };
	};
}

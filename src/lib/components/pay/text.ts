import type { StatementLine } from '$lib/domain/pay/statement';
import { formatDate, formatMoney, hasMessage, i18n, t } from '$lib/i18n/i18n.svelte';

/** Texts of pay: a statement line's name, its rate, what a refusal says. */

/** A month's first day as its name ("March 2026"). */
export function monthText(start: string): string {
	const [y, m] = start.split('-').map(Number);
	return new Intl.DateTimeFormat(i18n.locale, {
		year: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

export function lineText(line: StatementLine, currency?: string): string {
	const d = line.detail;
	switch (d.kind) {
		case 'base':
			return t('pay.line_base');
		case 'commission':
			return d.toPct === null
				? t('pay.line_commission_open', { from: d.fromPct })
				: t('pay.line_commission', { from: d.fromPct, to: d.toPct });
		case 'performance_bonus':
			return d.score === null
				? t('pay.line_performance_bonus_none')
				: t('pay.line_performance_bonus', { score: String(d.score) });
		case 'team_bonus': {
			const method = t(`pay.method_${d.method}`);
			return d.leftoverMinor > 0 && currency
				? t('pay.line_team_bonus_leftover', {
						method,
						leftover: formatMoney(d.leftoverMinor, currency)
					})
				: t('pay.line_team_bonus', { method });
		}
		case 'adjustment':
			return d.sourcePeriodStart === null
				? t('pay.line_manual', { kind: t(`pay.adjustment_${d.adjustmentKind}`), note: d.note })
				: t('pay.line_adjustment', {
						kind: t(`pay.adjustment_${d.adjustmentKind}`),
						month: monthText(d.sourcePeriodStart)
					});
	}
}

export function rateText(line: StatementLine, currency?: string): string {
	const r = line.rate;
	if (!r) return '—';
	if (r.unit === 'percent') return `${r.value}%`;
	if (r.unit === 'multiplier') return t('pay.rate_multiplier', { value: r.value });
	// A split by sales weighs each member by their sales, in minor units: shown as money.
	const bySales = line.detail.kind === 'team_bonus' && line.detail.method === 'sales';
	const w = (x: string) => (bySales && currency ? formatMoney(Number(x), currency) : x);
	return t('pay.rate_share', { weight: w(r.weight), total: w(r.totalWeight) });
}

export function appliesText(line: StatementLine, currency: string): string {
	return line.appliesToMinor === null ? '—' : formatMoney(line.appliesToMinor, currency);
}

export function planRefText(line: StatementLine): string {
	return line.plan ? t('pay.plan_of', { date: formatDate(line.plan.effective) }) : '—';
}

export function payErrorText(code: string): string {
	const key = `pay.error_${code}`;
	return hasMessage(key) ? t(key) : t('common.error_generic');
}

/** A synced table's record name ("Compensation plan"); the table's own name if unknown. */
export function recordText(table: string): string {
	const key = `records.${table}_one`;
	return hasMessage(key) ? t(key) : table;
}

/** A pay record's field as the set-aside list names it; the field's own name if unknown. */
export function fieldText(field: string): string {
	const key = `pay.field_${field}`;
	return hasMessage(key) ? t(key) : field;
}

/** A field's value in the set-aside list: money in its record's currency, else short text. */
export function valueText(field: string, value: unknown, record: Record<string, unknown>): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'number' && field.endsWith('Minor') && typeof record.currency === 'string')
		return formatMoney(value, record.currency);
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	const m = value as { minor?: unknown; currency?: unknown };
	if (typeof m.minor === 'number' && typeof m.currency === 'string')
		return formatMoney(m.minor, m.currency);
	const text = JSON.stringify(value);
	return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

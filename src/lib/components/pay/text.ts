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

export function lineText(line: StatementLine): string {
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
		case 'team_bonus':
			return t('pay.line_team_bonus', { method: t(`pay.method_${d.method}`) });
		case 'adjustment':
			return d.sourcePeriodStart === null
				? t('pay.line_one_off')
				: t('pay.line_adjustment', {
						kind: t(`pay.adjustment_${d.adjustmentKind}`),
						month: monthText(d.sourcePeriodStart)
					});
	}
}

export function rateText(line: StatementLine): string {
	const r = line.rate;
	if (!r) return '—';
	if (r.unit === 'percent') return `${r.value}%`;
	if (r.unit === 'multiplier') return t('pay.rate_multiplier', { value: r.value });
	return t('pay.rate_share', { weight: r.weight, total: r.totalWeight });
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

import { DAY_MS, periodFrom } from '$lib/domain/shared/dates';
import type { Goal } from '$lib/domain/goal/goal';
import { i18n } from '$lib/i18n/i18n.svelte';
import { periodText } from './text';

/** "Month: November 2026", "Quarter: Oct 2026 – Dec 2026", "Year: 2026". */
export function goalPeriodText(goal: Pick<Goal, 'periodKind' | 'periodStart'>): string {
	const p = periodFrom(goal.periodKind, goal.periodStart, 0);
	if (!p) return goal.periodStart;
	const month = new Intl.DateTimeFormat(i18n.locale, {
		year: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	});
	const first = new Date(p.startAt);
	const last = new Date(p.endAt - DAY_MS);
	const kind = periodText(goal.periodKind);
	if (goal.periodKind === 'month')
		return `${kind}: ${new Intl.DateTimeFormat(i18n.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(first)}`;
	if (goal.periodKind === 'year' && first.getUTCMonth() === 0)
		return `${kind}: ${first.getUTCFullYear()}`;
	return `${kind}: ${month.format(first)} – ${month.format(last)}`;
}

/** First day of the month, quarter (Jan/Apr/Jul/Oct) or year containing a `YYYY-MM` month. */
export function periodStartFor(kind: Goal['periodKind'], month: string): string {
	const m = /^(\d{4})-(\d{2})$/.exec(month);
	if (!m) return '';
	const mo = Number(m[2]);
	const start = kind === 'year' ? 1 : kind === 'quarter' ? mo - ((mo - 1) % 3) : mo;
	return `${m[1]}-${String(start).padStart(2, '0')}-01`;
}

import { metricText, periodText } from '$lib/components/goal/text';
import { interactionTypeText } from '$lib/components/interaction/text';
import type { TrashEntry } from '$lib/db/repos/trash';
import type { TrashKind } from '$lib/domain/trash/kinds';
import { trashDaysLeft } from '$lib/domain/trash/days';
import { formatDate, formatMoney, formatNumber, plural, t } from '$lib/i18n/i18n.svelte';

/**
 * What a person recognises a trashed record by, per kind: what it is (a name, a title, a
 * summary), its customer, a detail (a type, an amount, a score) and its own date.
 */
export interface EntryText {
	what: string;
	customer: string;
	details: string;
	date: string;
}

const orUntitled = (s: string): string => s.trim() || t('trash.untitled');

function customerText(e: TrashEntry): string {
	const c = e.customer;
	if (!c) return '';
	if (c.state === 'here') return c.name ?? '';
	if (c.state === 'trashed') return t('trash.customer_trashed', { name: c.name ?? '' });
	return t(`trash.customer_${c.state}`);
}

function describe(e: TrashEntry): Omit<EntryText, 'customer'> {
	switch (e.kind) {
		case 'customers':
			return { what: orUntitled(e.record.name), details: '', date: '' };
		case 'contacts':
			return { what: orUntitled(e.record.name), details: e.record.title, date: '' };
		case 'interactions':
			return {
				what: orUntitled(e.record.summary),
				details: interactionTypeText(e.record.type),
				date: formatDate(e.record.at)
			};
		case 'tasks':
			return { what: orUntitled(e.record.title), details: '', date: formatDate(e.record.dueAt) };
		case 'deals':
			return {
				what: orUntitled(e.record.title),
				details: formatMoney(e.record.amount.minor, e.record.amount.currency),
				date: formatDate(e.record.createdAt)
			};
		case 'orders':
			return {
				what: orUntitled(e.record.products.join(', ')),
				details: formatMoney(e.record.amount.minor, e.record.amount.currency),
				date: formatDate(e.record.at)
			};
		case 'tickets':
			return { what: orUntitled(e.record.title), details: '', date: formatDate(e.record.openedAt) };
		case 'feedback': {
			const score = { score: e.record.score };
			const details =
				e.record.kind === 'nps' ? t('trash.feedback_nps', score) : t('trash.feedback_csat', score);
			return {
				what: orUntitled(e.record.comment || details),
				details,
				date: formatDate(e.record.at)
			};
		}
		case 'goals':
			return {
				what: metricText(e.record.metric),
				details: t('trash.goal_details', {
					owner: e.ownerName ?? '',
					period: periodText(e.record.periodKind),
					start: formatDate(e.record.periodStart),
					target: formatNumber(e.record.target)
				}),
				date: ''
			};
	}
}

export function entryText(e: TrashEntry): EntryText {
	return { ...describe(e), customer: customerText(e) };
}

/** Days left of the 30, as shown in the list. */
export function daysLeftText(trashedAt: number | null, now: number): string {
	const days = trashDaysLeft(trashedAt ?? now, now);
	return days === 0 ? t('trash.days_left_zero') : plural('trash.days_left', days, { days });
}

/** Which columns a kind's table shows besides what it is, when and its actions. */
export function columnsOf(kind: TrashKind): { customer: boolean; details: boolean; date: boolean } {
	return {
		customer: kind !== 'customers' && kind !== 'goals',
		details: kind !== 'customers' && kind !== 'tasks' && kind !== 'tickets',
		date: kind !== 'customers' && kind !== 'contacts' && kind !== 'goals'
	};
}

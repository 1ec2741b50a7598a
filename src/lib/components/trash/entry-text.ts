import { metricText, periodText } from '$lib/components/goal/text';
import { interactionTypeText } from '$lib/components/interaction/text';
import { scopeText } from '$lib/components/plan/scope-text';
import { spanText } from '$lib/components/plan/text';
import { courseKindText, trainingResultText } from '$lib/components/training/text';
import type { TrashEntry } from '$lib/db/repos/trash';
import { itemsOf, plannedOf, scopeOf } from '$lib/domain/plan/shapes';
import { TRASH_PARTS, type TrashKind } from '$lib/domain/trash/kinds';
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

/** `stageLabels`: the team's names of its deal stages, for a stage's checklist. */
function describe(e: TrashEntry, stageLabels: Record<string, string>): Omit<EntryText, 'customer'> {
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
		case 'courses':
			return {
				what: orUntitled(e.record.title),
				details: t('trash.course_details', {
					kind: courseKindText(e.record.kind),
					hours: formatNumber(e.record.hours)
				}),
				date: ''
			};
		case 'trainingRecords':
			return {
				what: e.courseTitle ?? t('trash.course_unknown'),
				details: t('trash.training_details', {
					member: e.ownerName ?? '',
					hours: formatNumber(e.record.hours),
					result: trainingResultText(e.record.result)
				}),
				date: formatDate(e.record.date)
			};
		case 'workPlans': {
			const planned = plannedOf(e.record.planned);
			return {
				what: t('trash.work_plan_what', {
					span: spanText(e.record.span),
					start: formatDate(e.record.start)
				}),
				details: t('trash.work_plan_details', {
					member: e.ownerName ?? '',
					visits: formatNumber(planned.visits),
					calls: formatNumber(planned.calls),
					customers: formatNumber(planned.new_customers)
				}),
				date: ''
			};
		}
		case 'checklists': {
			const scope = scopeOf(e.record.scope);
			const count = itemsOf(e.record.items).length;
			return {
				what: scope ? scopeText(scope, stageLabels) : t('trash.untitled'),
				details: plural('trash.checklist_items', count, { count }),
				date: ''
			};
		}
	}
}

export function entryText(e: TrashEntry, stageLabels: Record<string, string> = {}): EntryText {
	return { ...describe(e, stageLabels), customer: customerText(e) };
}

/**
 * Days left of the 30, as shown in the list; for a course that training records name, that it
 * stays (it is not deleted for good while they do).
 */
export function daysLeftText(e: TrashEntry, now: number): string {
	if (e.namedBy > 0) return plural('trash.course_kept', e.namedBy, { count: e.namedBy });
	const days = trashDaysLeft(e.record.trashedAt ?? now, now);
	return days === 0 ? t('trash.days_left_zero') : plural('trash.days_left', days, { days });
}

const PARTS: ReadonlySet<TrashKind> = new Set(TRASH_PARTS);
const NO_DETAILS: ReadonlySet<TrashKind> = new Set(['customers', 'tasks', 'tickets']);
const DATED: ReadonlySet<TrashKind> = new Set([
	...TRASH_PARTS.filter((k) => k !== 'contacts'),
	'trainingRecords'
]);

/** Which columns a kind's table shows besides what it is, when and its actions. */
export function columnsOf(kind: TrashKind): { customer: boolean; details: boolean; date: boolean } {
	return { customer: PARTS.has(kind), details: !NO_DETAILS.has(kind), date: DATED.has(kind) };
}

import type { KeptRecord, UndoSummary } from '$lib/db/repos/undo-plan';
import type { MessageKey } from '$lib/i18n/catalog';
import { formatNumber, t } from '$lib/i18n/i18n.svelte';
import type { KeptReason } from '$lib/sync/undo';

/** What Undo does with the records an import created: CSV ones go to the trash, a snapshot's leave. */
export type UndoMode = 'trash' | 'remove';

function count(n: number, one: MessageKey, other: MessageKey): string {
	return t(n === 1 ? one : other, { n: formatNumber(n) });
}

/** The confirmation's lines: what will be restored, trashed or removed, kept, and stays erased. */
export function planLines(s: UndoSummary, mode: UndoMode): string[] {
	const lines = [
		count(s.restored, 'undo.restore_one', 'undo.restore_other'),
		mode === 'trash'
			? count(s.removed, 'undo.trash_one', 'undo.trash_other')
			: count(s.removed, 'undo.remove_one', 'undo.remove_other'),
		count(s.keptCount, 'undo.keep_one', 'undo.keep_other')
	];
	if (s.erased > 0) lines.push(count(s.erased, 'undo.erased_one', 'undo.erased_other'));
	return lines;
}

const REASONS: Record<KeptReason, MessageKey> = {
	edited: 'undo.reason_edited',
	linked: 'undo.reason_linked',
	with_parent: 'undo.reason_with_parent',
	changed: 'undo.reason_changed',
	unknown: 'undo.reason_unknown'
};

const KINDS: Record<string, MessageKey> = {
	members: 'undo.kind_members',
	customers: 'undo.kind_customers',
	contacts: 'undo.kind_contacts',
	interactions: 'undo.kind_interactions',
	tasks: 'undo.kind_tasks',
	deals: 'undo.kind_deals',
	orders: 'undo.kind_orders',
	tickets: 'undo.kind_tickets',
	feedback: 'undo.kind_feedback',
	goals: 'undo.kind_goals',
	reviews: 'undo.kind_reviews'
};

/** A kept record as a person reads it: which record, and why it was kept. */
export function keptText(k: KeptRecord): { what: string; why: string } {
	const kind = t(KINDS[k.table] ?? 'undo.kind_other');
	const what =
		k.customer !== null && k.table !== 'customers'
			? t('undo.kept_item_of', { kind, customer: k.customer, label: k.label })
			: t('undo.kept_item', { kind, label: k.label });
	return { what, why: t(REASONS[k.reason]) };
}

import { oneRecordName } from '$lib/components/kind-text';
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

/** A kept record as a person reads it: which record, and why it was kept. */
export function keptText(k: KeptRecord): { what: string; why: string } {
	const kind = oneRecordName(k.table);
	const what =
		k.customer !== null && k.table !== 'customers'
			? t('undo.kept_item_of', { kind, customer: k.customer, label: k.label })
			: t('undo.kept_item', { kind, label: k.label });
	return { what, why: t(REASONS[k.reason]) };
}

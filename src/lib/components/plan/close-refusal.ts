import { ChecklistIncomplete } from '$lib/db/repos/checklist-gate';
import { formatList, t } from '$lib/i18n/i18n.svelte';

/** A ticket's close refused by its checklist, naming the items to tick; null for any other error. */
export function closeRefusalText(err: unknown): string | null {
	return err instanceof ChecklistIncomplete
		? t('plan.blocks_close', { items: formatList(err.labels.filter(Boolean)) })
		: null;
}

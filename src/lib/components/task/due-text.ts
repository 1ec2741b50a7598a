import { localDayStart } from '$lib/domain/shared/dates';
import { formatDate, formatDateTime } from '$lib/i18n/i18n.svelte';
import { localOffset } from '$lib/components/ui/local-offset';

/** A task due at local midnight is a date-only task: its date alone is shown. */
export function dueText(dueAt: number): string {
	return localDayStart(dueAt, localOffset(dueAt)) === dueAt
		? formatDate(dueAt)
		: formatDateTime(dueAt);
}

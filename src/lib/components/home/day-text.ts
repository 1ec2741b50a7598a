import { hasMessage, t, type MessageKey } from '$lib/i18n/i18n.svelte';

/**
 * Codes of the day pages → messages. Keys are built from codes (`day.error_${code}` …); a code
 * without a message shows a generic text instead of a raw key.
 */
const inDay = (key: string): boolean => hasMessage(`day.${key}`);

function dayKey(key: string, fallback: string): string {
	return t(`day.${inDay(key) ? key : fallback}` as MessageKey);
}

/** An error code of a day repository, or of logging a contact (a follow-up). */
export function dayErrorText(code: string): string {
	if (inDay(`error_${code}`)) return t(`day.error_${code}` as MessageKey);
	if (hasMessage(`interactions.error_${code}`))
		return t(`interactions.error_${code}` as MessageKey);
	return t('day.error_unknown');
}

/** A deal stage: the translated name of a default stage, or the name a team gave its own. */
export function stageName(key: string, labels: Readonly<Record<string, string>> = {}): string {
	return labels[key] || (inDay(`stage_${key}`) ? t(`day.stage_${key}` as MessageKey) : key);
}

export const metricText = (m: string) => dayKey(`metric_${m}`, 'error_unknown');
export const paceText = (p: string) => dayKey(`pace_${p}`, 'error_unknown');
export const periodText = (k: string) => dayKey(`period_${k}`, 'error_unknown');
export const taskPriorityText = (p: string) => dayKey(`task_priority_${p}`, 'task_priority_normal');
export const taskKindText = (k: string) => dayKey(`task_kind_${k}`, 'task_kind_todo');
export const ticketStatusText = (s: string) => dayKey(`ticket_status_${s}`, 'error_unknown');
export const ticketKindText = (k: string) => dayKey(`ticket_kind_${k}`, 'error_unknown');
export const ticketPriorityText = (p: string) => dayKey(`ticket_priority_${p}`, 'error_unknown');
export const departmentText = (d: string) => dayKey(`department_${d || 'none'}`, 'department_none');
export const channelText = (c: string) => dayKey(`channel_${c}`, 'channel_other');
export const feedbackKindText = (k: string) => dayKey(`feedback_kind_${k}`, 'error_unknown');

/** Minutes east of UTC of the browser's zone now, as the pure period rules take it. */
export function localOffset(at = Date.now()): number {
	return -new Date(at).getTimezoneOffset();
}

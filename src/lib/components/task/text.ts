import { codeText, errorText } from '$lib/i18n/i18n.svelte';

/** Task codes → messages; a code without a message shows the default's. */
export const taskPriorityText = (p: string): string =>
	codeText(`tasks.task_priority_${p}`, 'tasks.task_priority_normal');
export const taskKindText = (k: string): string =>
	codeText(`tasks.task_kind_${k}`, 'tasks.task_kind_todo');

/** A validation code of a task or of the follow-up cadence. */
export const taskErrorText = (code: string): string => errorText('tasks', code);

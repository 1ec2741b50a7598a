import { isOneOf } from '$lib/domain/shared/one-of';
import { TASK_KINDS, TASK_PRIORITIES } from '$lib/domain/task/task';
import { errorText, t } from '$lib/i18n/i18n.svelte';

/** Task codes → messages; a code outside its set shows the default's. */
export const taskPriorityText = (p: string): string =>
	t(isOneOf(TASK_PRIORITIES, p) ? `tasks.task_priority_${p}` : 'tasks.task_priority_normal');
export const taskKindText = (k: string): string =>
	t(isOneOf(TASK_KINDS, k) ? `tasks.task_kind_${k}` : 'tasks.task_kind_todo');

/** A validation code of a task or of the follow-up cadence. */
export const taskErrorText = (code: string): string => errorText('tasks', code);

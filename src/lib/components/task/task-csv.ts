import { csvDateTime } from '$lib/components/home/csv-cells';
import { taskKindText, taskPriorityText } from './text';
import type { Task } from '$lib/domain/task/task';
import { t } from '$lib/i18n/i18n.svelte';

/** The task list as CSV rows, header first, in the interface language. */
export function taskCsvRows(tasks: readonly Task[], customerName: (id: string) => string) {
	const header = [
		t('tasks.task_field_title'),
		t('tasks.task_field_due'),
		t('tasks.task_field_priority'),
		t('tasks.task_field_kind'),
		t('common.customer'),
		t('tasks.task_field_status'),
		t('tasks.task_done_at')
	];
	const rows = tasks.map((task) => [
		task.title,
		csvDateTime(task.dueAt),
		taskPriorityText(task.priority),
		taskKindText(task.kind),
		task.customerId ? customerName(task.customerId) : '',
		task.done ? t('tasks.task_status_done') : t('tasks.task_status_open'),
		csvDateTime(task.doneAt)
	]);
	return [header, ...rows];
}

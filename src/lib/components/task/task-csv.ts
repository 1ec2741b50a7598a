import { csvDateTime } from '$lib/components/home/csv-cells';
import { taskKindText, taskPriorityText } from '$lib/components/home/day-text';
import type { Task } from '$lib/domain/task/task';
import { t } from '$lib/i18n/i18n.svelte';

/** The task list as CSV rows, header first, in the interface language. */
export function taskCsvRows(tasks: readonly Task[], customerName: (id: string) => string) {
	const header = [
		t('day.task_field_title'),
		t('day.task_field_due'),
		t('day.task_field_priority'),
		t('day.task_field_kind'),
		t('day.customer'),
		t('day.task_field_status'),
		t('day.task_done_at')
	];
	const rows = tasks.map((task) => [
		task.title,
		csvDateTime(task.dueAt),
		taskPriorityText(task.priority),
		taskKindText(task.kind),
		task.customerId ? customerName(task.customerId) : '',
		task.done ? t('day.task_status_done') : t('day.task_status_open'),
		csvDateTime(task.doneAt)
	]);
	return [header, ...rows];
}

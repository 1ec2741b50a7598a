import { describe, expect, it } from 'vitest';
import type { Task } from '$lib/domain/task/task';
import { i18n } from '$lib/i18n/i18n.svelte';
import { taskCsvRows } from './task-csv';

const meta = { created: { hlc: 'h', by: 'm' }, updated: 'h' };
const task = (over: Partial<Task>): Task => ({
	id: 't',
	title: 'Call back',
	dueAt: new Date(2026, 2, 4, 15, 30).getTime(),
	priority: 'high',
	customerId: 'c1',
	dealId: null,
	fromInteractionId: null,
	kind: 'follow_up',
	done: false,
	doneAt: null,
	ownerId: 'm',
	trashedAt: null,
	_meta: meta,
	...over
});

describe('taskCsvRows', () => {
	it('has a translated header and one row per task', () => {
		i18n.setLocale('en');
		const rows = taskCsvRows([task({}), task({ id: 'u', customerId: null, done: true })], (id) =>
			id === 'c1' ? '张三' : ''
		);
		expect(rows[0]?.[0]).toBe('Title');
		expect(rows[1]).toEqual([
			'Call back',
			'2026-03-04 15:30',
			'High',
			'Follow-up',
			'张三',
			'Open',
			''
		]);
		expect(rows[2]?.[4]).toBe('');
		expect(rows[2]?.[5]).toBe('Done');
		i18n.setLocale('zh-CN');
		expect(taskCsvRows([], () => '')[0]?.[0]).toBe('标题');
	});
});

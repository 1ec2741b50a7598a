import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { getCustomer } from './customers';
import { listInteractions } from './interactions';
import {
	completeFollowUp,
	createTask,
	getCadence,
	tasksDueOf,
	listTasksForCustomer,
	setCadence,
	setTaskDone
} from './tasks';
import { contact, customer, DAY, errorCodes, HOUR, me, TZ } from './test-fixtures';

describe('tasks', () => {
	it('creates, lists open ones by owner and due time, and completes', async () => {
		const owner = await me();
		const c = await customer('任务客户');
		const now = Date.now();
		const id = await createTask({
			title: ' 发送报价 ',
			dueAt: now - DAY,
			priority: 'high',
			customerId: c,
			dealId: null,
			kind: 'todo',
			ownerId: owner
		});
		await createTask({
			title: 'Later',
			dueAt: now + 30 * DAY,
			priority: 'low',
			customerId: null,
			dealId: null,
			kind: 'todo',
			ownerId: owner
		});
		const due = await tasksDueOf(owner, now, TZ);
		expect(due.overdue.first.map((t) => t.title)).toContain('发送报价');
		const shown = [...due.overdue.first, ...due.today.first].map((t) => t.title);
		expect(shown).not.toContain('Later');
		const other = await tasksDueOf('someone-else', now, TZ);
		expect(other.overdue.total + other.today.total).toBe(0);
		await setTaskDone(id, true);
		expect((await tasksDueOf(owner, now, TZ)).overdue.first.map((t) => t.id)).not.toContain(id);
		expect((await db().tasks.get(id))?._meta.fields?.done).toBeDefined();
	});

	it('counts every overdue task and reads the first in due order, ties by priority', async () => {
		const owner = `owner-${crypto.randomUUID()}`;
		const now = Date.now();
		const at = now - 3 * DAY;
		const task = (title: string, dueAt: number, priority: 'high' | 'normal' | 'low') =>
			createTask({
				title,
				dueAt,
				priority,
				customerId: null,
				dealId: null,
				kind: 'todo',
				ownerId: owner
			});
		await task('c-low', at, 'low');
		await task('d-later', at + HOUR, 'high');
		await task('b-high', at, 'high');
		await task('a-first', at - HOUR, 'low');
		const done = await task('done', at - 2 * HOUR, 'high');
		await setTaskDone(done, true);
		const due = await tasksDueOf(owner, now, TZ, 3);
		expect(due.overdue.total).toBe(4);
		expect(due.overdue.first.map((t) => t.title)).toEqual(['a-first', 'b-high', 'c-low']);
		expect(due.today.total).toBe(0);
		const two = await tasksDueOf(owner, now, TZ, 2);
		expect(two.overdue.first.map((t) => t.title)).toEqual(['a-first', 'b-high']);
	});

	it('refuses a task without a title or a valid due time', async () => {
		const codes = await errorCodes(
			createTask({
				title: '  ',
				dueAt: Number.NaN,
				priority: 'normal',
				customerId: null,
				dealId: null,
				kind: 'todo',
				ownerId: await me()
			})
		);
		expect(codes).toEqual(['title_required', 'due_invalid']);
	});

	it('keeps the cadence per tier, refusing nonsense', async () => {
		expect(await getCadence()).toEqual({ A: 14, B: 30, C: 90 });
		await setCadence({ A: 7, B: 30, C: 0 });
		expect(await getCadence()).toEqual({ A: 7, B: 30, C: 0 });
		expect(await errorCodes(setCadence({ A: -1, B: 1.5, C: 3 }))).toEqual([
			'cadence_invalid',
			'cadence_invalid'
		]);
		await setCadence({ A: 14, B: 30, C: 90 });
	});

	it('completing a follow-up logs the contact and records a done follow-up', async () => {
		const owner = await me();
		const c = await customer('回访客户', { tier: 'A' });
		const at = Date.now() - 60_000;
		await completeFollowUp(contact(c, owner, at, { summary: '电话回访' }), null);
		expect((await listInteractions(c)).map((i) => i.summary)).toEqual(['电话回访']);
		expect((await getCustomer(c))?.lastContactAt).toBe(at);
		const tasks = await listTasksForCustomer(c);
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({ kind: 'follow_up', done: true });

		const taskId = await createTask({
			title: 'Follow up',
			dueAt: Date.now(),
			priority: 'normal',
			customerId: c,
			dealId: null,
			kind: 'follow_up',
			ownerId: owner
		});
		await completeFollowUp(contact(c, owner, Date.now()), taskId);
		expect((await db().tasks.get(taskId))?.done).toBe(true);
		expect(await listTasksForCustomer(c)).toHaveLength(2);
	});
});

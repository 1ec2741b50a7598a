import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { nextStamp } from '../session';
import { createDeal, moveDealTo } from './deals';
import { eraseMember } from './person';
import { setMemberFact } from './team-facts';
import { handOver, listHandOvers, previewHandOver, undoHandOver } from './team-handover';
import { addMember } from './team-roster';
import { createTask, setTaskDone } from './tasks';
import { createTicket } from './tickets';
import { customer, DAY, errorCodes, newMember } from './test-fixtures';

async function workOf(ownerId: string) {
	const c1 = await customer('客户一', { ownerId });
	const c2 = await customer('客户二', { ownerId });
	const deal = (title: string) =>
		createDeal(
			{
				customerId: c1,
				title,
				amount: { minor: 100_00, currency: 'CNY' },
				expectedClose: '',
				probability: 10,
				products: [],
				competitor: '',
				nextStep: '',
				ownerId
			},
			'lead'
		);
	const open = await deal('开放商机');
	const won = await deal('赢单商机');
	await moveDealTo(won, 'won');
	const task = (title: string) =>
		createTask({
			title,
			dueAt: Date.now() + DAY,
			priority: 'normal',
			customerId: c1,
			dealId: null,
			kind: 'todo',
			ownerId
		});
	const openTask = await task('待办');
	await setTaskDone(await task('已完成'), true);
	const ticket = await createTicket({
		customerId: c2,
		kind: 'complaint',
		priority: 'normal',
		title: '投诉',
		description: '',
		openedAt: Date.now() - DAY,
		ownerId
	});
	return { c1, c2, open, won, openTask, ticket };
}

const owner = async (table: string, id: string) =>
	((await db().table(table).get(id)) as { ownerId: string }).ownerId;

describe('a member’s hand-over', () => {
	it('previews the counts, moves customers and open work only, and is listed', async () => {
		const li = await addMember(newMember('李娜'));
		const wang = await addMember(newMember('王磊'));
		const w = await workOf(li);
		const preview = await previewHandOver(li, wang);
		expect(preview).toEqual({
			counts: { customers: 2, deals: 1, tasks: 1, tickets: 1 },
			errors: []
		});
		// A preview writes nothing.
		expect(await owner('customers', w.c1)).toBe(li);

		const id = await handOver(li, wang);
		for (const [table, rid] of [
			['customers', w.c1],
			['customers', w.c2],
			['deals', w.open],
			['tasks', w.openTask],
			['tickets', w.ticket]
		] as const)
			expect(await owner(table, rid), `${table} ${rid}`).toBe(wang);
		expect(await owner('deals', w.won)).toBe(li);
		const [listed] = await listHandOvers(li);
		expect(listed).toMatchObject({
			id,
			from: li,
			to: wang,
			fromName: '李娜',
			toName: '王磊',
			counts: { customers: 2, deals: 1, tasks: 1, tickets: 1 },
			undone: false
		});
		expect(await listHandOvers(await addMember(newMember('旁人')))).toEqual([]);
		expect((await previewHandOver(li, wang)).errors).toEqual([
			{ field: 'from', code: 'handover_nothing' }
		]);
	});

	it('undoes what was not handed on since, and only once', async () => {
		const li = await addMember(newMember('李娜'));
		const wang = await addMember(newMember('王磊'));
		const emma = await addMember(newMember('Emma'));
		const w = await workOf(li);
		const id = await handOver(li, wang);
		// One customer is given to Emma after the hand-over: that later choice stands.
		const c2 = (await db().customers.get(w.c2))!;
		await db().customers.put(editRecord(c2, { ownerId: emma }, await nextStamp()).next);

		expect(await undoHandOver(id)).toEqual({ restored: 4, kept: 1 });
		expect(await owner('customers', w.c1)).toBe(li);
		expect(await owner('deals', w.open)).toBe(li);
		expect(await owner('tickets', w.ticket)).toBe(li);
		expect(await owner('customers', w.c2)).toBe(emma);
		expect((await listHandOvers(li))[0]?.undone).toBe(true);
		expect(await errorCodes(undoHandOver(id))).toEqual(['handover_already_undone']);
		expect(await errorCodes(undoHandOver('nothing'))).toEqual(['handover_not_found']);
	});

	it('is not undone once its member is gone, and an erasure leaves no name in it', async () => {
		const li = await addMember(newMember('孙丽'));
		const wang = await addMember(newMember('王磊'));
		await workOf(li);
		const id = await handOver(li, wang);
		await eraseMember(li);
		expect(await errorCodes(undoHandOver(id))).toEqual(['handover_member_gone']);
		const [entry] = await listHandOvers(wang);
		expect(entry).toMatchObject({ id, from: li, fromName: '', toName: '王磊' });
	});

	it('refuses a hand-over to oneself or to a member who left, changing nothing', async () => {
		const li = await addMember(newMember('李娜'));
		const zhao = await addMember(newMember('赵六'));
		const w = await workOf(li);
		await setMemberFact({
			memberId: zhao,
			kind: 'status',
			value: 'left',
			from: '2025-01-01',
			note: ''
		});
		expect(await errorCodes(handOver(li, li))).toEqual(['handover_same_member']);
		expect(await errorCodes(handOver(li, zhao))).toEqual(['handover_to_left']);
		expect(await errorCodes(handOver(li, 'stranger'))).toEqual(['handover_to_unknown']);
		expect(await owner('customers', w.c1)).toBe(li);
	});
});

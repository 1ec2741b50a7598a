import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TRASH_KINDS, type TrashKind } from '$lib/domain/trash/kinds';
import { createRecord, editRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import { db } from '../db';
import { nextStamp } from '../session';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { getCustomer, trashCustomer } from './customers';
import { logInteraction } from './interactions';
import { purgeTrashed } from './purge';
import { listChecklists, removeChecklist, saveChecklist } from './checklists';
import { createCourse, listCourses, removeCourse } from './courses';
import { createGoal, listGoals, trashGoal } from './goals';
import { addMember } from './team-roster';
import { createTrainingRecord, listTrainingRecords, trashTrainingRecord } from './training-records';
import { getWorkPlan, removeWorkPlan, saveWorkPlan } from './work-plans';
import { contact, customer, DAY, me, newMember } from './test-fixtures';
import { listTrashed, purgeFromTrash, restoreTrashed, type TrashGroup } from './trash';
import { purgeExpiredTrash } from './trash-expiry';

/**
 * The trash of every kind: listed with what a person knows each record by, restored as stamped
 * edits (with its customer when that is trashed too, never when it is gone), and deleted for
 * good with tombstones, by hand or 30 days on.
 */
type Row = SyncRecord & Record<string, unknown>;
let n = 0;

/** Stores a record of `table` as created by this device; returns its id. */
async function put(table: string, data: Record<string, unknown>): Promise<string> {
	const id = `${table}-${++n}`;
	await db()
		.table(table)
		.put(createRecord<Row>(id, { trashedAt: null, ...data }, await nextStamp()));
	return id;
}

/** Moves a record to the trash as every path does: a stamped edit of trashedAt. */
async function trash(table: string, id: string, at = Date.now()): Promise<void> {
	const current = (await db().table(table).get(id)) as Row;
	await db()
		.table(table)
		.put(editRecord(current, { trashedAt: at }, await nextStamp()).next);
}

async function call(customerId: string, summary: string, at = Date.now() - DAY) {
	return logInteraction(contact(customerId, await me(), at, { summary }));
}

const order = async (customerId: string, products: string[]) =>
	put('orders', {
		customerId,
		dealId: null,
		at: Date.now() - DAY,
		amount: { minor: 123_450, currency: 'CNY' },
		products,
		notes: '',
		ownerId: await me()
	});

const task = async (customerId: string | null, title: string) =>
	put('tasks', {
		title,
		dueAt: Date.now() + DAY,
		priority: 'normal',
		customerId,
		dealId: null,
		fromInteractionId: null,
		kind: 'todo',
		done: false,
		doneAt: null,
		ownerId: await me()
	});

const ids = (groups: TrashGroup[], kind: TrashKind) =>
	groups.find((g) => g.kind === kind)?.entries.map((e) => e.record.id) ?? [];

/** Deletes a customer leaving only its tombstone, as an erasure elsewhere would. */
async function eraseOnly(customerId: string): Promise<void> {
	const s = await nextStamp();
	await db().customers.delete(customerId);
	await db().tombstones.put({ table: 'customers', id: customerId, hlc: s.hlc, by: s.by });
}

describe('the trash of every kind', () => {
	it('names only synced tables', () => {
		for (const kind of TRASH_KINDS) expect(SYNCED_TABLES).toContain(kind);
	});

	it('lists every kind trashed, grouped in order, newest first, with its customer', async () => {
		const wang = await customer('王五 list');
		const first = await call(wang, '介绍新品');
		const second = await call(wang, '上门演示');
		const o = await order(wang, ['维保服务']);
		const t = await task(null, '整理名片');
		// A goal is private to its member: this manager sees it as 李经理 reports to them.
		const manager = await addMember(newMember('李经理', { reportsTo: await me() }));
		const g = await put('goals', {
			ownerId: manager,
			metric: 'interactions',
			periodKind: 'month',
			periodStart: '2024-01-01',
			target: 10,
			setBy: await me()
		});
		await trash('interactions', first, Date.now() - 2_000);
		await trash('interactions', second, Date.now() - 1_000);
		for (const [table, id] of [
			['orders', o],
			['tasks', t],
			['goals', g]
		] as const)
			await trash(table, id);

		const groups = await listTrashed();
		const kinds = groups.map((gr) => gr.kind);
		expect(kinds).toEqual(TRASH_KINDS.filter((k) => kinds.includes(k)));
		expect(ids(groups, 'interactions').slice(0, 2)).toEqual([second, first]);
		const entry = groups
			.find((gr) => gr.kind === 'interactions')!
			.entries.find((e) => e.record.id === first)!;
		expect(entry.customer).toEqual({ id: wang, name: '王五 list', state: 'here' });
		expect(ids(groups, 'orders')).toContain(o);
		const taskEntry = groups
			.find((gr) => gr.kind === 'tasks')!
			.entries.find((e) => e.record.id === t);
		expect(taskEntry?.customer).toBeNull();
		const goalEntry = groups
			.find((gr) => gr.kind === 'goals')!
			.entries.find((e) => e.record.id === g);
		expect(goalEntry?.ownerName).toBe('李经理');
		// Records not in the trash are not listed.
		expect(ids(groups, 'customers')).not.toContain(wang);
	});

	it('finds the trashed records of a table without the index past its first page', async () => {
		const stamp = await nextStamp();
		const owner = await me();
		const rows = Array.from({ length: 2_500 }, (_, i) =>
			createRecord<Row>(
				`page-${String(i).padStart(4, '0')}`,
				{ title: `t${i}`, dueAt: 1, customerId: null, ownerId: owner, done: false },
				stamp
			)
		);
		for (const i of [0, 1_999, 2_000, 2_499]) rows[i]!.trashedAt = 5;
		await db()
			.table('tasks')
			.bulkPut(rows.map((r) => ({ trashedAt: null, ...r })));
		const found = ids(await listTrashed(), 'tasks').filter((id) => id.startsWith('page-'));
		expect(found.sort()).toEqual(['page-0000', 'page-1999', 'page-2000', 'page-2499']);
	});

	it('restores a record as a stamped edit and counts it as the last contact again', async () => {
		const cid = await customer('Restore Call');
		const at = Date.now() - 3 * DAY;
		const id = await call(cid, 'came back', at);
		await trash('interactions', id);
		// What the trash did to "last contacted" (undo recounts it the same way).
		await db().customers.update(cid, { lastContactAt: null });
		const before = (await db().interactions.get(id))!;

		const res = await restoreTrashed('interactions', [id]);
		expect(res).toEqual({ restored: 1, withCustomers: [], refused: [] });
		const after = (await db().interactions.get(id))!;
		expect(after.trashedAt).toBeNull();
		expect(after._meta.fields?.trashedAt?.by).toBe(await me());
		expect(after._meta.updated > before._meta.updated).toBe(true);
		expect((await getCustomer(cid))?.lastContactAt).toBe(at);
		expect(ids(await listTrashed(), 'interactions')).not.toContain(id);
	});

	it('restores a record of a customer in the trash together with the customer', async () => {
		const cid = await customer('Both Trashed');
		const id = await call(cid, 'with its customer');
		await trash('interactions', id);
		await trashCustomer(cid);

		const res = await restoreTrashed('interactions', [id]);
		expect(res).toEqual({ restored: 1, withCustomers: ['Both Trashed'], refused: [] });
		expect((await getCustomer(cid))?.trashedAt).toBeNull();
		expect((await getCustomer(cid))?._meta.fields?.trashedAt).toBeDefined();
	});

	it('restores all of a kind in one go, the customer once, refusing only what it must', async () => {
		const cid = await customer('Many Calls');
		const gone = await customer('Erased Meanwhile');
		const a = await call(cid, 'a');
		const b = await call(cid, 'b');
		const c = await call(gone, 'c');
		for (const id of [a, b, c]) await trash('interactions', id);
		await trashCustomer(cid);
		await eraseOnly(gone);

		const res = await restoreTrashed('interactions', [a, b, c]);
		expect(res.restored).toBe(2);
		expect(res.withCustomers).toEqual(['Many Calls']);
		expect(res.refused).toEqual([{ id: c, code: 'customer_erased' }]);
	});

	it('leaves a record whose customer was erased or never came, unchanged, and says why', async () => {
		const cid = await customer('Erased Elsewhere');
		const id = await call(cid, 'orphan');
		await trash('interactions', id);
		await eraseOnly(cid);
		const stray = await put('orders', {
			customerId: 'never-here',
			dealId: null,
			at: 1,
			amount: { minor: 1, currency: 'CNY' },
			products: [],
			notes: '',
			ownerId: await me()
		});
		await trash('orders', stray);
		const before = await db().interactions.get(id);
		const strayBefore = await db().orders.get(stray);

		expect((await restoreTrashed('interactions', [id])).refused).toEqual([
			{ id, code: 'customer_erased' }
		]);
		expect((await restoreTrashed('orders', [stray])).refused).toEqual([
			{ id: stray, code: 'customer_missing' }
		]);
		expect(await db().interactions.get(id)).toEqual(before);
		expect(await db().orders.get(stray)).toEqual(strayBefore);
		expect(await db().customers.get(cid)).toBeUndefined();
		const listed = (await listTrashed())
			.find((g) => g.kind === 'interactions')!
			.entries.find((e) => e.record.id === id);
		expect(listed?.customer).toEqual({ id: cid, name: null, state: 'erased' });
	});

	it('says a record deleted for good meanwhile is gone', async () => {
		expect(await restoreTrashed('tasks', ['no-such-task'])).toEqual({
			restored: 0,
			withCustomers: [],
			refused: [{ id: 'no-such-task', code: 'gone' }]
		});
	});

	it('deletes trashed records for good with tombstones; one restored meanwhile stays', async () => {
		const cid = await customer('Purge Calls');
		const gone = await call(cid, 'purged');
		const back = await call(cid, 'restored meanwhile');
		await trash('interactions', gone);

		expect(await purgeTrashed('interactions', [gone, back])).toEqual([gone]);
		expect(await db().interactions.get(gone)).toBeUndefined();
		expect(await db().interactions.get(back)).toBeDefined();
		const tomb = await db().tombstones.get(['interactions', gone]);
		expect(tomb?.by).toBe(await me());
		expect(await db().tombstones.get(['interactions', back])).toBeUndefined();
	});

	it('deleting a customer for good from the trash takes everything stored about them', async () => {
		const cid = await customer('Purge Customer');
		const id = await call(cid, 'goes with them');
		const o = await order(cid, ['x']);
		expect(await purgeTrashed('customers', [cid])).toEqual([]); // not in the trash
		await trashCustomer(cid);
		expect(await purgeTrashed('customers', [cid])).toEqual([cid]);
		for (const [table, key] of [
			['customers', cid],
			['interactions', id],
			['orders', o]
		] as const) {
			expect(await db().table(table).get(key)).toBeUndefined();
			expect(await db().tombstones.get([table, key])).toBeDefined();
		}
	});
});

/** A goal of a member, set by this device's member. */
const goal = async (ownerId: string) =>
	put('goals', {
		ownerId,
		metric: 'interactions',
		periodKind: 'month',
		periodStart: '2024-02-01',
		target: 5,
		setBy: await me()
	});

describe('private records in the trash', () => {
	it('shows a manager their own and their team’s, never a colleague’s', async () => {
		const mine = await me();
		const colleague = await addMember(newMember('王同事'));
		const report = await addMember(newMember('赵下属', { reportsTo: mine }));
		const [ofMine, ofReport, ofColleague] = [
			await goal(mine),
			await goal(report),
			await goal(colleague)
		];
		for (const id of [ofMine, ofReport, ofColleague]) await trash('goals', id);

		const listed = ids(await listTrashed(), 'goals');
		expect(listed).toEqual(expect.arrayContaining([ofMine, ofReport]));
		expect(listed).not.toContain(ofColleague);

		// Nor does the trash restore or delete it for them.
		expect((await restoreTrashed('goals', [ofColleague])).refused).toEqual([
			{ id: ofColleague, code: 'private' }
		]);
		expect(await purgeFromTrash('goals', [ofColleague, ofMine])).toEqual([ofMine]);
		expect((await db().goals.get(ofColleague))?.trashedAt).toEqual(expect.any(Number));
	});
});

const course = (title: string) =>
	createCourse({ title, kind: 'compliance', hours: 2, required: false });

const trainingRecord = (memberId: string, courseId: string) =>
	createTrainingRecord({
		memberId,
		courseId,
		date: '2026-03-02',
		hours: 1.5,
		result: 'passed',
		score: null,
		certificateNote: ''
	});

/** A member's plan for the week of 9 March 2026 (a Monday). */
const weekPlan = (memberId: string, visits = 2, start = '2026-03-09') =>
	saveWorkPlan({
		memberId,
		span: 'week',
		start,
		planned: { visits, calls: 4, new_customers: 1 },
		dealIds: []
	});

const entryOf = (groups: TrashGroup[], kind: TrashKind, id: string) =>
	groups.find((g) => g.kind === kind)?.entries.find((e) => e.record.id === id);

describe('the team’s records in the trash', () => {
	it('lists a removed course and restores it as a stamped edit', async () => {
		const id = await course('合规培训 restore');
		await removeCourse(id);
		const entry = entryOf(await listTrashed(), 'courses', id);
		expect(entry?.namedBy).toBe(0);
		expect(entry?.customer).toBeNull();

		expect(await restoreTrashed('courses', [id])).toEqual({
			restored: 1,
			withCustomers: [],
			refused: []
		});
		const back = (await db().courses.get(id))!;
		expect(back.trashedAt).toBeNull();
		expect(back._meta.fields?.trashedAt?.by).toBe(await me());
		expect((await listCourses()).map((c) => c.id)).toContain(id);
		expect(entryOf(await listTrashed(), 'courses', id)).toBeUndefined();
	});

	it('keeps a course that training records name when it is deleted for good, until none does', async () => {
		const id = await course('产品培训 kept');
		const rec = await trainingRecord(await me(), id);
		await removeCourse(id);
		expect(entryOf(await listTrashed(), 'courses', id)?.namedBy).toBe(1);

		expect(await purgeTrashed('courses', [id])).toEqual([]);
		expect(await db().courses.get(id)).toBeDefined();
		expect(await db().tombstones.get(['courses', id])).toBeUndefined();

		// Once its record is deleted for good, nothing names it and the course goes too.
		await trashTrainingRecord(rec);
		expect(await purgeTrashed('trainingRecords', [rec])).toEqual([rec]);
		expect(await purgeTrashed('courses', [id])).toEqual([id]);
		expect(await db().courses.get(id)).toBeUndefined();
		expect(await db().tombstones.get(['courses', id])).toBeDefined();
	});

	it('lists a training record by its course and member, restores it, deletes it for good', async () => {
		const member = await addMember(newMember('培训学员'));
		const c = await course('服务礼仪');
		const rec = await trainingRecord(member, c);
		await trashTrainingRecord(rec);
		const entry = entryOf(await listTrashed(), 'trainingRecords', rec);
		expect(entry?.courseTitle).toBe('服务礼仪');
		expect(entry?.ownerName).toBe('培训学员');

		expect((await restoreTrashed('trainingRecords', [rec])).restored).toBe(1);
		expect((await listTrainingRecords(member)).map((r) => r.id)).toEqual([rec]);

		await trashTrainingRecord(rec);
		expect(await purgeTrashed('trainingRecords', [rec])).toEqual([rec]);
		expect(await db().trainingRecords.get(rec)).toBeUndefined();
		expect(await db().tombstones.get(['trainingRecords', rec])).toBeDefined();
	});

	it('lists a removed work plan with its member and restores it', async () => {
		const id = await weekPlan(await me());
		await removeWorkPlan(id);
		expect(await getWorkPlan(id)).toBeUndefined();
		const entry = entryOf(await listTrashed(), 'workPlans', id);
		expect(entry?.ownerName).toBe((await db().members.get(await me()))?.name);

		expect((await restoreTrashed('workPlans', [id])).restored).toBe(1);
		expect((await getWorkPlan(id))?.planned.visits).toBe(2);
	});

	it('empties a keyed work plan deleted for good, so that its week can be planned again', async () => {
		const id = await weekPlan(await me(), 7, '2026-03-16');
		await removeWorkPlan(id);

		expect(await purgeTrashed('workPlans', [id])).toEqual([id]);
		const emptied = (await db().workPlans.get(id))!;
		expect(emptied.planned).toEqual({ visits: 0, calls: 0, new_customers: 0 });
		expect(emptied.trashedAt).toBe(0);
		// Stamped, so that teammates' copies are emptied too; no tombstone on the week's key.
		expect(emptied._meta.fields?.planned?.by).toBe(await me());
		expect(await db().tombstones.get(['workPlans', id])).toBeUndefined();
		expect(entryOf(await listTrashed(), 'workPlans', id)).toBeUndefined();
		expect(await restoreTrashed('workPlans', [id])).toMatchObject({
			restored: 0,
			refused: [{ id, code: 'gone' }]
		});
		expect(await getWorkPlan(id)).toBeUndefined();

		expect(await weekPlan(await me(), 3, '2026-03-16')).toBe(id);
		expect((await getWorkPlan(id))?.planned.visits).toBe(3);
	});

	it('empties a keyed goal deleted for good, so that it can be set again', async () => {
		const owner = await me();
		const draft = {
			ownerId: owner,
			metric: 'interactions',
			periodKind: 'month',
			periodStart: '2026-05-01',
			target: 40
		} as const;
		const id = await createGoal(draft, 0);
		await trashGoal(id);

		expect(await purgeTrashed('goals', [id])).toEqual([id]);
		expect(await db().tombstones.get(['goals', id])).toBeUndefined();
		expect(await db().goals.get(id)).toMatchObject({ target: 0, trashedAt: 0 });
		expect(entryOf(await listTrashed(), 'goals', id)).toBeUndefined();

		expect(await createGoal({ ...draft, target: 25 }, 0)).toBe(id);
		expect((await listGoals(owner)).find((g) => g.id === id)?.target).toBe(25);
	});

	it('hides a colleague’s work plan from a manager, shows their report’s', async () => {
		const colleague = await addMember(newMember('计划同事'));
		const report = await addMember(newMember('计划下属', { reportsTo: await me() }));
		const theirs = await weekPlan(colleague);
		const reports = await weekPlan(report);
		for (const id of [theirs, reports]) await removeWorkPlan(id);
		const listed = ids(await listTrashed(), 'workPlans');
		expect(listed).toContain(reports);
		expect(listed).not.toContain(theirs);
		expect((await restoreTrashed('workPlans', [theirs])).refused).toEqual([
			{ id: theirs, code: 'private' }
		]);
	});

	it('restores a removed checklist, and empties one deleted for good', async () => {
		const scope = { kind: 'deal_stage', stage: 'negotiation' } as const;
		const id = await saveChecklist({ scope, items: [{ label: '合同已审', required: true }] });
		await removeChecklist(id);
		expect(entryOf(await listTrashed(), 'checklists', id)?.record).toMatchObject({
			items: [{ label: '合同已审' }]
		});

		expect((await restoreTrashed('checklists', [id])).restored).toBe(1);
		expect((await listChecklists()).map((c) => c.id)).toContain(id);

		await removeChecklist(id);
		expect(await purgeTrashed('checklists', [id])).toEqual([id]);
		expect((await db().checklists.get(id))?.items).toEqual([]);
		expect(await db().tombstones.get(['checklists', id])).toBeUndefined();
		expect(entryOf(await listTrashed(), 'checklists', id)).toBeUndefined();
		await saveChecklist({ scope, items: [{ label: '重新定义', required: false }] });
		expect((await listChecklists()).find((c) => c.id === id)?.items[0]?.label).toBe('重新定义');
	});
});

describe('the trash after 30 days', () => {
	it('purges every kind trashed over 30 days ago, on every start', async () => {
		const now = Date.now();
		const cid = await customer('Expiry');
		const oldCall = await call(cid, 'old call');
		const freshCall = await call(cid, 'fresh call');
		const oldTask = await task(cid, 'old task');
		await trash('interactions', oldCall, now - 31 * DAY);
		await trash('interactions', freshCall, now - 29 * DAY);
		await trash('tasks', oldTask, now - 31 * DAY);

		expect(await purgeExpiredTrash(now)).toBeGreaterThanOrEqual(2);
		expect(await db().interactions.get(oldCall)).toBeUndefined();
		expect(await db().tasks.get(oldTask)).toBeUndefined();
		expect(await db().tombstones.get(['tasks', oldTask])).toBeDefined();
		expect(await db().interactions.get(freshCall)).toBeDefined();

		// Later the same day: every kind is looked at again (each through its trashedAt index).
		const lateTask = await task(cid, 'late task');
		const lateCall = await call(cid, 'late call');
		await trash('tasks', lateTask, now - 40 * DAY);
		await trash('interactions', lateCall, now - 40 * DAY);
		await purgeExpiredTrash(now + 3_600_000);
		expect(await db().interactions.get(lateCall)).toBeUndefined();
		expect(await db().tasks.get(lateTask)).toBeUndefined();
	});

	it('empties an expired work plan, and takes a course whose last record expires with it', async () => {
		const now = Date.now();
		const plan = await weekPlan(await me(), 5, '2026-03-23');
		const c = await course('过期课程');
		const rec = await trainingRecord(await me(), c);
		await trash('workPlans', plan, now - 31 * DAY);
		await trash('courses', c, now - 31 * DAY);
		await trash('trainingRecords', rec, now - 31 * DAY);

		await purgeExpiredTrash(now);
		expect((await db().workPlans.get(plan))?.trashedAt).toBe(0);
		expect(await db().trainingRecords.get(rec)).toBeUndefined();
		expect(await db().courses.get(c)).toBeUndefined();
		expect(await db().tombstones.get(['courses', c])).toBeDefined();
	});

	it('purges an expired customer with everything stored about them', async () => {
		const now = Date.now();
		const cid = await customer('Expired Customer');
		const id = await call(cid, 'goes too');
		await trash('customers', cid, now - 31 * DAY);
		await purgeExpiredTrash(now);
		expect(await db().customers.get(cid)).toBeUndefined();
		expect(await db().interactions.get(id)).toBeUndefined();
		expect(await db().tombstones.get(['interactions', id])).toBeDefined();
	});
});

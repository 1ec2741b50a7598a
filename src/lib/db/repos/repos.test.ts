import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { db } from '../db';
import { getSession } from '../session';
import { addContact, listContacts } from './contacts';
import {
	createCustomer,
	getCustomer,
	listActiveCustomers,
	purgeExpiredTrash,
	restoreCustomer,
	trashCustomer,
	updateCustomer,
	ValidationFailed
} from './customers';
import { ownsAnyCustomer } from './customer-reads';
import { collectPersonData } from './person';
import { listInteractions, logInteraction } from './interactions';
import { listTasksForCustomer } from './tasks';
import { listTrashed } from './trash';

const draft = (name: string) => ({ ...emptyCustomerDraft('m'), name, phones: ['13812345678'] });
/** A call logged now with a follow-up far ahead (so it creates an open task). */
const callWithFollowUp = (customerId: string) => ({
	customerId,
	type: 'call' as const,
	at: Date.now(),
	durationMinutes: null,
	summary: 'x',
	outcome: '',
	satisfaction: null,
	nextFollowUp: '2099-01-01',
	ownerId: 'm'
});

describe('customer repository', () => {
	it('creates with one stamp and stamps only the edited fields', async () => {
		const session = await getSession();
		const id = await createCustomer(draft('张三'));
		const created = await getCustomer(id);
		expect(created?._meta.fields).toBeUndefined();
		expect(created?._meta.created.by).toBe(session.member.id);
		expect(created?._meta.created.hlc.endsWith(`:${session.deviceId}`)).toBe(true);
		expect(created?.searchKeys).toContain('zs');
		expect(created?.phones).toEqual(['+8613812345678']);

		await updateCustomer(id, { ...draft('张三'), city: '杭州' });
		const edited = await getCustomer(id);
		expect(Object.keys(edited?._meta.fields ?? {})).toEqual(['city']);
		expect(edited!._meta.updated > created!._meta.updated).toBe(true);
	});

	it('refuses invalid drafts and stores nothing', async () => {
		const before = await db().customers.count();
		await expect(createCustomer({ ...draft(''), emails: ['x'] })).rejects.toBeInstanceOf(
			ValidationFailed
		);
		expect(await db().customers.count()).toBe(before);
	});

	it('moves to the trash, restores, and purges after 30 days with tombstones', async () => {
		const id = await createCustomer(draft('Trash Me'));
		await addContact(id, {
			name: 'Li',
			title: '',
			phones: [],
			emails: [],
			wechat: '',
			isPrimary: true,
			notes: ''
		});
		await trashCustomer(id);
		const trash = await listTrashed();
		expect(trash.find((g) => g.kind === 'customers')?.entries.map((e) => e.record.id)).toContain(
			id
		);
		expect((await listActiveCustomers()).map((c) => c.id)).not.toContain(id);
		expect((await getCustomer(id))?._meta.fields?.trashedAt).toBeDefined();
		await restoreCustomer(id);
		expect((await getCustomer(id))?.trashedAt).toBeNull();

		await trashCustomer(id);
		expect(await purgeExpiredTrash(Date.now() + 29 * 86_400_000)).toBe(0);
		expect(await purgeExpiredTrash(Date.now() + 31 * 86_400_000)).toBeGreaterThanOrEqual(1);
		expect(await getCustomer(id)).toBeUndefined();
		expect(await listContacts(id)).toEqual([]);
		expect(await db().tombstones.get(['customers', id])).toBeDefined();
		expect(
			await db()
				.tombstones.where('[table+id]')
				.between(['contacts', ''], ['contacts', '\uffff'])
				.count()
		).toBe(1);
	});
});

describe('interaction log', () => {
	it('logs in one transaction: the interaction, its follow-up task and lastContactAt', async () => {
		const session = await getSession();
		const id = await createCustomer(draft('Log Me'));
		const at = Date.now() - 3_600_000;
		await logInteraction({
			customerId: id,
			type: 'visit',
			at,
			durationMinutes: 30,
			summary: 'Visited the plant',
			outcome: '',
			satisfaction: 5,
			nextFollowUp: '2099-01-02',
			ownerId: session.member.id
		});
		expect((await listInteractions(id)).map((i) => i.summary)).toEqual(['Visited the plant']);
		const tasks = await listTasksForCustomer(id);
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({ kind: 'follow_up', done: false });
		expect(new Date(tasks[0]!.dueAt).getDate()).toBe(2);
		expect((await getCustomer(id))?.lastContactAt).toBe(at);
	});

	it('refuses a log for a customer that does not exist, writing nothing', async () => {
		const before = await db().interactions.count();
		await expect(logInteraction(callWithFollowUp('nope'))).rejects.toBeInstanceOf(ValidationFailed);
		expect(await db().interactions.count()).toBe(before);
		expect(await db().tasks.where('customerId').equals('nope').count()).toBe(0);
	});

	it('knows whether an owner has a customer outside the trash', async () => {
		const owner = `owner-${crypto.randomUUID()}`;
		expect(await ownsAnyCustomer(owner)).toBe(false);
		const id = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Owned' });
		expect(await ownsAnyCustomer(owner)).toBe(true);
		await trashCustomer(id);
		expect(await ownsAnyCustomer(owner)).toBe(false);
		await restoreCustomer(id);
		expect(await ownsAnyCustomer(owner)).toBe(true);
	});

	it("exports a person's tasks without the open-only index field kept beside them", async () => {
		const id = await createCustomer(draft('Export Me'));
		await logInteraction(callWithFollowUp(id));
		const [stored] = await listTasksForCustomer(id);
		expect(stored).toHaveProperty('openDueAt');
		const data = await collectPersonData(id);
		expect(data?.tasks).toHaveLength(1);
		expect(data?.tasks[0]).not.toHaveProperty('openDueAt');
		expect(data?.tasks[0]).toMatchObject({ id: stored?.id, dueAt: stored?.dueAt });
	});
});

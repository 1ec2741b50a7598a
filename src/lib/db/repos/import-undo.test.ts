import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import type { Interaction } from '$lib/domain/interaction/interaction';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { getSession, nextStamp } from '../session';
import { createCustomer, getCustomer, restoreCustomer, updateCustomer } from './customers';
import { createDeal } from './deals';
import {
	commitImport,
	listImports,
	planImportUndo,
	stageOps,
	startImport,
	undoImport,
	type ImportOp
} from './imports';
import { logInteraction } from './interactions';
import { createTicket } from './tickets';

/**
 * Undo of a CSV import never destroys what was done after the import: fields changed since keep
 * their new values, created records that were edited or gained linked records since are kept,
 * and the rest of the created records go to the trash (restorable), never to tombstones.
 */
const info = { fileName: 'u.csv', target: 'customer', counts: {} };

async function me(): Promise<string> {
	return (await getSession()).member.id;
}

async function created(id: string, name: string): Promise<ImportOp> {
	return {
		op: 'create',
		table: 'customers',
		id,
		data: {
			...emptyCustomerDraft(await me()),
			name,
			createdAt: 1,
			lastContactAt: null,
			trashedAt: null
		}
	};
}

async function importOps(ops: ImportOp[], target = 'customer'): Promise<string> {
	const id = await startImport({ ...info, target });
	await stageOps(id, 0, ops);
	await commitImport(id);
	return id;
}

async function tombstonesOf(ids: string[]): Promise<number> {
	return (await db().tombstones.toArray()).filter((t) => ids.includes(t.id)).length;
}

describe('undo of a CSV import', () => {
	it('a field edited after the import keeps its new value', async () => {
		const owner = await me();
		const cid = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Edited Since' });
		const imp = await importOps([
			{
				op: 'update',
				table: 'customers',
				id: cid,
				patch: { city: '苏州', industry: '制造' },
				mode: 'overwrite'
			}
		]);
		const stored = await getCustomer(cid);
		await updateCustomer(cid, { ...stored!, city: '无锡' });
		await undoImport(imp);
		const after = await getCustomer(cid);
		// The field the import wrote and nobody touched since goes back …
		expect(after?.industry).toBe('');
		// … the one edited since keeps the edit.
		expect(after?.city).toBe('无锡');
		expect(after?.name).toBe('Edited Since');
	});

	it('a created customer that got an interaction, a deal or a ticket is kept', async () => {
		const owner = await me();
		const imp = await importOps([
			await created('lk-i', 'Has Interaction'),
			await created('lk-d', 'Has Deal'),
			await created('lk-t', 'Has Ticket'),
			await created('lk-none', 'Nothing Since')
		]);
		const interaction = await logInteraction({
			customerId: 'lk-i',
			type: 'call',
			at: Date.now() - 1000,
			durationMinutes: null,
			summary: 'Called',
			outcome: '',
			satisfaction: null,
			nextFollowUp: null,
			ownerId: owner
		});
		const deal = await createDeal(
			{
				customerId: 'lk-d',
				title: 'Order',
				amount: { minor: 100, currency: 'CNY' },
				expectedClose: '',
				probability: 10,
				products: [],
				competitor: '',
				nextStep: '',
				ownerId: owner
			},
			'lead'
		);
		const ticket = await createTicket({
			customerId: 'lk-t',
			kind: 'complaint',
			priority: 'normal',
			title: 'Late',
			description: '',
			openedAt: Date.now() - 1000,
			ownerId: owner
		});
		await undoImport(imp);
		for (const id of ['lk-i', 'lk-d', 'lk-t'])
			expect((await getCustomer(id))?.trashedAt, id).toBeNull();
		expect((await db().interactions.get(interaction))?.customerId).toBe('lk-i');
		expect((await db().deals.get(deal))?.customerId).toBe('lk-d');
		expect((await db().tickets.get(ticket))?.customerId).toBe('lk-t');
		expect((await getCustomer('lk-none'))?.trashedAt).toEqual(expect.any(Number));
	});

	it('a created customer edited since is kept with its edit', async () => {
		const imp = await importOps([await created('ed-1', 'Will Edit')]);
		const stored = await getCustomer('ed-1');
		await updateCustomer('ed-1', { ...stored!, city: '杭州' });
		await undoImport(imp);
		expect(await getCustomer('ed-1')).toMatchObject({ city: '杭州', trashedAt: null });
	});

	it('the other created records go to the trash, restorable, without tombstones', async () => {
		const imp = await importOps([
			await created('tr-1', 'To Trash'),
			{
				op: 'create',
				table: 'contacts',
				id: 'tr-1c',
				data: {
					customerId: 'tr-1',
					name: 'Contact',
					title: '',
					phones: [],
					emails: [],
					wechat: '',
					isPrimary: true,
					notes: '',
					trashedAt: null
				}
			}
		]);
		await undoImport(imp);
		const trashed = await getCustomer('tr-1');
		expect(trashed?.trashedAt).toEqual(expect.any(Number));
		// Its contact goes with it: restoring the customer brings it back whole.
		expect((await db().contacts.get('tr-1c'))?.customerId).toBe('tr-1');
		expect(await tombstonesOf(['tr-1', 'tr-1c'])).toBe(0);
		await restoreCustomer('tr-1');
		expect((await getCustomer('tr-1'))?.trashedAt).toBeNull();
	});

	it('a created interaction edited since is kept; the others go to the trash', async () => {
		const owner = await me();
		const cid = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Log Owner' });
		const call = (id: string, at: number): ImportOp => ({
			op: 'create',
			table: 'interactions',
			id,
			data: {
				customerId: cid,
				type: 'call',
				at,
				durationMinutes: null,
				summary: 'imported',
				outcome: '',
				satisfaction: null,
				nextFollowUp: null,
				ownerId: owner,
				trashedAt: null
			}
		});
		const imp = await importOps([call('ai-kept', 5_000), call('ai-gone', 9_000)], 'interaction');
		// Edited since (here, or by a teammate whose snapshot was merged).
		const current = (await db().interactions.get('ai-kept')) as Interaction;
		const { next } = editRecord(current, { summary: 'corrected' }, await nextStamp());
		await db().interactions.put(next);
		await undoImport(imp);
		expect(await db().interactions.get('ai-kept')).toMatchObject({
			summary: 'corrected',
			trashedAt: null
		});
		expect((await db().interactions.get('ai-gone'))?.trashedAt).toEqual(expect.any(Number));
		expect(await tombstonesOf(['ai-kept', 'ai-gone'])).toBe(0);
		// "Last contacted" comes from what is left in the log.
		expect((await getCustomer(cid))?.lastContactAt).toBe(5_000);
	});

	it('says first what it will do, and writes nothing until asked', async () => {
		const owner = await me();
		const existing = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Planned' });
		const imp = await importOps([
			await created('pl-edit', 'Plan Edited'),
			await created('pl-log', 'Plan Logged'),
			await created('pl-1', 'Plan Trash 1'),
			await created('pl-2', 'Plan Trash 2'),
			{ op: 'update', table: 'customers', id: existing, patch: { city: '南京', tier: 'A' } }
		]);
		const edited = await getCustomer('pl-edit');
		await updateCustomer('pl-edit', { ...edited!, city: '上海' });
		await logInteraction({
			customerId: 'pl-log',
			type: 'visit',
			at: Date.now() - 1000,
			durationMinutes: null,
			summary: 'Visited',
			outcome: '',
			satisfaction: null,
			nextFollowUp: null,
			ownerId: owner
		});
		const stored = await getCustomer(existing);
		await updateCustomer(existing, { ...stored!, tier: 'B' });

		const before = await db().customers.toArray();
		const plan = await planImportUndo(imp);
		expect(plan).toMatchObject({ restored: 1, removed: 2, erased: 0, keptCount: 3 });
		expect(plan.kept.map((k) => [k.label, k.reason])).toEqual([
			['Plan Edited', 'edited'],
			['Plan Logged', 'linked'],
			['Planned', 'changed']
		]);
		// Planning is a read: nothing changed, and the import can still be undone.
		expect(await db().customers.toArray()).toEqual(before);
		expect((await listImports()).find((e) => e.id === imp)?.state).toBe('committed');

		const done = await undoImport(imp);
		expect(done).toEqual(plan);
		// The field written since keeps its value; the other one the import wrote goes back.
		expect(await getCustomer(existing)).toMatchObject({ tier: 'B', city: '' });
		const entry = (await listImports()).find((e) => e.id === imp);
		expect(entry?.state).toBe('undone');
		expect(entry?.detail.undo).toEqual({ restored: 1, removed: 2, erased: 0, keptCount: 3 });
		await expect(planImportUndo(imp)).rejects.toThrow('import_not_undoable');
	});

	it('a record changed by two rows of the file gets its value from before the first', async () => {
		const owner = await me();
		const cid = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Twice', city: '原' });
		const id = await startImport(info);
		await stageOps(id, 0, [{ op: 'update', table: 'customers', id: cid, patch: { city: '一' } }]);
		await stageOps(id, 1, [{ op: 'update', table: 'customers', id: cid, patch: { city: '二' } }]);
		await commitImport(id);
		expect(await planImportUndo(id)).toMatchObject({ restored: 1, keptCount: 0 });
		await undoImport(id);
		expect((await getCustomer(cid))?.city).toBe('原');
	});

	it('a customer the file created and then updated (a duplicate row) goes to the trash', async () => {
		const id = await startImport(info);
		await stageOps(id, 0, [await created('dup-1', 'Dup Row')]);
		await stageOps(id, 1, [
			{ op: 'update', table: 'customers', id: 'dup-1', patch: { city: '厦门' } }
		]);
		await commitImport(id);
		expect(await planImportUndo(id)).toMatchObject({ restored: 0, removed: 1, keptCount: 0 });
		await undoImport(id);
		expect((await getCustomer('dup-1'))?.trashedAt).toEqual(expect.any(Number));
	});

	it('a follow-up done since keeps its imported interaction', async () => {
		const owner = await me();
		const cid = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Follow Since' });
		const imp = await importOps(
			[
				{
					op: 'create',
					table: 'interactions',
					id: 'fu-i',
					data: {
						customerId: cid,
						type: 'call',
						at: 5_000,
						durationMinutes: null,
						summary: 'with follow-up',
						outcome: '',
						satisfaction: null,
						nextFollowUp: '2099-01-01',
						ownerId: owner,
						trashedAt: null
					}
				},
				{
					op: 'create',
					table: 'tasks',
					id: 'fu-t',
					data: {
						title: 'follow up',
						dueAt: Date.now() + 86_400_000,
						priority: 'normal',
						customerId: cid,
						dealId: null,
						fromInteractionId: 'fu-i',
						kind: 'follow_up',
						done: false,
						doneAt: null,
						ownerId: owner,
						trashedAt: null
					}
				}
			],
			'interaction'
		);
		const task = await db().tasks.get('fu-t');
		await db().tasks.put(editRecord(task!, { done: true, doneAt: 6_000 }, await nextStamp()).next);
		const plan = await undoImport(imp);
		expect(plan.kept.map((k) => [k.table, k.reason, k.customer])).toEqual([
			['interactions', 'linked', 'Follow Since'],
			['tasks', 'edited', 'Follow Since']
		]);
		expect((await db().interactions.get('fu-i'))?.trashedAt).toBeNull();
		expect((await db().tasks.get('fu-t'))?.done).toBe(true);
	});

	it('an import of an older version (no stamps kept) restores nothing it cannot tell apart', async () => {
		const owner = await me();
		const cid = await createCustomer({ ...emptyCustomerDraft(owner), name: 'Legacy', city: '旧' });
		const imp = await importOps([
			await created('lg-new', 'Legacy New'),
			{ op: 'update', table: 'customers', id: cid, patch: { city: '新' } }
		]);
		// Rewrite the undo data as older versions kept it: ids and records, no stamps.
		const [batch] = await db().importBatches.where('importId').equals(imp).toArray();
		const data = batch!.records[0] as {
			createdIds: { table: string; id: string }[];
			before: { table: string; record: unknown }[];
		};
		await db().importBatches.put({
			...batch!,
			records: [
				{
					createdIds: data.createdIds.map(({ table, id }) => ({ table, id })),
					before: data.before.map(({ table, record }) => ({ table, record }))
				}
			]
		});
		const done = await undoImport(imp);
		expect(done).toMatchObject({ restored: 0, removed: 1, keptCount: 1 });
		expect(done.kept[0]).toMatchObject({ id: cid, reason: 'unknown' });
		expect((await getCustomer(cid))?.city).toBe('新');
		expect((await getCustomer('lg-new'))?.trashedAt).toEqual(expect.any(Number));
	});
});

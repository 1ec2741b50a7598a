import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { db } from '../db';
import { createCustomer, getCustomer } from './customers';
import {
	cancelImport,
	clearUnfinishedImports,
	commitImport,
	listImports,
	stageOps,
	startImport,
	undoImport,
	type ImportOp
} from './imports';

const info = { fileName: 'a.csv', target: 'customer', counts: {} };
const customer = (id: string, name: string): ImportOp => ({
	op: 'create',
	table: 'customers',
	id,
	data: {
		...emptyCustomerDraft('m'),
		name,
		createdAt: 1,
		lastContactAt: null,
		trashedAt: null,
		searchKeys: name.toLowerCase()
	}
});

describe('imports', () => {
	it('stays invisible until committed, then lands whole', async () => {
		const id = await startImport(info);
		await stageOps(id, 0, [customer('i1', 'Alpha'), customer('i2', 'Beta')]);
		await stageOps(id, 1, [customer('i3', 'Gamma')]);
		expect(await getCustomer('i1')).toBeUndefined();
		const r = await commitImport(id);
		expect(r).toEqual({ created: 3, updated: 0 });
		expect((await getCustomer('i3'))?.name).toBe('Gamma');
		expect((await listImports()).map((e) => e.id)).toContain(id);
	});

	it('a cancelled or interrupted import leaves nothing behind', async () => {
		const before = await db().customers.count();
		const a = await startImport(info);
		await stageOps(a, 0, [customer('x1', 'X')]);
		await cancelImport(a);
		const b = await startImport(info);
		await stageOps(b, 0, [customer('y1', 'Y')]);
		// The tab closes here: on the next start the staged batch is cleared.
		expect(await clearUnfinishedImports()).toBe(1);
		expect(await db().customers.count()).toBe(before);
		expect(await db().importBatches.where('importId').anyOf(a, b).count()).toBe(0);
		await expect(commitImport(b)).rejects.toThrow('import_not_pending');
	});

	it('undo trashes what it created and restores what it updated', async () => {
		const existing = await createCustomer({ ...emptyCustomerDraft('m'), name: 'Kept', city: '' });
		const id = await startImport(info);
		await stageOps(id, 0, [
			customer('u1', 'New One'),
			{ op: 'update', table: 'customers', id: existing, patch: { city: '苏州' } }
		]);
		expect(await commitImport(id)).toEqual({ created: 1, updated: 1 });
		expect((await getCustomer(existing))?.city).toBe('苏州');
		expect(await undoImport(id)).toMatchObject({ restored: 1, removed: 1, keptCount: 0 });
		expect((await getCustomer('u1'))?.trashedAt).toEqual(expect.any(Number));
		// The trash, never a tombstone: that would delete it on every teammate's device too.
		expect(await db().tombstones.get(['customers', 'u1'])).toBeUndefined();
		const restored = await getCustomer(existing);
		expect(restored?.city).toBe('');
		expect(restored?.name).toBe('Kept');
		expect((await listImports()).find((e) => e.id === id)?.state).toBe('undone');
		await expect(undoImport(id)).rejects.toThrow('import_not_undoable');
	});

	it('undo of an import of several batches trashes the records of every batch', async () => {
		const id = await startImport(info);
		await stageOps(id, 0, [customer('m1', 'One'), customer('m2', 'Two')]);
		await stageOps(id, 1, [customer('m3', 'Three')]);
		await stageOps(id, 2, [customer('m4', 'Four')]);
		expect(await commitImport(id)).toEqual({ created: 4, updated: 0 });
		// What was staged is gone; what Undo needs is kept per batch.
		const kept = await db().importBatches.where('importId').equals(id).toArray();
		expect(kept.map((b) => [b.seq, b.kind])).toEqual([
			[0, 'undo'],
			[1, 'undo'],
			[2, 'undo']
		]);
		await undoImport(id);
		for (const c of ['m1', 'm2', 'm3', 'm4'])
			expect((await getCustomer(c))?.trashedAt).toEqual(expect.any(Number));
		expect(await db().importBatches.where('importId').equals(id).count()).toBe(0);
	});

	it('an update that changes nothing is not counted or stamped', async () => {
		const existing = await createCustomer({
			...emptyCustomerDraft('m'),
			name: 'Same',
			city: '杭州'
		});
		const stored = await getCustomer(existing);
		const id = await startImport(info);
		await stageOps(id, 0, [
			{ op: 'update', table: 'customers', id: existing, patch: { city: '杭州' } }
		]);
		expect(await commitImport(id)).toEqual({ created: 0, updated: 0 });
		expect((await getCustomer(existing))?._meta).toEqual(stored?._meta);
	});

	it('imported contacts move "last contacted" forward, and undo moves it back', async () => {
		const cid = await createCustomer({ ...emptyCustomerDraft('m'), name: 'Logged' });
		const call = (id: string, at: number): ImportOp => ({
			op: 'create',
			table: 'interactions',
			id,
			data: {
				customerId: cid,
				type: 'call',
				at,
				durationMinutes: null,
				summary: 's',
				outcome: '',
				satisfaction: null,
				nextFollowUp: null,
				ownerId: 'm',
				trashedAt: null
			}
		});
		const first = await startImport({ ...info, target: 'interaction' });
		await stageOps(first, 0, [call('ia', 5_000)]);
		await commitImport(first);
		expect((await getCustomer(cid))?.lastContactAt).toBe(5_000);
		const second = await startImport({ ...info, target: 'interaction' });
		await stageOps(second, 0, [call('ib', 9_000), call('ic', 7_000)]);
		expect(await commitImport(second)).toEqual({ created: 2, updated: 0 });
		expect((await getCustomer(cid))?.lastContactAt).toBe(9_000);
		await undoImport(second);
		expect((await db().interactions.get('ib'))?.trashedAt).toEqual(expect.any(Number));
		expect((await getCustomer(cid))?.lastContactAt).toBe(5_000);
		await undoImport(first);
		expect((await getCustomer(cid))?.lastContactAt).toBeNull();
	});

	it('the follow-up task of an imported contact lands with it and goes with its undo', async () => {
		const cid = await createCustomer({ ...emptyCustomerDraft('m'), name: 'Follow' });
		const id = await startImport({ ...info, target: 'interaction' });
		const task = {
			title: 's',
			dueAt: Date.now() + 86_400_000,
			priority: 'normal',
			customerId: cid,
			dealId: null,
			fromInteractionId: 'if',
			kind: 'follow_up',
			done: false,
			doneAt: null,
			ownerId: 'm',
			trashedAt: null
		};
		await stageOps(id, 0, [
			{
				op: 'create',
				table: 'interactions',
				id: 'if',
				data: {
					customerId: cid,
					type: 'call',
					at: 5_000,
					durationMinutes: null,
					summary: 's',
					outcome: '',
					satisfaction: null,
					nextFollowUp: '2099-01-01',
					ownerId: 'm',
					trashedAt: null
				}
			},
			{ op: 'create', table: 'tasks', id: 'tf', data: task }
		]);
		// One row of the file: the task comes with it.
		expect(await commitImport(id)).toEqual({ created: 1, updated: 0 });
		expect(await db().tasks.get('tf')).toMatchObject({ fromInteractionId: 'if', done: false });
		await undoImport(id);
		expect((await db().tasks.get('tf'))?.trashedAt).toEqual(expect.any(Number));
		expect((await db().interactions.get('if'))?.trashedAt).toEqual(expect.any(Number));
	});
});

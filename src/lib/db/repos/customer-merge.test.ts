import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Customer } from '$lib/domain/customer/customer';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { createRecord } from '$lib/sync/edit';
import type { Synced } from '$lib/sync/stamp';
import { onCustomersChanged } from '../changes';
import { db } from '../db';
import { getSession, nextStamp } from '../session';
import { addContact } from './contacts';
import { listMerges, mergeCustomers, MergeRefused, undoMerge } from './customer-merge';
import { createCustomer, getCustomer, trashCustomer, updateCustomer } from './customers';
import { listInteractions, logInteraction } from './interactions';
import { purgeRecords } from './purge';

const LINKED = ['contacts', 'interactions', 'tasks', 'deals', 'orders', 'tickets', 'feedback'];

async function customer(name: string, over: Partial<Customer> = {}): Promise<string> {
	return createCustomer({ ...emptyCustomerDraft('m1'), name, ...over });
}

async function log(customerId: string, summary: string, at: number): Promise<string> {
	const { member } = await getSession();
	return logInteraction({
		customerId,
		type: 'call',
		at,
		durationMinutes: null,
		summary,
		outcome: '',
		satisfaction: null,
		nextFollowUp: null,
		ownerId: member.id
	});
}

/** One record in each linked table that has no repository of its own in this test. */
async function link(customerId: string): Promise<void> {
	const d = db();
	for (const table of ['tasks', 'deals', 'orders', 'tickets', 'feedback']) {
		const rec = createRecord<Synced>(
			crypto.randomUUID(),
			{ customerId, trashedAt: null, title: `${table} of ${customerId}` } as never,
			await nextStamp()
		);
		await d.table(table).add(rec);
	}
	await addContact(customerId, {
		name: 'Li',
		title: '',
		phones: [],
		emails: [],
		wechat: '',
		isPrimary: true,
		notes: ''
	});
}

const linkedTo = async (customerId: string) =>
	Object.fromEntries(
		await Promise.all(
			LINKED.map(async (t) => [
				t,
				(await db().table(t).where('customerId').equals(customerId).primaryKeys()).sort()
			])
		)
	) as Record<string, string[]>;

/** Everything a merge may touch, to compare before and after a failed write. */
async function everything(): Promise<unknown> {
	const d = db();
	const tables = ['customers', 'audit', ...LINKED];
	return Object.fromEntries(
		await Promise.all(tables.map(async (t) => [t, await d.table(t).toArray()]))
	);
}

describe('mergeCustomers', () => {
	it('keeps the chosen values, moves every linked record and trashes the other', async () => {
		const a = await customer('张伟', {
			company: '某某科技',
			phones: ['13800138000'],
			emails: ['wei@example.com'],
			city: '',
			tier: 'A',
			tags: ['vip']
		});
		const b = await customer('张伟', {
			company: '北京某某科技有限公司',
			phones: ['+86 138 0013 8000', '010-6234 5678'],
			emails: ['zw@corp.cn'],
			city: '北京',
			tier: 'B',
			tags: ['vip']
		});
		const t1 = Date.now() - 86_400_000;
		const t2 = Date.now() - 3_600_000;
		await log(a, 'first call', t1);
		await log(b, 'second call', t2);
		await link(b);
		const bLinks = await linkedTo(b);
		const aBefore = (await getCustomer(a))!;
		const announced: (string[] | 'all')[] = [];
		const stop = onCustomersChanged((ids) => announced.push(ids));

		const mergeId = await mergeCustomers(a, [b], { company: b, tier: a });
		stop();

		const survivor = (await getCustomer(a))!;
		expect(survivor).toMatchObject({
			name: '张伟',
			company: '北京某某科技有限公司',
			phones: ['+8613800138000', '+861062345678'],
			emails: ['wei@example.com', 'zw@corp.cn'],
			city: '北京',
			tier: 'A',
			tags: ['vip'],
			lastContactAt: t2,
			trashedAt: null
		});
		// Only the fields whose value changed carry a new stamp; derived fields none.
		expect(Object.keys(survivor._meta.fields ?? {}).sort()).toEqual(
			['city', 'company', 'emails', 'phones'].sort()
		);
		expect(survivor._meta.created).toEqual(aBefore._meta.created);
		expect(survivor.searchKeys).toContain('zw@corp.cn');

		const other = (await getCustomer(b))!;
		expect(other.trashedAt).not.toBeNull();
		expect(other._meta.fields?.trashedAt).toBeDefined();
		expect(other.lastContactAt).toBeNull();

		const moved = await linkedTo(a);
		for (const t of LINKED) {
			expect(bLinks[t]!.length, t).toBeGreaterThan(0);
			for (const id of bLinks[t]!) expect(moved[t], t).toContain(id);
			const rec = (await db().table(t).get(bLinks[t]![0]!)) as Synced;
			expect(rec._meta.fields?.customerId, t).toBeDefined();
		}
		expect((await listInteractions(a)).map((i) => i.summary)).toEqual([
			'second call',
			'first call'
		]);
		expect(Object.values(await linkedTo(b)).flat()).toEqual([]);
		expect(announced).toContainEqual([a, b]);

		const [summary] = await listMerges();
		expect(summary).toMatchObject({
			id: mergeId,
			survivorId: a,
			survivorName: '张伟',
			otherNames: ['张伟'],
			undone: false
		});
		expect(summary!.moved).toBe(Object.values(bLinks).flat().length);
	});

	it('merges three at once', async () => {
		const a = await customer('Three A', { emails: ['three@x.cn'] });
		const b = await customer('Three B', { emails: ['THREE@x.cn'] });
		const c = await customer('Three C', { phones: ['13900139000'] });
		await log(c, 'c call', Date.now() - 1000);
		await mergeCustomers(b, [a, c], { name: c });
		expect(await getCustomer(b)).toMatchObject({
			name: 'Three C',
			emails: ['THREE@x.cn'],
			phones: ['+8613900139000']
		});
		expect((await getCustomer(a))?.trashedAt).not.toBeNull();
		expect((await getCustomer(c))?.trashedAt).not.toBeNull();
		expect((await listInteractions(b)).map((i) => i.summary)).toEqual(['c call']);
	});

	it('refuses bad requests and writes nothing', async () => {
		const a = await customer('Refuse A');
		const b = await customer('Refuse B');
		const gone = await customer('Refuse Gone');
		await trashCustomer(gone);
		const before = await everything();
		const refused = async (p: Promise<unknown>, code: string) => {
			const e = await p.catch((x: unknown) => x);
			expect(e).toBeInstanceOf(MergeRefused);
			expect((e as MergeRefused).code).toBe(code);
		};
		await refused(mergeCustomers(a, []), 'merge_needs_two');
		await refused(mergeCustomers(a, [a]), 'merge_duplicate_id');
		await refused(mergeCustomers(a, [gone]), 'merge_customer_gone');
		await refused(mergeCustomers(a, ['no-such-id']), 'merge_customer_gone');
		await refused(mergeCustomers(a, [b], { city: 'stranger' }), 'merge_choice_invalid');
		expect(await everything()).toEqual(before);
	});

	it('leaves nothing half-written when a write fails mid-way', async () => {
		const a = await customer('Fail A', { phones: ['13700137000'] });
		const b = await customer('Fail B', { phones: ['13700137000'], city: '杭州' });
		await log(b, 'kept on b', Date.now() - 5000);
		await link(b);
		const before = await everything();
		// The audit record is written last: by then the survivor, the links and the trash are put.
		const failing = () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		};
		db().audit.hook('creating', failing);
		try {
			await expect(mergeCustomers(a, [b])).rejects.toThrow();
		} finally {
			db().audit.hook('creating').unsubscribe(failing);
		}
		expect(await everything()).toEqual(before);
		expect((await listInteractions(b)).map((i) => i.summary)).toEqual(['kept on b']);
	});
});

describe('undoMerge', () => {
	it('restores the survivor, moves the records back and brings the others back', async () => {
		const a = await customer('Undo A', { city: '', tier: 'A', phones: ['13600136000'] });
		const b = await customer('Undo B', { city: '苏州', tier: 'C', phones: ['13600136000'] });
		const ta = Date.now() - 7_200_000;
		const tb = Date.now() - 60_000;
		await log(a, 'on a', ta);
		await log(b, 'on b', tb);
		await link(b);
		const aLinks = await linkedTo(a);
		const bLinks = await linkedTo(b);
		const aBefore = (await getCustomer(a))!;
		const mergeId = await mergeCustomers(a, [b], { name: b, tier: b });
		expect((await getCustomer(a))?.name).toBe('Undo B');

		await undoMerge(mergeId);
		const survivor = (await getCustomer(a))!;
		expect(survivor).toMatchObject({
			name: 'Undo A',
			city: '',
			tier: 'A',
			phones: aBefore.phones,
			lastContactAt: ta,
			searchKeys: aBefore.searchKeys
		});
		expect(survivor._meta.updated > aBefore._meta.updated).toBe(true);
		expect(await getCustomer(b)).toMatchObject({ trashedAt: null, lastContactAt: tb });
		expect(await linkedTo(a)).toEqual(aLinks);
		expect(await linkedTo(b)).toEqual(bLinks);
		expect((await listInteractions(b)).map((i) => i.summary)).toEqual(['on b']);
		expect((await listMerges()).find((m) => m.id === mergeId)?.undone).toBe(true);

		const again = await undoMerge(mergeId).catch((e: unknown) => e);
		expect((again as MergeRefused).code).toBe('merge_already_undone');
	});

	it('keeps what was changed after the merge', async () => {
		const a = await customer('Later A', { emails: ['later@x.cn'] });
		const b = await customer('Later B', { emails: ['later@x.cn'], city: '厦门' });
		const mergeId = await mergeCustomers(a, [b], { name: b });
		const merged = (await getCustomer(a))!;
		const { id: _id, _meta, createdAt, lastContactAt, trashedAt, searchKeys, ...draft } = merged;
		void [_meta, createdAt, lastContactAt, trashedAt, searchKeys];
		await updateCustomer(a, { ...draft, name: 'Renamed since' });
		await log(a, 'logged after the merge', Date.now() - 1000);
		await undoMerge(mergeId);
		const survivor = (await getCustomer(a))!;
		expect(survivor.name).toBe('Renamed since');
		expect(survivor.city).toBe('');
		expect((await listInteractions(a)).map((i) => i.summary)).toEqual(['logged after the merge']);
	});

	it('is refused once a merged customer was purged, and writes nothing', async () => {
		const a = await customer('Purged A', { emails: ['purged@x.cn'] });
		const b = await customer('Purged B', { emails: ['purged@x.cn'] });
		const mergeId = await mergeCustomers(a, [b]);
		await purgeRecords([b]);
		const before = await everything();
		const e = await undoMerge(mergeId).catch((x: unknown) => x);
		expect((e as MergeRefused).code).toBe('undo_customer_gone');
		expect(await everything()).toEqual(before);
		const unknown = await undoMerge('nope').catch((x: unknown) => x);
		expect((unknown as MergeRefused).code).toBe('merge_not_found');
	});

	it('leaves nothing half-written when the undo fails mid-way', async () => {
		const a = await customer('Undo Fail A', { wechat: 'wx1' });
		const b = await customer('Undo Fail B', { wechat: 'wx1', city: '宁波' });
		await log(b, 'b log', Date.now() - 2000);
		const mergeId = await mergeCustomers(a, [b], { name: b });
		const before = await everything();
		const failing = () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		};
		db().audit.hook('updating', failing);
		try {
			await expect(undoMerge(mergeId)).rejects.toThrow();
		} finally {
			db().audit.hook('updating').unsubscribe(failing);
		}
		expect(await everything()).toEqual(before);
		await undoMerge(mergeId);
		expect((await getCustomer(b))?.trashedAt).toBeNull();
	});
});

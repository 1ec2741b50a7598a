import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Customer } from '$lib/domain/customer/customer';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { blankMember, type Member } from '$lib/domain/member/member';
import { CHANGE_FIELD } from '$lib/sync/change-number';
import { createRecord } from '$lib/sync/edit';
import { HybridClock } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
import type { Synced } from '$lib/sync/stamp';
import { db } from '../db';
import { declareVersions, DB_VERSION, type RapportDB } from '../schema';
import { getSession, nextStamp } from '../session';
import { addContact, updateContact } from './contacts';
import { listMerges, mergeCustomers, undoMerge } from './customer-merge';
import { createCustomer, getCustomer, updateCustomer } from './customers';
import { commitImport, stageOps, startImport, undoImport } from './imports';
import { logInteraction } from './interactions';
import { collectPersonData, eraseContact, eraseMember, erasePerson, eraseWith } from './person';
import { AsideMerge } from './snapshot-aside';
import { applySnapshotWith } from './snapshot-apply';
import { appContext } from './snapshot-context';
import { collectBytes, exportSnapshotWith } from './snapshot-export';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { teammate, TEST_KDF } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';

/**
 * Erasing a person must reach every copy of them, not only their records: the Undo data of
 * imports, the values conflicts list as lost, the audit log, records kept aside for a newer app
 * version, the duplicates merged into them that wait in the trash. The check reads every object
 * store of the database as IndexedDB holds it, so a store added later is read too.
 */

/** Every record of every object store, raw (no Dexie hooks), as JSON text. */
async function everyStore(): Promise<Map<string, string[]>> {
	const idb = db().backendDB();
	const names = [...idb.objectStoreNames];
	const tx = idb.transaction(names, 'readonly');
	const out = new Map<string, string[]>();
	await Promise.all(
		names.map(
			(name) =>
				new Promise<void>((resolve, reject) => {
					const req = tx.objectStore(name).getAll();
					req.onsuccess = () => {
						out.set(
							name,
							(req.result as unknown[]).map((r) => JSON.stringify(r))
						);
						resolve();
					};
					req.onerror = () => reject(req.error);
				})
		)
	);
	return out;
}

/** `store: record` for every record that holds one of the needles (case-insensitive). */
async function findEverywhere(
	needles: readonly string[],
	allowed: (store: string, json: string) => boolean = () => false
): Promise<string[]> {
	const found: string[] = [];
	const lower = needles.map((n) => n.toLowerCase());
	for (const [store, rows] of await everyStore())
		for (const json of rows) {
			const text = json.toLowerCase();
			const hits = lower.filter((n) => text.includes(n));
			if (hits.length > 0 && !allowed(store, json)) found.push(`${store}: ${hits.join(', ')}`);
		}
	return found;
}

/** The stores where a needle occurs at all. */
async function storesHolding(needles: readonly string[]): Promise<Set<string>> {
	return new Set((await findEverywhere(needles)).map((f) => f.slice(0, f.indexOf(':'))));
}

/** Keeps records of a kind this version does not know, as an import of a newer file does. */
async function keepAside(table: string, records: SyncRecord[]): Promise<void> {
	const aside = new AsideMerge(await appContext());
	await aside.add(table, records);
	await aside.write();
}

interface Person {
	name: string;
	latinName: string;
	phone: string;
	email: string;
	wechat: string;
	/** The email a teammate gave them, which loses to ours and is listed as a conflict. */
	lostEmail: string;
	contactName: string;
	contactPhone: string;
}

const person = (n: number): Person => ({
	name: `赵六${'甲乙丙丁'[n]}`,
	latinName: `Zhao Liu${n}`,
	phone: `1370000${1234 + n}`,
	email: `zhao.liu${n}@example.com`,
	wechat: `zhaoliu_wx${n}`,
	lostEmail: `zhao.old${n}@example.com`,
	contactName: `钱七${'甲乙丙丁'[n]}`,
	contactPhone: `1390000${5678 + n}`
});

const needlesOf = (p: Person, id: string) => [
	id,
	p.name,
	p.latinName,
	p.phone,
	p.email,
	p.wechat,
	p.lostEmail,
	p.contactName,
	p.contactPhone
];

/**
 * A tombstone keeps the erased id (and nothing else): it is what stops an old snapshot from
 * bringing the person back.
 */
function tombstoneOnly(store: string, json: string): boolean {
	if (store !== 'tombstones') return false;
	const t = JSON.parse(json) as Record<string, unknown>;
	// The local change number says only when this device wrote it.
	const keys = Object.keys(t).filter((k) => k !== CHANGE_FIELD);
	return keys.sort().join() === 'by,hlc,id,table';
}

/**
 * Stores that hold nothing about a customer: member profiles, goals, reviews, the team's levels,
 * dated member facts, closed periods and settings, running sums, the change counter; training,
 * plans and reports (about members); checklists, and their ticks and flags, which name a deal or
 * ticket by id only.
 */
const NOTHING_ABOUT_A_CUSTOMER = [
	'members',
	'goals',
	'reviews',
	'levels',
	'memberFacts',
	'periodCloses',
	'teamSettings',
	'tallies',
	'tombstones',
	'changeCounter',
	'courses',
	'trainingRecords',
	'trainingPlans',
	'workPlans',
	'dailyReports',
	'checklists',
	'checklistTicks',
	'checklistFlags',
	// Pay names members, plans and orders, never a customer.
	'payPlans',
	'payCloses',
	'payStatements',
	'payAdjustments',
	'payTeamBonuses',
	'payAcks',
	'payDisputes',
	'contests',
	'contestStandings',
	'payAside'
];

async function linkRecords(customerId: string): Promise<void> {
	for (const table of ['deals', 'dealStageChanges', 'orders', 'tickets', 'feedback']) {
		const rec = createRecord<Synced>(
			crypto.randomUUID(),
			{ customerId, trashedAt: null, title: `${table} of the customer` } as never,
			await nextStamp()
		);
		await db().table(table).add(rec);
	}
}

/**
 * The person's data in every place the app keeps it: their records (with a contact person, a
 * logged call and its follow-up task, a deal, an order, a ticket, feedback); a duplicate merged
 * into them (in the trash, and the merge in the audit log); a CSV import that changed them (Undo
 * data) and one still staged; a teammate's snapshot that changed them and lost a conflict over
 * their email (Undo data, conflict, audit); a record of a kind this version does not know, kept
 * aside.
 */
interface Seeded {
	id: string;
	duplicateId: string;
	mergeId: string;
	/** Another customer the same CSV import changed: their Undo must keep working. */
	bystanderId: string;
	csvImportId: string;
	snapshotImportId: string;
}

async function seed(p: Person): Promise<Seeded> {
	const { member } = await getSession();
	const draft = {
		...emptyCustomerDraft(member.id),
		name: `${p.name} ${p.latinName}`,
		phones: [p.phone],
		emails: [p.email],
		wechat: p.wechat,
		notes: 'note before the import'
	};
	const id = await createCustomer(draft);
	await addContact(id, {
		name: p.contactName,
		title: '',
		phones: [p.contactPhone],
		emails: [],
		wechat: '',
		isPrimary: true,
		notes: ''
	});
	await logInteraction({
		customerId: id,
		type: 'call',
		at: Date.now() - 86_400_000,
		durationMinutes: null,
		summary: `Called ${p.latinName}`,
		outcome: '',
		satisfaction: null,
		nextFollowUp: '2999-01-01',
		ownerId: member.id
	});
	await linkRecords(id);

	const duplicateId = await createCustomer({ ...draft, name: p.name, notes: '' });
	const mergeId = await mergeCustomers(id, [duplicateId]);

	const bystanderId = await createCustomer({
		...emptyCustomerDraft(member.id),
		name: '旁人 Bystander',
		notes: 'bystander before'
	});
	const csv = await startImport({ fileName: 'update.csv', target: 'customers', counts: {} });
	await stageOps(csv, 0, [
		{
			op: 'update',
			table: 'customers',
			id,
			patch: { notes: 'note after the import' },
			mode: 'overwrite'
		},
		{
			op: 'update',
			table: 'customers',
			id: bystanderId,
			patch: { notes: 'bystander after' },
			mode: 'overwrite'
		}
	]);
	await commitImport(csv);
	const staged = await startImport({
		fileName: `${p.name}.csv`,
		target: 'interactions',
		counts: {}
	});
	await stageOps(staged, 0, [
		{
			op: 'create',
			table: 'interactions',
			id: crypto.randomUUID(),
			data: { customerId: id, summary: `Visited ${p.latinName}` }
		}
	]);

	const ctx = await appContext();
	const mate = await teammate(`mate-${id}`, `devm${id.slice(0, 8)}`, '孙经理');
	await mate.importFile(
		await collectBytes(exportSnapshotWith(ctx, { kind: 'all' }, { testOnly: TEST_KDF }))
	);
	await mate.edit('customers', id, { emails: [p.lostEmail], address: `${p.name}家` });
	const theirs = await mate.exportFile();
	const current = await getCustomer(id);
	if (!current) throw new Error('seed: customer missing');
	const {
		id: _id,
		_meta,
		searchKeys: _k,
		lastContactAt: _l,
		trashedAt: _t,
		createdAt: _c,
		...mine
	} = current;
	// Ours is the later edit of the email; theirs is the only edit of the address.
	await updateCustomer(id, { ...mine, emails: [p.email, `work.${p.email}`] });
	const reader = await openSnapshotFile([theirs], { testOnly: TEST_KDF });
	const preview = await previewSnapshotWith(ctx, reader, { fileName: 'from-sun.rapport' });
	await applySnapshotWith(ctx, preview.importId);

	const visit = createRecord<SyncRecord & Record<string, unknown>>(
		`visit-${id}`,
		{ customerId: id, note: `Visited ${p.latinName} at home` },
		await nextStamp()
	);
	await keepAside('visits', [visit]);
	return {
		id,
		duplicateId,
		mergeId,
		bystanderId,
		csvImportId: csv,
		snapshotImportId: preview.importId
	};
}

describe('erasing a customer', () => {
	it('leaves nothing of them in any object store: Undo data, conflicts, audit, aside, merged duplicates', async () => {
		const p = person(0);
		const { id, duplicateId } = await seed(p);
		const needles = needlesOf(p, id);

		// The seed reached every store that can hold a customer's data; a store added later
		// fails here until it is seeded (or listed as holding nothing about a customer).
		const holding = await storesHolding(needles);
		expect(holding).toContain('conflicts');
		const names = [...db().backendDB().objectStoreNames];
		expect(names.filter((s) => !holding.has(s) && !NOTHING_ABOUT_A_CUSTOMER.includes(s))).toEqual(
			[]
		);
		expect([...holding].filter((s) => NOTHING_ABOUT_A_CUSTOMER.includes(s))).toEqual([]);

		await erasePerson(id);

		expect(await findEverywhere(needles, tombstoneOnly)).toEqual([]);
		expect(await db().tombstones.get(['customers', id])).toBeDefined();
		expect(await db().tombstones.get(['customers', duplicateId])).toBeDefined();
		expect(await db().tombstones.get(['visits', `visit-${id}`])).toBeDefined();
	});

	it('no Undo brings them back; the Undo of others in the same import still works', async () => {
		const p = person(2);
		const s = await seed(p);
		await erasePerson(s.id);
		const ctx = await appContext();
		await undoSnapshotImportWith(ctx, s.snapshotImportId);
		await undoImport(s.csvImportId);
		expect(await getCustomer(s.id)).toBeUndefined();
		expect((await getCustomer(s.bystanderId))?.notes).toBe('bystander before');
		await expect(undoMerge(s.mergeId)).rejects.toThrow('undo_customer_gone');
		expect(await findEverywhere(needlesOf(p, s.id), tombstoneOnly)).toEqual([]);
		// The log says an erasure happened, and how much, never who.
		const [erased] = (await db().audit.toArray()).filter((e) => e.action === 'erase_person');
		expect(erased?.detail).toEqual({ records: expect.any(Number) });
		// The merge stays in the list of merges, without their names.
		const merge = (await listMerges()).find((m) => m.id === s.mergeId);
		expect(merge).toMatchObject({ survivorName: '', otherNames: [] });
	});
});

describe("a person's data export", () => {
	it('includes their Undo data, conflicts, audit entries, aside records and duplicates', async () => {
		const p = person(1);
		const { id, duplicateId, mergeId } = await seed(p);
		const data = await collectPersonData(id);
		const json = JSON.stringify(data);
		// The copy an import's Undo keeps (the note it overwrote), the email that lost a conflict,
		// the merge, the record kept aside, the duplicate in the trash.
		expect(json).toContain('note before the import');
		expect(json).toContain(p.lostEmail);
		expect(json).toContain(mergeId);
		expect(json).toContain(`visit-${id}`);
		expect(json).toContain(duplicateId);
		// Their records as a snapshot carries them: without this device's change numbers.
		const records = [data!.customer, ...data!.contacts, ...data!.interactions, ...data!.tasks];
		expect(records.length).toBeGreaterThan(2);
		for (const r of [...records, ...data!.mergedDuplicates])
			expect(r).not.toHaveProperty(CHANGE_FIELD);
	});
});

/** Imports a teammate's file into this device's database, as the Share page does. */
async function importFrom(bytes: Uint8Array, fileName: string): Promise<string> {
	const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
	const preview = await previewSnapshotWith(await appContext(), reader, { fileName });
	await applySnapshotWith(await appContext(), preview.importId);
	return preview.importId;
}

async function exportMine(): Promise<Uint8Array> {
	return collectBytes(
		exportSnapshotWith(await appContext(), { kind: 'all' }, { testOnly: TEST_KDF })
	);
}

describe('erasing a contact person', () => {
	it('removes them with a tombstone and from Undo data, conflicts and aside; the customer stays', async () => {
		const { member } = await getSession();
		const customerId = await createCustomer({
			...emptyCustomerDraft(member.id),
			kind: 'company',
			name: '联系公司 Contact Co'
		});
		const contact = {
			name: '吴九',
			title: '采购',
			phones: ['13600009999'],
			emails: ['wu.jiu@example.com'],
			wechat: 'wujiu_wx',
			isPrimary: true,
			notes: ''
		};
		const contactId = await addContact(customerId, contact);
		const otherId = await addContact(customerId, {
			...contact,
			name: '郑十',
			phones: [],
			emails: [],
			wechat: '',
			isPrimary: false
		});
		const csv = await startImport({ fileName: 'contacts.csv', target: 'customers', counts: {} });
		await stageOps(csv, 0, [
			{ op: 'update', table: 'contacts', id: contactId, patch: { title: '采购经理' } }
		]);
		await commitImport(csv);
		const mate = await teammate('mate-contact', 'devcontact', '冯经理');
		await mate.importFile(await exportMine());
		await mate.edit('contacts', contactId, { wechat: 'wujiu_old' });
		const theirs = await mate.exportFile();
		await updateContact(contactId, { ...contact, title: '采购经理', wechat: 'wujiu_new' });
		await importFrom(theirs, 'from-feng.rapport');
		expect(
			await db()
				.conflicts.filter((c) => c.recordId === contactId)
				.count()
		).toBe(1);
		await keepAside('visits', [
			createRecord<SyncRecord & Record<string, unknown>>(
				'visit-contact',
				{ contactId, note: 'met 吴九' },
				await nextStamp()
			)
		]);
		const needles = [contactId, '吴九', '13600009999', 'wu.jiu@example.com', 'wujiu_'];
		expect(await storesHolding(needles)).toEqual(
			new Set(['contacts', 'importBatches', 'conflicts', 'settings'])
		);

		await eraseContact(contactId);

		expect(await findEverywhere(needles, tombstoneOnly)).toEqual([]);
		expect(await db().tombstones.get(['contacts', contactId])).toBeDefined();
		expect(await getCustomer(customerId)).toBeDefined();
		expect((await db().contacts.get(otherId))?.name).toBe('郑十');
	});
});

describe('erasing a team member who left', () => {
	it('removes their name, email and phone everywhere; records they own keep their id', async () => {
		const mate = await teammate('mate-leaver', 'devleaver', '周经理');
		await mate.addCustomer('owned-by-zhou', { name: '周的客户' });
		const leaverId = mate.session.member.id;
		await importFrom(await mate.exportFile(), 'rapport-周经理-2025-06-01.rapport');
		// A second file changes their profile: its Undo keeps the profile as it was.
		await mate.edit('members', leaverId, { email: 'zhou@example.com', phone: '+8613900001234' });
		await importFrom(await mate.exportFile(), 'rapport-周经理-2025-06-02.rapport');
		expect((await db().members.get(leaverId))?.name).toBe('周经理');
		const needles = ['周经理', 'zhou@example.com', '+8613900001234'];
		expect(await storesHolding(needles)).toEqual(new Set(['members', 'audit', 'importBatches']));

		await eraseMember(leaverId);

		expect(await findEverywhere(needles)).toEqual([]);
		expect(await db().members.get(leaverId)).toBeUndefined();
		expect(await db().tombstones.get(['members', leaverId])).toBeDefined();
		expect((await db().customers.get('owned-by-zhou'))?.ownerId).toBe(leaverId);
		// The import they sent is still in the log, under their id.
		const log = (await db().audit.toArray()).find(
			(e) =>
				e.action === 'snapshot_import' &&
				(e.detail.from as { memberId: string }).memberId === leaverId
		);
		expect(log?.detail).toMatchObject({
			fileName: '',
			from: { memberId: leaverId, memberName: '' }
		});
	});

	it('refuses to erase this device’s own member', async () => {
		const { member } = await getSession();
		await expect(eraseMember(member.id)).rejects.toThrow('erase_self');
		expect(await db().members.get(member.id)).toBeDefined();
	});
});

describe('a store a later version adds', () => {
	it('is searched too: rows about the person go, other rows lose what names them', async () => {
		const d = new Dexie('later-version') as RapportDB;
		declareVersions(d);
		d.version(DB_VERSION + 1).stores({ recordings: 'id, customerId', scratch: '' });
		const clock = new HybridClock('devlater', Date.now);
		const member = createRecord<Member>('me-later', blankMember('Me', 'manager'), {
			hlc: clock.tick(),
			by: 'me-later'
		});
		const stamp = () => ({ hlc: clock.tick(), by: member.id });
		await d.customers.add(
			createRecord<Customer>(
				'c-later',
				{
					...emptyCustomerDraft(member.id),
					name: '陈十一',
					phones: ['+8613500001111'],
					createdAt: 0,
					lastContactAt: null,
					trashedAt: null,
					searchKeys: ''
				},
				stamp()
			)
		);
		await d.table('recordings').bulkAdd([
			{ id: 'r1', customerId: 'c-later', transcript: 'hello' },
			{ id: 'r2', customerId: 'c-other', transcript: 'call back 陈十一 on 135 0000 1111' }
		]);
		await d.table('scratch').add({ text: 'remember 陈十一', n: 1 }, 'k1');

		await eraseWith(
			{ db: d, session: { deviceId: 'devlater', member, clock } },
			{
				kind: 'customer',
				id: 'c-later'
			}
		);

		expect(await d.table('recordings').toArray()).toEqual([
			{ id: 'r2', customerId: 'c-other', transcript: '' }
		]);
		expect(await d.table('scratch').get('k1')).toEqual({ text: '', n: 1 });
		expect(await d.customers.count()).toBe(0);
		d.close();
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { createRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import type { Synced } from '$lib/sync/stamp';
import { db } from '../db';
import { getSession, nextStamp } from '../session';
import { addContact } from './contacts';
import { mergeCustomers } from './customer-merge';
import { createCustomer, getCustomer, updateCustomer } from './customers';
import { commitImport, stageOps, startImport } from './imports';
import { logInteraction } from './interactions';
import { collectPersonData, erasePerson } from './person';
import { mergeAside } from './snapshot-aside';
import { applySnapshotWith } from './snapshot-apply';
import { appContext } from './snapshot-context';
import { collectBytes, exportSnapshotWith } from './snapshot-export';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { teammate, TEST_KDF } from './snapshot-teammates';

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

/** Stores that hold nothing about a customer: member profiles, goals, reviews, running sums. */
const NOTHING_ABOUT_A_CUSTOMER = ['members', 'goals', 'reviews', 'tallies', 'tombstones'];

async function linkRecords(customerId: string): Promise<void> {
	for (const table of ['deals', 'orders', 'tickets', 'feedback']) {
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
async function seed(p: Person): Promise<{ id: string; duplicateId: string; mergeId: string }> {
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

	const csv = await startImport({ fileName: 'update.csv', target: 'customers', counts: {} });
	await stageOps(csv, 0, [
		{
			op: 'update',
			table: 'customers',
			id,
			patch: { notes: 'note after the import' },
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
	await mergeAside(ctx, 'visits', [visit]);
	return { id, duplicateId, mergeId };
}

describe('erasing a customer', () => {
	it.fails(
		'leaves nothing of them in any object store: Undo data, conflicts, audit, aside, merged duplicates',
		async () => {
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

			// A tombstone keeps the erased id (and nothing else): it is what stops an old snapshot
			// from bringing the person back.
			const tombstone = (store: string, json: string) => {
				if (store !== 'tombstones') return false;
				const t = JSON.parse(json) as Record<string, unknown>;
				return Object.keys(t).sort().join() === 'by,hlc,id,table';
			};
			expect(await findEverywhere(needles, tombstone)).toEqual([]);
			expect(await db().tombstones.get(['customers', id])).toBeDefined();
			expect(await db().tombstones.get(['customers', duplicateId])).toBeDefined();
			expect(await db().tombstones.get(['visits', `visit-${id}`])).toBeDefined();
		}
	);
});

describe("a person's data export", () => {
	it.fails(
		'includes their Undo data, conflicts, audit entries, aside records and duplicates',
		async () => {
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
		}
	);
});

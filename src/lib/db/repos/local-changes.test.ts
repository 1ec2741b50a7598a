import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { NUMBERED_TABLES, type NumberedTable } from '../change-counter-middleware';
import { db } from '../db';
import { getSession } from '../session';
import { createCustomer, trashCustomer, updateCustomer } from './customers';
import { commitImport, stageOps, startImport, undoImport } from './imports';
import { logInteraction } from './interactions';
import { changedSince, changeMark, changeNumberOf, countChangedSince } from './local-changes';
import { erasePerson } from './person';
import { purgeExpiredTrash } from './trash-expiry';
import { appContext } from './snapshot-context';
import { applySnapshotWith } from './snapshot-apply';
import { openSnapshotFile } from './snapshot-open';
import { previewSnapshotWith } from './snapshot-preview';
import { restoreSnapshotWith } from './snapshot-restore';
import { teammate, TEST_KDF } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';

/**
 * Every path that writes the user's data numbers what it writes (db/change-counter-middleware.ts),
 * so "changed since the mark taken before it" finds exactly what it wrote: forms, the CSV import
 * (the commit worker runs the same applyImport), its undo, purges, erasures, a teammate's file
 * merged, its undo, and a backup restored.
 */

const keyOf = (table: NumberedTable, r: Record<string, unknown>) =>
	table === 'tombstones' ? `${String(r.table)}/${String(r.id)}!` : `${table}/${String(r.id)}`;

/** Every record and tombstone stored carries its own number, none above the counter. */
async function expectAllNumbered(): Promise<void> {
	const mark = await changeMark();
	const numbers: number[] = [];
	for (const t of NUMBERED_TABLES)
		for (const r of await db().table(t).toArray()) numbers.push(changeNumberOf(r));
	expect(numbers.every((n) => Number.isInteger(n) && n > 0 && n <= mark)).toBe(true);
	expect(new Set(numbers).size).toBe(numbers.length);
}

/** What was written after `mark`, as `table/id` (tombstones as `table/id!`). */
async function since(mark: number): Promise<string[]> {
	const out: string[] = [];
	for (const t of NUMBERED_TABLES)
		for (const r of await changedSince(t, mark)) out.push(keyOf(t, r));
	expect(await countChangedSince(mark)).toBe(out.length);
	return out.sort();
}

/** Runs a step and says what it wrote, after checking that everything stays numbered. */
async function wrote(step: () => Promise<unknown>): Promise<string[]> {
	const mark = await changeMark();
	await step();
	await expectAllNumbered();
	return since(mark);
}

async function fileFrom(name: string, kind: 'all' | 'backup' = 'all'): Promise<Uint8Array> {
	const t = await teammate(`chg-${name}`, `dev${name}`, name);
	await t.db.settings.bulkPut([
		{ key: 'deviceId', value: t.session.deviceId },
		{ key: 'memberId', value: t.session.member.id }
	]);
	await t.addCustomer(`${name}-c`);
	await t.addInteraction(`${name}-i`, `${name}-c`, 1_700_000_000_000);
	return t.exportFile({ kind });
}

async function stage(bytes: Uint8Array): Promise<string> {
	const reader = await openSnapshotFile([bytes], { testOnly: TEST_KDF });
	return (await previewSnapshotWith(await appContext(), reader, { fileName: 'f.rapport' }))
		.importId;
}

describe('changes since a mark', () => {
	it('every write path numbers what it writes, and only that', async () => {
		const { member } = await getSession();
		const me = `members/${member.id}`;
		let c1 = '';
		expect(
			await wrote(async () => {
				c1 = await createCustomer({ ...emptyCustomerDraft(member.id), name: '张三' });
			})
		).toEqual([`customers/${c1}`]);

		const logged = await wrote(async () => {
			await logInteraction({
				customerId: c1,
				type: 'call',
				at: Date.now(),
				durationMinutes: null,
				summary: '回访',
				outcome: '',
				satisfaction: null,
				nextFollowUp: null,
				ownerId: member.id
			});
		});
		// The customer's last contact changed with it.
		expect(logged).toHaveLength(2);
		expect(logged).toContain(`customers/${c1}`);

		const importId = await startImport({ fileName: 'a.csv', target: 'customer', counts: {} });
		const data = { ...emptyCustomerDraft(member.id), name: '李四', createdAt: 1 };
		await stageOps(importId, 0, [
			{ op: 'create', table: 'customers', id: 'imp-1', data },
			{ op: 'update', table: 'customers', id: c1, patch: { city: '苏州' }, mode: 'overwrite' }
		]);
		expect(await wrote(() => commitImport(importId))).toEqual(
			[`customers/${c1}`, 'customers/imp-1'].sort()
		);
		// Undo of a CSV import: the created customer goes to the trash, the field back.
		expect(await wrote(() => undoImport(importId))).toEqual(
			[`customers/${c1}`, 'customers/imp-1'].sort()
		);

		// A teammate's file merged, then undone: the undo removes what it created, without a
		// tombstone (the records are the teammate's), so it leaves nothing to number.
		const merged = await stage(await fileFrom('b'));
		expect(await wrote(async () => applySnapshotWith(await appContext(), merged))).toEqual(
			expect.arrayContaining(['customers/b-c', 'interactions/b-i', 'members/member-devb'])
		);
		expect(await wrote(async () => undoSnapshotImportWith(await appContext(), merged))).toEqual([]);

		// A backup restored: its records; this install's own member, which owns records, is untouched.
		const restored = await stage(await fileFrom('r', 'backup'));
		const back = await wrote(async () => restoreSnapshotWith(await appContext(), restored));
		expect(back).toEqual(
			expect.arrayContaining(['customers/r-c', 'interactions/r-i', 'members/member-devr'])
		);
		expect(back).not.toContain(me);

		// Trashed, then purged: the purge leaves tombstones, numbered.
		const trashed = await createCustomer({ ...emptyCustomerDraft(member.id), name: '王五' });
		expect(await wrote(() => trashCustomer(trashed))).toEqual([`customers/${trashed}`]);
		const purged = await wrote(() => purgeExpiredTrash(Date.now() + 31 * 86_400_000));
		expect(purged).toContain(`customers/${trashed}!`);
		expect(purged).toContain('customers/imp-1!');

		// An erasure: tombstones of the customer and their log.
		const erased = await wrote(() => erasePerson(c1));
		expect(erased).toContain(`customers/${c1}!`);
		expect(erased.filter((k) => k.startsWith('interactions/') && k.endsWith('!'))).toHaveLength(1);

		// An edit of a record stored before: a number after everything else.
		const before = await changeMark();
		await updateCustomer('r-c', { ...emptyCustomerDraft(member.id), name: '改名' });
		expect(await since(before)).toEqual(['customers/r-c']);
		expect(changeNumberOf((await db().customers.get('r-c'))!)).toBe(before + 1);
	});

	it('pages by number: the next page starts after the last number read', async () => {
		const { member } = await getSession();
		const mark = await changeMark();
		const ids: string[] = [];
		for (let i = 0; i < 5; i++)
			ids.push(await createCustomer({ ...emptyCustomerDraft(member.id), name: `客户 ${i}` }));
		const first = await changedSince('customers', mark, 2);
		const rest = await changedSince('customers', changeNumberOf(first.at(-1)!));
		expect([...first, ...rest].map((r) => r.id)).toEqual(ids);
		expect(await changedSince('customers', mark + 5)).toEqual([]);
		expect(await countChangedSince(mark + 5)).toBe(0);
	});
});

import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/sync/exchange';
import { applyBatchWith } from './snapshot-batch-apply';
import { planBatchUndoWith, undoBatchWith } from './snapshot-batch-undo';
import { openBatchWith } from './snapshot-batch-open';
import { previewBatchWith } from './snapshot-batch-preview';
import { listSnapshotImportsWith } from './snapshot-imports';
import { dumpTables, teammate, TEST_KDF, type Teammate } from './snapshot-teammates';

/**
 * Many files at once: one preview, one apply, one undo. The batch's result is compared with the
 * same files applied one by one on a second copy of the lead's database.
 */
let n = 0;
const toLead = (t: Teammate): Exchange => ({
	recipient: { kind: 'lead' },
	scope: { kind: 'mine', memberId: t.session.member.id }
});

interface Named {
	name: string;
	bytes: Uint8Array;
}

/** Two managers' weeks: Li two files of changes, Wang one; and two empty leads to receive them. */
async function week() {
	n++;
	const li = await teammate(`b-li${n}`, `bli${n}`, '李娜');
	const wang = await teammate(`b-wang${n}`, `bwang${n}`, '王经理');
	const lead = await teammate(`b-lead${n}`, `blead${n}`, '张主管', 'ops_lead');
	const alone = await teammate(`b-alone${n}`, `blead${n}`, '张主管', 'ops_lead');
	await li.addCustomer('li-1', { city: '北京' });
	await li.addCustomer('li-2');
	await li.addInteraction('li-call', 'li-1', 1_700_000_000_000);
	const li1: Named = { name: 'li-1.rapport', bytes: (await li.send(toLead(li))).bytes };
	await li.edit('customers', 'li-1', { city: '上海' });
	await li.addCustomer('li-3');
	const li2: Named = { name: 'li-2.rapport', bytes: (await li.send(toLead(li))).bytes };
	// A file Wang sent someone else (to the team) first, with another customer.
	await wang.addCustomer('wang-0');
	const wang0: Named = {
		name: 'wang-0.rapport',
		bytes: (await wang.send({ recipient: { kind: 'team' }, scope: { kind: 'all' } })).bytes
	};
	await wang.addCustomer('wang-1', { city: '广州' });
	const wang1: Named = { name: 'wang-1.rapport', bytes: (await wang.send(toLead(wang))).bytes };
	return { li, wang, lead, alone, li1, li2, wang0, wang1 };
}

/** The data, but the receiver's own member record (each copy of the lead made its own). */
async function sharedData(t: Teammate) {
	const dump = await dumpTables(t, { withoutDerived: true });
	const me = t.session.member.id;
	return { ...dump, members: dump.members!.filter((m) => (m as { id: string }).id !== me) };
}

async function batchInto(lead: Teammate, files: Named[]) {
	const opened = await openBatchWith(
		lead,
		files.map((f) => ({ name: f.name, size: f.bytes.length, source: [f.bytes] })),
		{ testOnly: TEST_KDF }
	);
	return previewBatchWith(lead, opened.toRead, opened.refused, { freeBytes: null });
}

describe('many snapshot files at once', () => {
	it('previews per teammate, names the bad files, applies the rest as one by one, undoes as one', async () => {
		const { lead, alone, li1, li2, wang0, wang1 } = await week();
		// A cut copy of a file chosen whole too, and a file cut short with no whole copy.
		const cut: Named = { name: 'cut.rapport', bytes: li2.bytes.slice(0, li2.bytes.length - 40) };
		const cutAlone: Named = {
			name: 'wang-cut.rapport',
			bytes: wang0.bytes.slice(0, wang0.bytes.length - 40)
		};
		const again: Named = { name: 'li-1 (copy).rapport', bytes: li1.bytes };
		const p = await batchInto(lead, [li2, cut, wang1, again, li1, cutAlone]);

		// The copy was chosen first: it is the one applied, and the later choice is the repeat.
		expect(p.files.map((f) => f.name).sort()).toEqual([again.name, li2.name, wang1.name].sort());
		// Li's files apply in the order of her changes, whatever order they were chosen in.
		const names = p.files.map((f) => f.name);
		expect(names.indexOf(again.name)).toBeLessThan(names.indexOf(li2.name));
		expect(p.refused).toEqual([
			{ name: 'cut.rapport', code: 'batch_cut_copy', of: 'li-2.rapport' },
			{ name: 'li-1.rapport', code: 'batch_repeat', of: 'li-1 (copy).rapport' },
			{ name: 'wang-cut.rapport', code: 'snapshot_truncated' }
		]);
		const li = p.senders.find((s) => s.name === '李娜')!;
		// li-1, li-2, the call, the member: each record once, as the files apply in order.
		expect(li.files).toBe(2);
		expect(li.stats.new).toBeGreaterThanOrEqual(4);
		expect(li.missing).toEqual([]);
		const wang = p.senders.find((s) => s.name === '王经理')!;
		expect(wang).toMatchObject({ files: 1, missing: [] });
		expect(wang.stats.new).toBe(3); // wang-0 and wang-1 (his file for the lead), and Wang

		const before = await dumpTables(lead);
		const result = await applyBatchWith(
			lead,
			p.files.map((f) => f.preview.importId)
		);
		// Li: herself, li-1, li-2, the call, then li-3; Wang: himself, wang-0, wang-1.
		expect(result).toMatchObject({ files: 3, created: 8, updated: 1, deleted: 0 });
		expect((await lead.db.customers.get('li-1'))?.city).toBe('上海');
		expect(await lead.db.customers.get('wang-1')).toBeDefined();

		// The same files one by one, in the preview's order, on a copy of the lead: the same data.
		for (const f of [li1, li2, wang1]) await alone.importFile(f.bytes);
		expect(await sharedData(lead)).toEqual(await sharedData(alone));

		const plan = await planBatchUndoWith(lead, result.group);
		expect(plan).toMatchObject({ removed: 8, restored: 0, keptCount: 0 });
		await undoBatchWith(lead, result.group);
		expect(await dumpTables(lead)).toEqual({
			...before,
			members: before.members
		});
		expect((await listSnapshotImportsWith(lead)).every((r) => r.undone)).toBe(true);
		await expect(undoBatchWith(lead, result.group)).rejects.toThrow('import_not_undoable');
	});

	it('gives the same data whatever order the files are chosen in, with repeats', async () => {
		const { lead, alone, li1, li2, wang1 } = await week();
		const orders = [
			[wang1, li2, li1, li2],
			[li2, wang1, li1, wang1, li1]
		];
		const dumps: unknown[] = [];
		for (const [i, order] of orders.entries()) {
			const into = i === 0 ? lead : alone;
			const p = await batchInto(into, order);
			expect(p.files).toHaveLength(3);
			await applyBatchWith(
				into,
				p.files.map((f) => f.preview.importId)
			);
			dumps.push(await sharedData(into));
		}
		expect(dumps[1]).toEqual(dumps[0]);
	});

	it('law: a batch, in any order chosen and with repeats, equals its files one by one', async () => {
		const { alone, li1, li2, wang0, wang1 } = await week();
		const files = [li1, li2, wang0, wang1];
		// The reference: each file alone, in the order of the sender's changes.
		for (const f of files) await alone.importFile(f.bytes);
		const expected = await sharedData(alone);
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(
				fc
					.array(fc.nat({ max: files.length - 1 }), { maxLength: 4 })
					.chain((extra) =>
						fc.shuffledSubarray([0, 1, 2, 3, ...extra], { minLength: 4 + extra.length })
					),
				async (picks) => {
					runs++;
					const lead = await teammate(`b-law${n}-${runs}`, `blead${n}`, '张主管', 'ops_lead');
					const p = await batchInto(
						lead,
						picks.map((i, k) => ({ ...files[i]!, name: `${k}.rapport` }))
					);
					expect(p.files).toHaveLength(4);
					expect(p.refused.map((r) => r.code)).toEqual(picks.slice(4).map(() => 'batch_repeat'));
					await applyBatchWith(
						lead,
						p.files.map((f) => f.preview.importId)
					);
					expect(await sharedData(lead)).toEqual(expected);
					lead.db.close();
				}
			),
			{ numRuns: 20 }
		);
		expect(runs).toBeGreaterThanOrEqual(20);
	});

	it('lists a gap between files once the batch is held, and a file for someone else', async () => {
		const { li, lead, li1, li2 } = await week();
		await li.addCustomer('li-4');
		const li3: Named = { name: 'li-3.rapport', bytes: (await li.send(toLead(li))).bytes };
		const forWang: Named = {
			name: 'for-wang.rapport',
			bytes: (
				await li.send({
					recipient: { kind: 'member', memberId: 'someone-else' },
					scope: { kind: 'mine', memberId: li.session.member.id }
				})
			).bytes
		};
		const p = await batchInto(lead, [li3, li1, forWang]);
		expect(p.refused).toEqual([{ name: 'for-wang.rapport', code: 'batch_wrong_recipient' }]);
		const sender = p.senders.find((s) => s.name === '李娜')!;
		expect(sender.missing).toHaveLength(1);
		void li2;
		// With the file in between, nothing is missing.
		const all = await batchInto(lead, [li3, li2, li1]);
		expect(all.senders.find((s) => s.name === '李娜')!.missing).toEqual([]);
	});

	it('a stopped read leaves nothing staged', async () => {
		const { lead, li1, li2, wang1 } = await week();
		const opened = await openBatchWith(
			lead,
			[li1, li2, wang1].map((f) => ({ name: f.name, size: f.bytes.length, source: [f.bytes] })),
			{ testOnly: TEST_KDF }
		);
		const stop = new AbortController();
		let files = 0;
		const read = previewBatchWith(lead, opened.toRead, opened.refused, {
			freeBytes: null,
			watch: {
				signal: stop.signal,
				onRead: () => {
					if (++files === 2) stop.abort(new DOMException('cancelled', 'AbortError'));
				}
			}
		});
		await expect(read).rejects.toThrow();
		expect(await lead.db.imports.count()).toBe(0);
		expect(await lead.db.importBatches.count()).toBe(0);
	});
});

describe('last contact over a batch', () => {
	it('is the newest call not in the trash once all files applied, as one by one', async () => {
		n++;
		const li = await teammate(`bl-li${n}`, `blli${n}`, '李娜');
		const lead = await teammate(`bl-lead${n}`, `bllead${n}`, '张主管', 'ops_lead');
		const alone = await teammate(`bl-alone${n}`, `bllead${n}`, '张主管', 'ops_lead');
		const t1 = 1_700_000_000_000;
		await li.addCustomer('c1');
		await li.addInteraction('call-1', 'c1', t1);
		const f1 = (await li.send(toLead(li))).bytes;
		await li.addInteraction('call-2', 'c1', t1 + 5_000);
		const f2 = (await li.send(toLead(li))).bytes;
		// An older call, and the newest one trashed: the last contact goes back to the first call.
		await li.addInteraction('call-0', 'c1', t1 - 5_000);
		await li.edit('interactions', 'call-2', { trashedAt: t1 + 6_000 });
		const f3 = (await li.send(toLead(li))).bytes;
		const files = [f1, f2, f3].map((bytes, i) => ({ name: `${i}.rapport`, bytes }));
		const p = await batchInto(lead, files);
		await applyBatchWith(
			lead,
			p.files.map((f) => f.preview.importId)
		);
		expect((await lead.db.customers.get('c1'))?.lastContactAt).toBe(t1);
		for (const f of files) await alone.importFile(f.bytes);
		expect(await sharedData(lead)).toEqual(await sharedData(alone));
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SnapshotError } from '$lib/io/snapshot/errors';
import { FORMAT_VERSION } from '$lib/io/snapshot/header';
import { applySnapshotWith } from './snapshot-apply';
import { listConflictsWith, flipStoredConflictWith } from './snapshot-conflicts';
import { cancelSnapshotImportWith } from './snapshot-preview';
import { dumpTables, teammate, type Teammate } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';
import { listSnapshotImportsWith } from './snapshot-imports';
import { talliesAgainstRecords } from '$lib/testing/tally-check';

/**
 * Two (or three) teammates, each with a database of their own, exchanging .rapport files through
 * the repository functions the app uses.
 */
let n = 0;
const pair = async () => {
	n++;
	const a = await teammate(`a${n}`, `deva${n}`, '王经理');
	const b = await teammate(`b${n}`, `devb${n}`, '李主管', 'ops_lead');
	return { a, b };
};

async function codeOf(p: Promise<unknown>): Promise<string> {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (e instanceof SnapshotError) return e.code;
		throw e;
	}
}

/** Everything a teammate stores, bookkeeping included: a refused file must change none of it. */
async function everything(t: Teammate) {
	return {
		...(await dumpTables(t)),
		settings: await t.db.settings.toArray(),
		conflicts: await t.db.conflicts.toArray(),
		audit: await t.db.audit.toArray(),
		imports: await t.db.imports.toArray(),
		importBatches: await t.db.importBatches.toArray()
	};
}

describe('snapshot export and import between two databases', () => {
	it('B imports A’s customers with their log, derived fields recomputed', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1', { name: '张三', phones: ['+8613812345678'] });
		await a.addCustomer('c2', { name: 'Li Si' });
		await a.addInteraction('i1', 'c1', 1_700_000_000_000);
		await a.addInteraction('i2', 'c1', 1_700_000_500_000);
		const file = await a.exportFile({ kind: 'mine' });

		const p = await b.preview(file);
		expect(p.alreadyImported).toBe(false);
		expect(p.header.exportedBy.memberName).toBe('王经理');
		expect(p.header.scope).toEqual({ kind: 'mine', memberId: a.session.member.id });
		expect(p.stats.customers).toMatchObject({ new: 2, updated: 0, deleted: 0, conflicts: 0 });
		expect(p.stats.interactions).toMatchObject({ new: 2 });
		// Nothing but staging before Apply.
		expect(await b.db.customers.count()).toBe(0);

		const r = await applySnapshotWith(b, p.importId);
		expect(r).toMatchObject({ created: 5, updated: 0, deleted: 0, conflicts: 0 }); // 2+2+A's member
		const c1 = await b.db.customers.get('c1');
		expect(c1?.name).toBe('张三');
		expect(c1?.lastContactAt).toBe(1_700_000_500_000);
		expect(c1?.searchKeys).toContain('zhangsan');
		expect(c1?.searchKeys).toContain('13812345678');
		expect((await b.db.members.get(a.session.member.id))?.name).toBe('王经理');
		// Staging is gone; the audit log names the file and the teammate.
		expect(await b.db.imports.count()).toBe(0);
		const [entry] = await listSnapshotImportsWith(b);
		expect(entry?.detail).toMatchObject({ fileName: 'a.rapport', created: 5 });
		expect(entry?.detail.from.memberName).toBe('王经理');
		// The clock moved past the file's newest stamp.
		expect(b.session.clock.tick() > p.header.maxHlc).toBe(true);
	});

	it('the same file twice changes nothing and says already imported; a re-export is a no-op', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await a.addCustomer('c2', { ownerId: 'someone-else' });
		const file = await a.exportFile();
		await b.importFile(file);
		const before = await everything(b);
		const again = await b.preview(file);
		expect(again.alreadyImported).toBe(true);
		expect(again.importId).toBe('');
		expect(await everything(b)).toEqual(before);

		// The same records in another file (a selection): merged, and nothing changes.
		const p2 = await b.preview(await a.exportFile({ kind: 'selection', customerIds: ['c1'] }));
		expect(p2.alreadyImported).toBe(false);
		expect(p2.stats.customers).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
		await applySnapshotWith(b, p2.importId);
		const { settings: _s, audit: _a, ...data } = await everything(b);
		const { settings: _s0, audit: _a0, ...dataBefore } = before;
		expect(data).toEqual(dataBefore);
	});

	it('a tombstone wins: an erased customer never comes back from an older snapshot', async () => {
		n++;
		const a = await teammate(`ta${n}`, `tda${n}`, 'A');
		const c = await teammate(`tc${n}`, `tdc${n}`, 'C');
		await a.addCustomer('c1');
		await a.addInteraction('i1', 'c1', 1_700_000_000_000);
		await a.addCustomer('c2');
		const old = await a.exportFile();
		await c.importFile(old);
		await a.erase('c1');
		const erased = await a.exportFile();

		const p = await c.preview(erased);
		expect(p.stats.customers).toMatchObject({ deleted: 1 });
		expect(p.stats.interactions).toMatchObject({ deleted: 1 });
		await applySnapshotWith(c, p.importId);
		expect(await c.db.customers.get('c1')).toBeUndefined();
		expect(await c.db.interactions.get('i1')).toBeUndefined();
		expect(await c.db.tombstones.get(['customers', 'c1'])).toBeDefined();

		// A third device that still has the old file sends it again, in a new file.
		const d = await teammate(`td${n}`, `tdd${n}`, 'D');
		await d.importFile(old);
		const fromD = await d.exportFile();
		const p2 = await c.preview(fromD);
		expect(p2.stats.customers).toMatchObject({ new: 0, updated: 0 });
		await applySnapshotWith(c, p2.importId);
		expect(await c.db.customers.get('c1')).toBeUndefined();
		expect(await c.db.interactions.get('i1')).toBeUndefined();
		expect(await c.db.customers.get('c2')).toBeDefined();
	});

	it('both edit the same field, swap files: both end equal and the conflict is listed', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1', { tier: 'B' });
		await b.importFile(await a.exportFile());
		await a.edit('customers', 'c1', { tier: 'A' });
		await b.edit('customers', 'c1', { tier: 'C' });
		const fromA = await a.exportFile();
		const fromB = await b.exportFile();
		const pb = await b.preview(fromA);
		expect(pb.conflictCount).toBe(1);
		expect(pb.conflicts[0]).toMatchObject({ table: 'customers', id: 'c1', field: 'tier' });
		await applySnapshotWith(b, pb.importId);
		await a.importFile(fromB);
		const ca = await a.db.customers.get('c1');
		const cb = await b.db.customers.get('c1');
		expect(ca?.tier).toBe(cb?.tier);
		expect(ca?._meta).toEqual(cb?._meta);
		const la = await listConflictsWith(a);
		const lb = await listConflictsWith(b);
		expect(la).toHaveLength(1);
		expect(lb).toHaveLength(1);
		// The loser is the same value on both sides.
		expect(la[0]?.lostValue).toBe(lb[0]?.lostValue);
		const loser = la[0]!.lostValue;

		// B flips: the losing value is written back as an edit that wins on the next exchange.
		expect(await flipStoredConflictWith(b, lb[0]!.id)).toBe('flipped');
		expect((await b.db.customers.get('c1'))?.tier).toBe(loser);
		expect(await listConflictsWith(b)).toHaveLength(0);
		await a.importFile(await b.exportFile());
		expect((await a.db.customers.get('c1'))?.tier).toBe(loser);
		// A's listed conflict is now stale (the field was written again).
		expect(await flipStoredConflictWith(a, la[0]!.id)).toBe('conflict_stale');
	});

	it('undo restores exactly what was there before, except what a teammate erased', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1', { city: '北京' });
		await a.addCustomer('gone');
		await b.importFile(await a.exportFile());
		await b.addCustomer('mine', { name: 'B 的客户' });
		await b.addInteraction('bi1', 'c1', 1_600_000_000_000);
		await a.edit('customers', 'c1', { city: '上海', name: '新名字' });
		await a.addCustomer('c3');
		await a.addInteraction('i9', 'c1', 1_800_000_000_000);
		await a.erase('gone');
		const before = await dumpTables(b);
		const p = await b.importFile(await a.exportFile());
		expect(p.stats.customers).toMatchObject({ new: 1, updated: 1, deleted: 1 });
		expect((await b.db.customers.get('c1'))?.city).toBe('上海');
		expect((await b.db.customers.get('c1'))?.lastContactAt).toBe(1_800_000_000_000);
		expect(await b.db.customers.get('gone')).toBeUndefined();

		const [done] = await listSnapshotImportsWith(b);
		const erasure = await b.db.tombstones.get(['customers', 'gone']);
		expect(await undoSnapshotImportWith(b, done!.importId)).toMatchObject({
			restored: 1,
			removed: 2,
			erased: 1,
			keptCount: 0
		});
		const after = await dumpTables(b);
		// The erasure stays: the record stays deleted and its tombstone in place, not even rewritten
		// (its change number is the one it had).
		expect(await b.db.tombstones.toArray()).toEqual([erasure]);
		const erased = (t: string, rows: unknown[]) =>
			t === 'tombstones' ? [] : rows.filter((r) => (r as { id: string }).id !== 'gone');
		const fields = (rows: unknown[]) =>
			rows.map((r) => {
				const { _meta: _m, ...rest } = r as Record<string, unknown>;
				return rest;
			});
		for (const t of Object.keys(before))
			expect(fields(erased(t, after[t]!)), t).toEqual(fields(erased(t, before[t]!)));
		// Records that were not touched keep their stamps too.
		expect(after.members).toEqual(before.members);
		expect((await listSnapshotImportsWith(b))[0]?.undone).toBe(true);
		await expect(undoSnapshotImportWith(b, done!.importId)).rejects.toThrow('import_not_undoable');
		// Undone: the same file may be imported again.
		expect((await b.preview(await a.exportFile())).alreadyImported).toBe(false);
		const audit = (await b.db.audit.toArray()).map((e) => e.action).sort();
		expect(audit).toEqual(['snapshot_import', 'snapshot_import', 'snapshot_undo']);
	});

	it('bad files write nothing: wrong passphrase, tampered, truncated, foreign, newer version', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.addCustomer('own');
		const before = await everything(b);
		const secret = await a.exportFile({ kind: 'all' }, { passphrase: '正确的口令' });
		const plain = await a.exportFile();

		expect(await codeOf(b.preview(secret, { passphrase: 'wrong' }))).toBe(
			'snapshot_wrong_passphrase'
		);
		expect(await codeOf(b.preview(secret))).toBe('snapshot_passphrase_required');
		const flipped = plain.slice();
		flipped[flipped.length - 40]! ^= 0x01;
		expect(await codeOf(b.preview(flipped))).toBe('snapshot_corrupt');
		const flippedSecret = secret.slice();
		flippedSecret[flippedSecret.length - 40]! ^= 0x01;
		expect(await codeOf(b.preview(flippedSecret, { passphrase: '正确的口令' }))).toBe(
			'snapshot_tampered'
		);
		expect(await codeOf(b.preview(plain.slice(0, plain.length - 10)))).toBe('snapshot_truncated');
		expect(await codeOf(b.preview(new TextEncoder().encode('name,phone\n张三,138')))).toBe(
			'snapshot_not_rapport'
		);
		const text = new TextDecoder().decode(plain);
		const nl = text.indexOf('\n');
		const newer = text
			.slice(0, nl)
			.replace('"formatVersion":1', `"formatVersion":${FORMAT_VERSION + 1}`);
		const { Sha256, toHex } = await import('$lib/io/snapshot/sha256');
		const digest = toHex(new Sha256().update(new TextEncoder().encode(newer)).digest());
		const body = plain.slice(nl + 66);
		const newerFile = new Uint8Array([
			...new TextEncoder().encode(`${newer}\n${digest}\n`),
			...body
		]);
		expect(await codeOf(b.preview(newerFile))).toBe('snapshot_newer_version');
		expect(await everything(b)).toEqual(before);

		// The right passphrase opens it; cancelling after the preview leaves nothing either.
		const p = await b.preview(secret, { passphrase: '正确的口令' });
		expect(p.stats.customers).toMatchObject({ new: 1 });
		await cancelSnapshotImportWith(b, p.importId);
		expect(await everything(b)).toEqual(before);
	});

	it('a full backup restored into an empty database reproduces every table', async () => {
		n++;
		const a = await teammate(`fa${n}`, `fda${n}`, '王经理');
		for (let i = 0; i < 30; i++) await a.addCustomer(`c${String(i).padStart(2, '0')}`);
		for (let i = 0; i < 60; i++)
			await a.addInteraction(`i${i}`, `c${String(i % 30).padStart(2, '0')}`, 1_700_000_000_000 + i);
		await a.edit('customers', 'c01', { tier: 'A', tags: ['vip'] });
		await a.edit('customers', 'c02', { trashedAt: 1_700_000_000_000 });
		await a.erase('c03');
		await a.db.goals.put({
			id: 'g1',
			ownerId: a.session.member.id,
			metric: 'sales_amount',
			periodKind: 'month',
			periodStart: '2025-06-01',
			target: 100000,
			setBy: a.session.member.id,
			trashedAt: null,
			_meta: { created: a.stamp(), updated: '' }
		} as never);
		const g = await a.db.goals.get('g1');
		await a.db.goals.put({ ...g!, _meta: { ...g!._meta, updated: g!._meta.created.hlc } });
		const backup = await a.exportFile({ kind: 'backup' });

		const fresh = await teammate(`fe${n}`, `fde${n}`, 'new');
		await fresh.db.members.clear(); // an empty browser: not even a profile yet
		await fresh.importFile(backup);
		expect(await dumpTables(fresh)).toEqual(await dumpTables(a));
	});

	it('keeps record kinds and fields of a newer version aside and passes them on', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		const { encodeSnapshot } = await import('$lib/io/snapshot/encode');
		const { collectBytes } = await import('./snapshot-export');
		const c1 = await a.db.customers.get('c1');
		const future = {
			id: 'k1',
			_meta: { created: a.stamp(), updated: '' },
			contractNo: 'HT-001'
		};
		future._meta.updated = future._meta.created.hlc;
		const file = await collectBytes(
			encodeSnapshot(
				[
					{ t: 'customers', r: { ...c1, vipLevel: 'gold' } },
					{ t: 'x_contracts', r: future }
				],
				{
					appVersion: '9.0.0',
					exportedBy: { memberId: 'm', memberName: '新版', deviceId: 'newdev' },
					exportedAt: Date.now(),
					scope: { kind: 'all' }
				}
			)
		);
		const p = await b.importFile(file);
		expect(p.unknownTables).toEqual(['x_contracts']);
		expect((await b.db.customers.get('c1')) as unknown).toMatchObject({
			_extra: { vipLevel: 'gold' }
		});
		// B's full export carries both on.
		const c = await teammate(`x${n}`, `xd${n}`, 'C');
		await c.importFile(await b.exportFile());
		expect((await c.db.customers.get('c1')) as unknown).toMatchObject({
			_extra: { vipLevel: 'gold' }
		});
		const aside = await c.db.settings.get('snapshotAside:x_contracts');
		expect(aside?.value).toMatchObject({ records: { k1: { contractNo: 'HT-001' } } });
	});

	it('names a teammate whose clock runs far ahead; masked values never overwrite real ones', async () => {
		n++;
		const ahead = Date.now() + 60 * 60 * 1000;
		const a = await teammate(`ca${n}`, `cda${n}`, '快钟', 'manager', () => ahead);
		const b = await teammate(`cb${n}`, `cdb${n}`, 'B');
		await a.addCustomer('c1', { phones: ['+8613911112222'], emails: ['zhang@example.com'] });
		await b.importFile(await a.exportFile());
		await a.edit('customers', 'c1', { phones: ['+8613911113333'] });
		const masked = await a.exportFile(
			{ kind: 'all' },
			{ mask: ['customers.phones', 'customers.emails'] }
		);
		const p = await b.preview(masked);
		expect(p.header.mask.fields).toEqual(['customers.phones', 'customers.emails']);
		expect(p.aheadClocks).toHaveLength(1);
		expect(p.aheadClocks[0]).toMatchObject({ deviceId: `cda${n}`, memberName: '快钟' });
		expect(p.aheadClocks[0]!.aheadMs).toBeGreaterThan(55 * 60 * 1000);
		await applySnapshotWith(b, p.importId);
		const c1 = await b.db.customers.get('c1');
		expect(c1?.phones).toEqual(['+8613911112222']);
		expect(c1?.emails).toEqual(['zhang@example.com']);
	});

	it('pages through more records than one page, and undoes an import spread over many batches', async () => {
		const { a, b } = await pair();
		const { createRecord } = await import('$lib/sync/edit');
		const rows = Array.from({ length: 2_345 }, (_, i) =>
			createRecord(
				`p${String(i).padStart(5, '0')}`,
				{
					customerId: 'c1',
					type: 'call',
					at: 1_700_000_000_000 + i,
					durationMinutes: null,
					summary: `第 ${i} 次`,
					outcome: '',
					satisfaction: null,
					nextFollowUp: null,
					ownerId: a.session.member.id,
					trashedAt: null
				},
				a.stamp()
			)
		);
		await a.addCustomer('c1');
		await a.db.interactions.bulkPut(rows as never);
		const file = await a.exportFile({ kind: 'mine' });
		const p = await b.preview(file);
		expect(p.stats.interactions).toMatchObject({ new: 2_345 });
		expect(await b.db.importBatches.where('importId').equals(p.importId).count()).toBe(3);
		await applySnapshotWith(b, p.importId);
		expect(await b.db.interactions.count()).toBe(2_345);
		expect((await b.db.customers.get('c1'))?.lastContactAt).toBe(1_700_000_000_000 + 2_344);
		// Summed over the batches and written once, the tallies are those of the records.
		const applied = await talliesAgainstRecords(b.db);
		expect(applied.stored).toEqual(applied.expected);
		expect(applied.stored.length).toBeGreaterThan(0);
		const [done] = await listSnapshotImportsWith(b);
		await undoSnapshotImportWith(b, done!.importId);
		expect(await b.db.interactions.count()).toBe(0);
		const undone = await talliesAgainstRecords(b.db);
		expect(undone.stored).toEqual(undone.expected);
		expect(await b.db.customers.count()).toBe(0);
		expect(await b.db.importBatches.count()).toBe(0);
	});
});

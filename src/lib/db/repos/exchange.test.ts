import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSnapshot } from '$lib/io/snapshot/decode';
import type { Exchange } from '$lib/sync/exchange';
import { listMissingIn, readReceived } from './exchange-received';
import { readSent } from './exchange-sent';
import { changesSince, takeCut } from './exchange-source';
import { listConflictsWith } from './snapshot-conflicts';
import { dumpTables, teammate, TEST_KDF, type Teammate } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';

/** "Send my changes" between databases, through the functions the app uses. */
let n = 0;
async function team() {
	n++;
	const li = await teammate(`ex-li${n}`, `li${n}`, '李娜');
	const wang = await teammate(`ex-wang${n}`, `wang${n}`, '王经理');
	const lead = await teammate(`ex-lead${n}`, `lead${n}`, '张主管', 'ops_lead');
	return { li, wang, lead };
}

const toLead = (t: Teammate): Exchange => ({
	recipient: { kind: 'lead' },
	scope: { kind: 'mine', memberId: t.session.member.id }
});
const toTeam: Exchange = { recipient: { kind: 'team' }, scope: { kind: 'all' } };

/** The body's lines by table, read back from a file. */
async function linesOf(bytes: Uint8Array): Promise<Record<string, string[]>> {
	const r = await openSnapshot([bytes], { testOnly: TEST_KDF });
	const out: Record<string, string[]> = {};
	for await (const e of r.entries()) {
		const rec = e.r as { id: string };
		(out[e.t] ??= []).push(rec.id);
	}
	return out;
}

describe('sending my changes', () => {
	it('sends a new recipient a full file, then only what changed since the last one written', async () => {
		const { li } = await team();
		await li.addCustomer('c1');
		await li.addCustomer('c2');
		await li.addInteraction('i1', 'c1', 1_700_000_000_000);
		const first = await li.send(toLead(li));
		expect(first.changes).toMatchObject({ key: `lead/mine:${li.session.member.id}`, full: true });
		expect(first.changes.after).toBe(0);
		expect((await linesOf(first.bytes)).interactions).toEqual(['i1']);

		await li.edit('customers', 'c2', { city: '上海' });
		const second = await li.send(toLead(li));
		expect(second.changes).toMatchObject({
			full: false,
			after: first.changes.upTo,
			afterAt: expect.any(Number)
		});
		expect(await linesOf(second.bytes)).toEqual({ customers: ['c2'] });

		// Nothing changed: an empty run, a valid file.
		const third = await li.send(toLead(li));
		expect(third.changes.after).toBe(third.changes.upTo);
		expect(await linesOf(third.bytes)).toEqual({});
	});

	it('moves the watermark only when the file was written', async () => {
		const { li } = await team();
		await li.addCustomer('c1');
		const full = await li.send(toTeam);
		await li.addCustomer('c2');
		const unsent = await li.send(toTeam, { written: false });
		expect((await readSent(li, 'team/all'))?.upTo).toBe(full.changes.upTo);
		await li.addCustomer('c3');
		const again = await li.send(toTeam);
		expect(again.changes.after).toBe(unsent.changes.after);
		expect((await linesOf(again.bytes)).customers).toEqual(['c2', 'c3']);
		// A full file on request, even with a watermark; it moves the mark too.
		const asked = await li.send(toTeam, { full: true });
		expect(asked.changes).toMatchObject({ full: true, after: 0 });
		expect((await linesOf(asked.bytes)).customers).toEqual(['c1', 'c2', 'c3']);
		expect((await readSent(li, 'team/all'))?.upTo).toBe(asked.changes.upTo);
	});

	it('carries tombstones and members written since, and nothing out of the scope', async () => {
		const { li } = await team();
		await li.addCustomer('c1');
		await li.addCustomer('other', { ownerId: 'member-someone' });
		await li.send(toLead(li));
		await li.erase('c1');
		await li.edit('members', li.session.member.id, { email: 'li@example.com' });
		await li.edit('customers', 'other', { city: '广州' });
		const lines = await linesOf((await li.send(toLead(li))).bytes);
		expect(lines).toEqual({ _tomb: ['c1'], members: [li.session.member.id] });
	});

	it('sends a customer handed over to the recipient with the records it already had', async () => {
		const { li, wang } = await team();
		const toWang: Exchange = {
			recipient: { kind: 'member', memberId: wang.session.member.id },
			scope: { kind: 'mine', memberId: wang.session.member.id }
		};
		await li.addCustomer('c1');
		await li.addInteraction('i1', 'c1', 1_700_000_000_000);
		await li.addCustomer('c2', { ownerId: wang.session.member.id });
		const first = await li.send(toWang);
		expect((await linesOf(first.bytes)).customers).toEqual(['c2']);
		await li.edit('customers', 'c1', { ownerId: wang.session.member.id });
		const handed = await linesOf((await li.send(toWang)).bytes);
		expect(handed).toEqual({ customers: ['c1'], interactions: ['i1'] });
		// Sent once: the next file does not repeat them.
		expect(await linesOf((await li.send(toWang)).bytes)).toEqual({});
	});

	it('sends one member their goals', async () => {
		const { lead, li } = await team();
		const mine = li.session.member.id;
		const goal = (id: string, ownerId: string) =>
			lead.db.goals.put({
				id,
				ownerId,
				metric: 'calls',
				periodKind: 'month',
				periodStart: '2026-12-01',
				target: 40,
				setBy: lead.session.member.id,
				trashedAt: null,
				_meta: { created: lead.stamp(), updated: '' }
			} as never);
		await goal('g1', mine);
		await goal('g2', 'member-other');
		const file = await lead.send({
			recipient: { kind: 'member', memberId: mine },
			scope: { kind: 'goals', memberId: mine }
		});
		expect(file.changes.key).toBe(`member:${mine}/goals:${mine}`);
		const lines = await linesOf(file.bytes);
		expect(lines.goals).toEqual(['g1']);
		const header = (await openSnapshot([file.bytes])).header;
		expect(header.scope).toEqual({ kind: 'goals', memberId: mine });
	});

	it('leaves a record written after the cut to the next file', async () => {
		const { li } = await team();
		await li.addCustomer('c1');
		await li.addCustomer('c2');
		await li.send(toTeam);
		await li.edit('customers', 'c1', { city: '上海' });
		const last = await readSent(li, 'team/all');
		const cut = await takeCut(li, { kind: 'all' });
		await li.edit('customers', 'c1', { city: '深圳' });
		await li.edit('customers', 'c2', { city: '北京' });
		const ids: string[] = [];
		for await (const e of changesSince(li, { kind: 'all' }, last!, cut))
			ids.push((e.r as { id: string }).id);
		expect(ids).toEqual([]);
		const next = await linesOf((await li.send(toTeam)).bytes);
		expect(next.customers).toEqual(['c1', 'c2']);
	});
});

describe('receiving files of changes', () => {
	it('applies what arrives, names a missing file, and is healed by a full one', async () => {
		const { li, lead } = await team();
		await li.addCustomer('c1');
		const f1 = await li.send(toLead(li));
		await li.addCustomer('c2');
		const f2 = await li.send(toLead(li));
		await li.addCustomer('c3');
		const f3 = await li.send(toLead(li));

		expect((await lead.importFile(f1.bytes)).missing).toEqual([]);
		// f2 never arrives: f3 still applies, and the hole is named by the dates on each side.
		const p3 = await lead.importFile(f3.bytes);
		expect(p3.stats.customers).toMatchObject({ new: 1 });
		expect(p3.missing).toEqual([
			{
				key: f1.changes.key,
				after: f2.changes.after,
				upTo: f2.changes.upTo,
				from: (await openSnapshot([f1.bytes])).header.exportedAt,
				to: f3.changes.afterAt
			}
		]);
		expect(await lead.db.customers.get('c3')).toBeDefined();
		const missing = await listMissingIn(lead.db);
		expect(missing).toMatchObject([{ memberName: '李娜', deviceId: li.session.deviceId }]);

		const full = await li.send(toLead(li), { full: true });
		expect((await lead.importFile(full.bytes)).missing).toEqual([]);
		expect(await listMissingIn(lead.db)).toEqual([]);
		expect(await lead.db.customers.get('c2')).toBeDefined();
	});

	it('applies a file that repeats or overlaps what arrived, changing nothing twice', async () => {
		const { li, lead } = await team();
		await li.addCustomer('c1');
		await li.send(toTeam);
		await li.addCustomer('c2');
		const unwritten = await li.send(toTeam, { written: false });
		await li.addCustomer('c3');
		const overlapping = await li.send(toTeam);
		await lead.importFile(unwritten.bytes);
		const p = await lead.importFile(overlapping.bytes);
		expect(p.stats.customers).toMatchObject({ new: 1, unchanged: 1 });
		const before = await dumpTables(lead);
		const again = await lead.importFile(overlapping.bytes);
		expect(again.alreadyImported).toBe(true);
		expect(await dumpTables(lead)).toEqual(before);
		// The first file never came: one hole, from the start.
		expect((await listMissingIn(lead.db))[0]?.missing).toMatchObject([
			{ after: 0, upTo: unwritten.changes.after, from: null }
		]);
	});

	it('takes a file of changes from a device never heard of, with a hole from the start', async () => {
		const { li, lead } = await team();
		await li.addCustomer('c1');
		await li.send(toTeam);
		await li.addCustomer('c2');
		const delta = await li.send(toTeam);
		const p = await lead.importFile(delta.bytes);
		expect(p.stats.customers).toMatchObject({ new: 1 });
		expect(p.missing).toMatchObject([{ after: 0, upTo: delta.changes.after, from: null }]);
	});

	it('undoing an applied file of changes reopens its run', async () => {
		const { li, lead } = await team();
		await li.addCustomer('c1');
		const f1 = await li.send(toTeam);
		await li.addCustomer('c2');
		const f2 = await li.send(toTeam);
		await li.addCustomer('c3');
		const f3 = await li.send(toTeam);
		await lead.importFile(f1.bytes);
		const p2 = await lead.importFile(f2.bytes);
		await lead.importFile(f3.bytes);
		expect(await listMissingIn(lead.db)).toEqual([]);
		await undoSnapshotImportWith(lead, p2.importId);
		expect((await listMissingIn(lead.db))[0]?.missing).toMatchObject([
			{ after: f2.changes.after, upTo: f2.changes.upTo }
		]);
		expect((await readReceived(lead.db, li.session.deviceId))?.files).toHaveLength(2);
	});

	it('does not list again a sender’s edit that arrived in an earlier file', async () => {
		const { li, lead } = await team();
		await li.addCustomer('c1');
		await li.edit('customers', 'c1', { city: '上海' });
		await lead.importFile((await li.send(toTeam)).bytes);
		// The lead overwrote Li Na's city knowing it; Li Na's next full file repeats hers.
		await lead.edit('customers', 'c1', { city: '北京' });
		await li.edit('customers', 'c1', { tier: 'A' });
		const p = await lead.importFile((await li.send(toTeam, { full: true })).bytes);
		expect(p.conflictCount).toBe(0);
		expect(await listConflictsWith(lead)).toEqual([]);
		// A plain export says no range: the same repeat is listed, as before.
		await li.addCustomer('c2');
		const plain = await lead.importFile(await li.exportFile({ kind: 'all' }));
		expect(plain.conflictCount).toBe(1);
		// Li Na edits the city again without seeing the lead's: that is a conflict.
		await li.edit('customers', 'c1', { city: '广州' });
		const p2 = await lead.importFile((await li.send(toTeam)).bytes);
		expect(p2.conflicts).toMatchObject([{ field: 'city', lostValue: '北京' }]);
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withHeader } from '$lib/io/snapshot/test-util';
import { decodeHlc, encodeHlc } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
import { applySnapshotWith } from './snapshot-apply';
import { dumpTables, teammate, type Teammate } from './snapshot-teammates';

/**
 * Clocks from files: a snapshot's header and body may carry stamps from a wrong date or a
 * crafted file. None of them may move this device's clock more than a day ahead, and nothing
 * stored may keep such a stamp.
 */
const DAY = 24 * 60 * 60 * 1000;
const YEAR_2100 = Date.UTC(2100, 0, 1);

let n = 0;
async function pair(aheadNow?: () => number): Promise<{ a: Teammate; b: Teammate }> {
	n++;
	const a = await teammate(`clk-a${n}`, `clka${n}`, '王经理', 'manager', aheadNow);
	const b = await teammate(`clk-b${n}`, `clkb${n}`, '李主管');
	return { a, b };
}

/** Every hlc a teammate stores: record stamps and tombstones. */
async function storedStamps(t: Teammate): Promise<string[]> {
	const out: string[] = [];
	for (const [table, rows] of Object.entries(await dumpTables(t))) {
		for (const row of rows) {
			if (table === 'tombstones') out.push((row as { hlc: string }).hlc);
			else {
				const meta = (row as SyncRecord)._meta;
				out.push(
					meta.created.hlc,
					meta.updated,
					...Object.values(meta.fields ?? {}).map((s) => s.hlc)
				);
			}
		}
	}
	return out;
}

const wallOf = (hlc: string): number => decodeHlc(hlc)?.wall ?? Number.POSITIVE_INFINITY;

describe('stamps from a snapshot file and the device clock', () => {
	it('the header maxHlc is not adopted: clock and stored stamps stay as they were', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.addCustomer('own');
		const before = await b.db.customers.get('own');
		const file = withHeader(await a.exportFile(), { maxHlc: '999999999999999:zzzz:x' });
		await b.importFile(file);
		expect(await b.db.customers.get('own')).toEqual(before);
		expect((await b.db.customers.get('c1'))?._meta).toEqual(
			(await a.db.customers.get('c1'))?._meta
		);
		expect(wallOf(b.session.clock.tick())).toBeLessThan(Date.now() + 60_000);
	});

	it('a header maxHlc less than a day ahead is not adopted either: the body counts', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		const lie = encodeHlc({ wall: Date.now() + 20 * 3_600_000, counter: 0, device: 'x' });
		await b.importFile(withHeader(await a.exportFile(), { maxHlc: lie }));
		expect(wallOf(b.session.clock.tick())).toBeLessThan(Date.now() + 60_000);
	});

	it('stamps more than a day ahead never reach the clock or the database as they are', async () => {
		const { a, b } = await pair(() => YEAR_2100);
		await a.addCustomer('far');
		await b.addCustomer('own');
		await b.importFile(await a.exportFile());
		const limit = Date.now() + DAY;
		for (const hlc of await storedStamps(b)) expect(wallOf(hlc)).toBeLessThanOrEqual(limit);
		expect(wallOf(b.session.clock.tick())).toBeLessThanOrEqual(limit);
	});

	it('the preview counts far-ahead records per device, with how far ahead', async () => {
		const { a, b } = await pair(() => YEAR_2100);
		await a.addCustomer('c1');
		await a.addCustomer('c2');
		const p = await b.preview(await a.exportFile());
		expect(p.farAhead).toBe(3); // two customers and a's member
		const clock = p.aheadClocks.find((c) => c.deviceId === a.session.deviceId);
		expect(clock).toMatchObject({ memberName: '王经理', farRecords: 3 });
		expect(clock!.aheadMs).toBeGreaterThan(50 * 365 * DAY);
		// Nothing is written before Apply.
		expect(await b.db.customers.count()).toBe(0);
	});

	it('skipping leaves far-ahead records out and imports the rest', async () => {
		const { a, b } = await pair();
		let t = Date.now();
		const far = await teammate(`clk-f${n}`, `clkf${n}`, '赵六', 'manager', () => t);
		await a.addCustomer('near');
		t = YEAR_2100;
		await far.addCustomer('far');
		await b.importFile(await a.exportFile());
		const p = await b.preview(await far.exportFile());
		const r = await applySnapshotWith(b, p.importId, { farAhead: 'skip' });
		// 'far' only: 赵六's member record was written before the computer's date jumped.
		expect(r).toMatchObject({ skipped: 1, restamped: 0 });
		expect(await b.db.customers.get('far')).toBeUndefined();
		expect(await b.db.customers.get('near')).toBeDefined();
		for (const hlc of await storedStamps(b))
			expect(wallOf(hlc)).toBeLessThanOrEqual(Date.now() + DAY);
	});

	it('re-stamping imports them with this device’s clock, values and authors kept', async () => {
		const { a, b } = await pair(() => YEAR_2100);
		await a.addCustomer('far', { city: '杭州' });
		const p = await b.preview(await a.exportFile());
		const r = await applySnapshotWith(b, p.importId, { farAhead: 'restamp' });
		expect(r).toMatchObject({ skipped: 0, restamped: 2, created: 2 });
		const stored = await b.db.customers.get('far');
		const original = await a.db.customers.get('far');
		expect(stored?.city).toBe('杭州');
		expect(stored?._meta.created.by).toBe(original?._meta.created.by);
		expect(decodeHlc(stored!._meta.created.hlc)?.device).toBe(b.session.deviceId);
		expect(Math.abs(wallOf(stored!._meta.updated) - Date.now())).toBeLessThan(60_000);
		// The clock stays near now: the next edit orders after the re-stamped record.
		const next = b.session.clock.tick();
		expect(next > stored!._meta.updated).toBe(true);
		expect(wallOf(next)).toBeLessThan(Date.now() + 60_000);
	});

	it('a far-ahead tombstone deletes only when re-stamped', async () => {
		const { a, b } = await pair();
		const b2 = await teammate(`clk-b2${n}`, `clkb2${n}`, '钱七');
		await a.addCustomer('c1');
		const first = await a.exportFile();
		await b.importFile(first);
		await b2.importFile(first);
		let t = Date.now();
		const eraser = await teammate(`clk-e${n}`, `clke${n}`, '赵六', 'manager', () => t);
		await eraser.importFile(first);
		t = YEAR_2100;
		await eraser.erase('c1');
		const file = await eraser.exportFile();

		const skip = await b.preview(file);
		expect(skip.farAhead).toBe(1);
		await applySnapshotWith(b, skip.importId, { farAhead: 'skip' });
		expect(await b.db.customers.get('c1')).toBeDefined();
		expect(await b.db.tombstones.get(['customers', 'c1'])).toBeUndefined();

		const restamp = await b2.preview(file);
		await applySnapshotWith(b2, restamp.importId, { farAhead: 'restamp' });
		expect(await b2.db.customers.get('c1')).toBeUndefined();
		const tomb = await b2.db.tombstones.get(['customers', 'c1']);
		expect(tomb?.by).toBe(eraser.session.member.id);
		expect(wallOf(tomb!.hlc)).toBeLessThan(Date.now() + 60_000);
	});
});

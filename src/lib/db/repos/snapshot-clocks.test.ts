import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withHeader } from '$lib/io/snapshot/test-util';
import { decodeHlc, encodeHlc } from '$lib/sync/hlc';
import type { SyncRecord } from '$lib/sync/merge';
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

	it.fails(
		'a header maxHlc less than a day ahead is not adopted either: the body counts',
		async () => {
			const { a, b } = await pair();
			await a.addCustomer('c1');
			const lie = encodeHlc({ wall: Date.now() + 20 * 3_600_000, counter: 0, device: 'x' });
			await b.importFile(withHeader(await a.exportFile(), { maxHlc: lie }));
			expect(wallOf(b.session.clock.tick())).toBeLessThan(Date.now() + 60_000);
		}
	);

	it.fails(
		'stamps more than a day ahead never reach the clock or the database as they are',
		async () => {
			const { a, b } = await pair(() => YEAR_2100);
			await a.addCustomer('far');
			await b.addCustomer('own');
			await b.importFile(await a.exportFile());
			const limit = Date.now() + DAY;
			for (const hlc of await storedStamps(b)) expect(wallOf(hlc)).toBeLessThanOrEqual(limit);
			expect(wallOf(b.session.clock.tick())).toBeLessThanOrEqual(limit);
		}
	);
});

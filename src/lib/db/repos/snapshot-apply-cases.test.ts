import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applySnapshotWith } from './snapshot-apply';
import { listSnapshotImportsWith } from './snapshot-imports';
import { dumpTables, teammate } from './snapshot-teammates';
import { undoSnapshotImportWith } from './snapshot-undo';

/**
 * Histories the apply property test (snapshot-apply.property.test.ts) found breaking a law, each
 * reduced to the few steps that matter. Clocks are the test's: `now` is the true time, and a
 * device may run days ahead of it.
 */
const START = 1_700_000_000_000;
const DAY = 86_400_000;
let n = 0;

/** Two teammates; A's clock runs `clock.ahead` ahead of the true time. */
async function pair(ahead = 0) {
	n++;
	const clock = { now: START, ahead };
	const a = await teammate(`xa${n}`, `xda${n}`, 'A', 'manager', () => clock.now + clock.ahead);
	const b = await teammate(`xb${n}`, `xdb${n}`, 'B', 'manager', () => clock.now);
	return { a, b, clock };
}

describe('snapshot apply: cases found by the property test', () => {
	it('a file whose far-ahead records were skipped can be imported again later', async () => {
		const { a, b, clock } = await pair(3 * DAY);
		await a.addCustomer('c1');
		const file = await a.exportFile();
		const p = await b.preview(file);
		expect(await applySnapshotWith(b, p.importId, { now: clock.now })).toMatchObject({
			skipped: 2 // A's member and customer
		});
		expect(await b.db.customers.get('c1')).toBeUndefined();

		// Days later B's clock has caught up: the same file is not "already imported".
		clock.now += 4 * DAY;
		const again = await b.preview(file);
		expect(again.alreadyImported).toBe(false);
		await applySnapshotWith(b, again.importId, { now: clock.now });
		expect((await b.db.customers.get('c1'))?._meta).toEqual(
			(await a.db.customers.get('c1'))?._meta
		);
	});

	it('a file re-stamped for a clock far ahead can be imported again later', async () => {
		const { a, b, clock } = await pair(3 * DAY);
		await a.addCustomer('c1');
		const file = await a.exportFile();
		const p = await b.preview(file);
		await applySnapshotWith(b, p.importId, { now: clock.now, farAhead: 'restamp' });
		expect((await b.db.customers.get('c1'))?._meta).not.toEqual(
			(await a.db.customers.get('c1'))?._meta
		);

		// Once the clocks agree the file's own stamps are taken: after one more exchange back,
		// both hold the same records.
		clock.now += 4 * DAY;
		const again = await b.preview(file);
		expect(again.alreadyImported).toBe(false);
		await applySnapshotWith(b, again.importId, { now: clock.now });
		await a.importFile(await b.exportFile());
		expect(await dumpTables(b)).toEqual(await dumpTables(a));
	});

	it('a file imported before another import was undone can be imported again', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.importFile(await a.exportFile());
		const [first] = await listSnapshotImportsWith(b);
		await b.addCustomer('b1');
		await a.importFile(await b.exportFile());
		// A's next file carries c1 again: B takes it, changing nothing.
		const p = await b.importFile(await a.exportFile());
		expect(p.stats.customers).toMatchObject({ new: 0, updated: 0 });
		// Undoing the first import takes c1 away: nothing was written to it since.
		await undoSnapshotImportWith(b, first!.importId);
		expect(await b.db.customers.get('c1')).toBeUndefined();

		// A has changed nothing, so its file is the same; it must bring c1 back.
		const again = await b.preview(await a.exportFile());
		expect(again.alreadyImported).toBe(false);
		await applySnapshotWith(b, again.importId);
		expect(await dumpTables(b)).toEqual(await dumpTables(a));
	});

	it('a call logged for a customer erased elsewhere is erased too, on both devices', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.importFile(await a.exportFile());
		await a.erase('c1');
		// B has not heard of the erasure yet and logs a call.
		await b.addInteraction('call', 'c1', START);

		await a.importFile(await b.exportFile());
		expect(await a.db.interactions.get('call')).toBeUndefined();
		await b.importFile(await a.exportFile());
		expect(await b.db.customers.get('c1')).toBeUndefined();
		expect(await b.db.interactions.get('call')).toBeUndefined();
		expect(await dumpTables(b)).toEqual(await dumpTables(a));
		expect(await a.db.tombstones.get(['interactions', 'call'])).toMatchObject({
			hlc: (await a.db.tombstones.get(['customers', 'c1']))?.hlc
		});
	});

	it('a customer who arrives after their call counts it as their last contact', async () => {
		const { a, b, clock } = await pair();
		await a.addCustomer('c1');
		await a.addInteraction('call', 'c1', START);
		// A's clock jumps days ahead; the customer is moved to the trash with it, the call is not.
		clock.ahead = 3 * DAY;
		await a.edit('customers', 'c1', { trashedAt: clock.now + clock.ahead });
		const p = await b.preview(await a.exportFile());
		await applySnapshotWith(b, p.importId, { now: clock.now, farAhead: 'skip' });
		expect(await b.db.customers.get('c1')).toBeUndefined();
		expect(await b.db.interactions.get('call')).toBeDefined();

		// Days later the customer comes; the call is already here.
		clock.now += 4 * DAY;
		await a.addCustomer('c2');
		const later = await b.preview(await a.exportFile());
		await applySnapshotWith(b, later.importId, { now: clock.now });
		expect((await b.db.customers.get('c1'))?.lastContactAt).toBe(START);
	});
});

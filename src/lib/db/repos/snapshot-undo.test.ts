import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listSnapshotImportsWith } from './snapshot-imports';
import { dumpTables, teammate, type Teammate } from './snapshot-teammates';
import { planSnapshotUndoWith, undoSnapshotImportWith } from './snapshot-undo';

/**
 * Undo of a snapshot import follows the same rule as CSV undo, and never undoes an erasure: a
 * tombstone that came with the import, or after it, stays, and its record stays deleted.
 */
let n = 0;
const pair = async () => {
	n++;
	const a = await teammate(`ua${n}`, `udeva${n}`, '王经理');
	const b = await teammate(`ub${n}`, `udevb${n}`, '李主管', 'ops_lead');
	return { a, b };
};

/** The newest snapshot import of `t` (the one just applied). */
async function latest(t: Teammate): Promise<string> {
	const [done] = await listSnapshotImportsWith(t);
	return done!.importId;
}

describe('undo of a snapshot import', () => {
	it('an erasure that came with the import stays erased through its undo', async () => {
		const { a, b } = await pair();
		await a.addCustomer('gone');
		await a.addInteraction('gone-i', 'gone', 1_700_000_000_000);
		await b.importFile(await a.exportFile());
		await a.erase('gone');
		await b.importFile(await a.exportFile());
		expect(await b.db.customers.get('gone')).toBeUndefined();

		await undoSnapshotImportWith(b, await latest(b));
		expect(await b.db.customers.get('gone')).toBeUndefined();
		expect(await b.db.interactions.get('gone-i')).toBeUndefined();
		expect(await b.db.tombstones.get(['customers', 'gone'])).toBeDefined();
		expect(await b.db.tombstones.get(['interactions', 'gone-i'])).toBeDefined();
	});

	it('an erasure that came after the import stays erased through every undo', async () => {
		const { a, b } = await pair();
		await a.addCustomer('later');
		await b.importFile(await a.exportFile());
		const first = await latest(b);
		await a.erase('later');
		await b.importFile(await a.exportFile());
		const second = await latest(b);
		expect(second).not.toBe(first);

		await undoSnapshotImportWith(b, second);
		expect(await b.db.customers.get('later')).toBeUndefined();
		expect(await b.db.tombstones.get(['customers', 'later'])).toBeDefined();
		await undoSnapshotImportWith(b, first);
		expect(await b.db.customers.get('later')).toBeUndefined();
		expect(await b.db.tombstones.get(['customers', 'later'])).toBeDefined();
	});

	it('a created customer that got an interaction here since is kept', async () => {
		const { a, b } = await pair();
		await a.addCustomer('linked');
		await a.addCustomer('plain');
		await b.importFile(await a.exportFile());
		await b.addInteraction('b-call', 'linked', 1_700_000_000_000);

		await undoSnapshotImportWith(b, await latest(b));
		expect(await b.db.customers.get('linked')).toBeDefined();
		expect((await b.db.interactions.get('b-call'))?.customerId).toBe('linked');
		// Nothing links to the other one: it leaves again (a teammate's record, no tombstone).
		expect(await b.db.customers.get('plain')).toBeUndefined();
		expect(await b.db.tombstones.get(['customers', 'plain'])).toBeUndefined();
	});

	it('says first what it will do; a field written here since keeps its value', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1', { city: '北京', tier: 'B' });
		await a.addCustomer('erase-me');
		await b.importFile(await a.exportFile());
		await a.edit('customers', 'c1', { city: '上海', tier: 'A' });
		await a.addCustomer('c2');
		await a.erase('erase-me');
		await b.importFile(await a.exportFile());
		await b.edit('customers', 'c1', { tier: 'C' });

		const id = await latest(b);
		const before = await dumpTables(b);
		const plan = await planSnapshotUndoWith(b, id);
		expect(plan).toMatchObject({ restored: 1, removed: 1, erased: 1, keptCount: 1 });
		expect(plan.kept).toEqual([
			{ table: 'customers', id: 'c1', reason: 'changed', label: '客户 c1', customer: null }
		]);
		expect(await dumpTables(b)).toEqual(before);

		expect(await undoSnapshotImportWith(b, id)).toEqual(plan);
		expect(await b.db.customers.get('c1')).toMatchObject({ city: '北京', tier: 'C' });
		expect(await b.db.customers.get('c2')).toBeUndefined();
		expect(await b.db.customers.get('erase-me')).toBeUndefined();
	});
});

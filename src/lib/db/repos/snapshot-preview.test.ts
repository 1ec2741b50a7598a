import 'fake-indexeddb/auto';
import type { TableStats } from '$lib/sync/merge';
import { describe, expect, it } from 'vitest';
import { applySnapshotWith, type ApplyResult } from './snapshot-apply';
import type { SnapshotPreview } from './snapshot-preview';
import { teammate } from './snapshot-teammates';

/**
 * The preview tells a person what applying a file would do; its counts must be what the apply
 * then does, also where an erasure reaches records the file or this device hold of the person.
 */
const START = 1_700_000_000_000;
let n = 0;

async function pair() {
	n++;
	const now = () => START;
	const a = await teammate(`pa${n}`, `pda${n}`, 'A', 'manager', now);
	const b = await teammate(`pb${n}`, `pdb${n}`, 'B', 'manager', now);
	return { a, b };
}

const total = (p: SnapshotPreview, key: keyof TableStats) =>
	Object.values(p.stats).reduce((sum, s) => sum + s[key], 0);

/** The preview's totals against what the apply reports. */
function expectAgree(p: SnapshotPreview, done: ApplyResult): void {
	expect({
		created: total(p, 'new'),
		updated: total(p, 'updated'),
		deleted: total(p, 'deleted')
	}).toEqual({ created: done.created, updated: done.updated, deleted: done.deleted });
}

describe('snapshot preview: counts that agree with the apply', () => {
	it('a call for a customer erased here is not counted as new', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.importFile(await a.exportFile());
		await a.erase('c1');
		// B has not heard of the erasure and logs a call; its file brings the call to A.
		await b.addInteraction('call', 'c1', START);

		const p = await a.preview(await b.exportFile());
		expect(p.stats.interactions).toMatchObject({ new: 0, deleted: 0 });
		const done = await applySnapshotWith(a, p.importId);
		expect(await a.db.interactions.get('call')).toBeUndefined();
		expectAgree(p, done);
	});

	it('a call held here of a customer the file erases is counted as deleted', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.importFile(await a.exportFile());
		await a.erase('c1');
		await b.addInteraction('call', 'c1', START);

		// A's erasure names only the records A held: B's call goes with the customer all the same.
		const p = await b.preview(await a.exportFile());
		expect(p.stats.customers).toMatchObject({ deleted: 1 });
		expect(p.stats.interactions).toMatchObject({ new: 0, deleted: 1 });
		const done = await applySnapshotWith(b, p.importId);
		expect(await b.db.interactions.get('call')).toBeUndefined();
		expectAgree(p, done);
	});

	it('an erasure in the file counts each record once, however many tombstones name it', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await a.addInteraction('call', 'c1', START);
		await b.importFile(await a.exportFile());
		await a.erase('c1');

		const p = await b.preview(await a.exportFile());
		expect(p.stats.customers).toMatchObject({ deleted: 1 });
		expect(p.stats.interactions).toMatchObject({ new: 0, deleted: 1 });
		expectAgree(p, await applySnapshotWith(b, p.importId));
	});

	it('a file without erasures counts new and updated records as the apply does', async () => {
		const { a, b } = await pair();
		await a.addCustomer('c1');
		await b.importFile(await a.exportFile());
		await a.edit('customers', 'c1', { city: '杭州' });
		await a.addCustomer('c2');
		await a.addInteraction('call', 'c2', START);

		const p = await b.preview(await a.exportFile());
		expect(p.stats.customers).toMatchObject({ new: 1, updated: 1 });
		expect(p.stats.interactions).toMatchObject({ new: 1 });
		expectAgree(p, await applySnapshotWith(b, p.importId));
	});
});

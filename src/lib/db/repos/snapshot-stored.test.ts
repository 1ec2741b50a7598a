import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { storedOf } from './snapshot-stored';

/**
 * storedOf answers like bulkGet whichever way it reads: one range of keys when the ids are a
 * narrow range (none, a few or most of them stored), bulkGet when the range holds far more.
 */
const db = new Dexie('stored-of-test');
db.version(1).stores({ items: 'id', tombs: '[table+id]' });
afterAll(() => db.delete());

const pad = (i: number) => `id${String(i).padStart(5, '0')}`;
const ids = (from: number, to: number, step = 1) => {
	const out: string[] = [];
	for (let i = from; i < to; i += step) out.push(pad(i));
	return out;
};

async function expectLikeBulkGet(list: string[]) {
	const items = db.table('items');
	expect(await storedOf(items, list)).toEqual(await items.bulkGet(list));
}

describe('storedOf', () => {
	it('reads what bulkGet reads, in the order asked, for every mix of stored and absent ids', async () => {
		// Stored: every third id of 0..3000, so any range holds stored and absent ids.
		await db.table('items').bulkPut(ids(0, 3000, 3).map((id) => ({ id, v: id.length })));
		await expectLikeBulkGet(ids(3001, 3100)); // beyond the stored keys: none
		await expectLikeBulkGet(ids(1, 300, 3)); // interleaved with stored keys: none
		await expectLikeBulkGet(ids(0, 300, 3).reverse()); // all stored, out of order
		await expectLikeBulkGet(ids(0, 300)); // a third stored: read as one range
		await expectLikeBulkGet([...ids(1, 300, 3), pad(150)]); // one stored: read by itself
		await expectLikeBulkGet([pad(0), pad(1500), pad(2999)]); // a wide range: falls back
		await expectLikeBulkGet([pad(3), pad(3), pad(4)]); // repeats
		await expectLikeBulkGet([]);
	});

	it('takes a compound key ([table, id] for tombstones) and reads only that table', async () => {
		const tombs = db.table('tombs');
		await tombs.bulkPut([
			{ table: 'customers', id: 'a' },
			{ table: 'customers', id: 'c' },
			{ table: 'deals', id: 'b' }
		]);
		const got = await storedOf<{ id: string }>(tombs, ['a', 'b', 'c', 'd'], (id) => [
			'customers',
			id
		]);
		expect(got.map((t) => t?.id)).toEqual(['a', undefined, 'c', undefined]);
	});
});

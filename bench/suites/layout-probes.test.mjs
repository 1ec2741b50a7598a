import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { changeWatermark, sameValuesFloor } from './floor-probes.mjs';
import { layoutAB } from './layout-probes.mjs';

const stores = [
	{
		name: 'customers',
		keyPath: 'id',
		indexes: [{ name: '_chg', keyPath: '_chg', multiEntry: false, unique: false }]
	},
	{
		name: 'interactions',
		keyPath: 'id',
		indexes: [
			{ name: 'customerId', keyPath: 'customerId', multiEntry: false, unique: false },
			{ name: '_chg', keyPath: '_chg', multiEntry: false, unique: false }
		]
	}
];

describe('layoutAB', () => {
	it('reads back every record and finds each lookup in every layout', async () => {
		const out = await layoutAB({ n: 250, chunks: [100], stores, lookups: 5 });
		for (const store of ['customers', 'interactions'])
			for (const size of [1, 100]) {
				expect(out[store][size].n).toBe(250);
				expect(out[store][size].updatePerS).toBeGreaterThan(0);
			}
		// 25 customers with 10 interactions each: 5 lookups find 50, packed or not.
		expect(out.interactions[1].byCustomerFound).toBe(50);
		expect(out.interactions[100].byCustomerFound).toBe(50);
	});
});

describe('sameValuesFloor', () => {
	const open = () =>
		new Promise((ok) => {
			const req = indexedDB.open('rapport', 1);
			req.onupgradeneeded = () => {
				for (const s of stores) {
					const store = req.result.createObjectStore(s.name, { keyPath: s.keyPath });
					for (const i of s.indexes) store.createIndex(i.name, i.keyPath);
				}
				req.result.createObjectStore('local', { keyPath: 'id' });
			};
			req.onsuccess = () => ok(req.result);
		});
	const put = (db, store, values) =>
		new Promise((ok) => {
			const tx = db.transaction(store, 'readwrite');
			for (const v of values) tx.objectStore(store).put(v);
			tx.oncomplete = ok;
		});
	const all = (db, store) =>
		new Promise((ok) => {
			const req = db.transaction(store).objectStore(store).getAll();
			req.onsuccess = () => ok(req.result);
		});

	it('writes again exactly the records numbered after the watermark, and leaves them as they were', async () => {
		const db = await open();
		await put(db, 'customers', [
			{ id: 'a', _chg: 1 },
			{ id: 'b', _chg: 2 }
		]);
		await put(db, 'local', [{ id: 'x' }]);
		const since = await changeWatermark();
		expect(since).toBe(2);
		await put(db, 'customers', [{ id: 'c', _chg: 3, name: '李娜' }]);
		await put(db, 'interactions', [
			{ id: 'i1', customerId: 'c', _chg: 4 },
			{ id: 'i2', customerId: 'c', _chg: 5 }
		]);
		const before = [await all(db, 'customers'), await all(db, 'interactions')];
		const floor = await sameValuesFloor({ since, runs: 2 });
		expect(floor.records).toEqual({ customers: 1, interactions: 2 });
		expect(floor.ms).toHaveLength(2);
		expect([await all(db, 'customers'), await all(db, 'interactions')]).toEqual(before);
		db.close();
	});
});

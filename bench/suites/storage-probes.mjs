// In-page probe: raw IndexedDB throughput of this browser, without Dexie or any app code, on
// records shaped like Rapport's, in stores with the indexes of the app's current schema (`stores`,
// read from the app through the bench hook: src/lib/db/store-specs.ts). Runs in the page, so it
// may use only what it declares.

/** Writes `n` records per store in one transaction each, then reads them back with getAll. */
export const storageFloor = async ({ n, withMeta, stores }) => {
	const name = `rapport-floor-${Date.now()}`;
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open(name, 1);
		req.onupgradeneeded = () => {
			const d = req.result;
			for (const spec of stores) {
				const store = d.createObjectStore(spec.name, { keyPath: spec.keyPath });
				for (const i of spec.indexes)
					store.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
			}
			d.createObjectStore('plain', { keyPath: 'id' });
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const stamp = { hlc: '0001700000000000-0000-abcdef', by: 'member-1' };
	const meta = (fields) =>
		withMeta
			? { updated: stamp.hlc, fields: Object.fromEntries(fields.map((f) => [f, stamp])) }
			: { updated: stamp.hlc };
	const customer = (k) => ({
		id: crypto.randomUUID(),
		kind: 'person',
		name: `客户 ${k}`,
		company: `北京某某科技有限公司 ${k % 977}`,
		tier: 'ABC'[k % 3],
		stage: 'active',
		ownerId: `m${k % 8}`,
		city: '北京',
		industry: '制造',
		tags: ['vip', `t${k % 20}`],
		phones: [`+86138${String(k).padStart(8, '0')}`],
		emails: [`c${k}@example.com`],
		lastContactAt: 1_700_000_000_000 + k,
		createdAt: 1_690_000_000_000 + k,
		birthday: '1980-01-01',
		trashedAt: null,
		searchKeys: `客户 ${k}\u0001kehu${k}\u0001kh`,
		// The local change number every write sets (db/change-counter-middleware.ts), indexed.
		_chg: k + 1,
		_meta: meta([
			'name',
			'company',
			'tier',
			'stage',
			'ownerId',
			'city',
			'industry',
			'tags',
			'phones',
			'emails'
		])
	});
	const interaction = (k) => ({
		id: crypto.randomUUID(),
		customerId: `c${k % 1000}`,
		type: 'call',
		at: 1_700_000_000_000 + k,
		ownerId: `m${k % 8}`,
		summary: '电话回访，客户对新方案有兴趣，下周再联系。',
		trashedAt: null,
		_chg: n + k + 1,
		_meta: meta(['type', 'at', 'summary'])
	});
	const plain = (k) => ({ id: crypto.randomUUID(), k });
	const out = {};
	for (const [store, make] of [
		['plain', plain],
		['customers', customer],
		['interactions', interaction]
	]) {
		const rows = Array.from({ length: n }, (_, k) => make(k));
		const t0 = performance.now();
		await new Promise((resolve, reject) => {
			const tx = db.transaction(store, 'readwrite');
			const s = tx.objectStore(store);
			for (const r of rows) s.add(r);
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		const write = performance.now() - t0;
		const t1 = performance.now();
		const all = await new Promise((resolve, reject) => {
			const req = db.transaction(store).objectStore(store).getAll();
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const read = performance.now() - t1;
		out[store] = { n: all.length, writePerS: n / (write / 1000), readPerS: n / (read / 1000) };
	}
	db.close();
	await new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
	return out;
};

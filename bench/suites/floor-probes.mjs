// In-page probes for the floor under a bulk path, measured in the same page right after the path:
// raw IndexedDB writing the very values the path wrote into the very stores (same database, same
// indexes, same default durability, same profile), with no Dexie and no app code. The values are
// found by the change number every write sets (`_chg`, indexed in every synced store): those
// above the watermark read before the path ran. Run with page.evaluate, so each declares all it
// uses.

/** The greatest change number stored in the app's database (0 when none). */
export const changeWatermark = async () => {
	// Opening a database that does not exist yet would create it empty, under the app's feet.
	for (let i = 0; !(await indexedDB.databases()).some((d) => d.name === 'rapport'); i++) {
		if (i > 300) throw new Error('the app did not open its database');
		await new Promise((r) => setTimeout(r, 100));
	}
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open('rapport');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const stores = [...db.objectStoreNames].filter((s) =>
		db.transaction(s).objectStore(s).indexNames.contains('_chg')
	);
	let top = 0;
	for (const s of stores) {
		const key = await new Promise((resolve, reject) => {
			const req = db.transaction(s).objectStore(s).index('_chg').openKeyCursor(null, 'prev');
			req.onsuccess = () => resolve(req.result?.key ?? 0);
			req.onerror = () => reject(req.error);
		});
		top = Math.max(top, key);
	}
	db.close();
	return top;
};

/**
 * Reads every record numbered above `since`, then `runs` times deletes them (untimed) and adds
 * them back in one transaction over their stores (timed, `add` each, then `oncomplete`), so the
 * database ends as it was. Returns the records per store and each run's milliseconds.
 */
export const sameValuesFloor = async ({ since, runs }) => {
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open('rapport');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const result = (req) =>
		new Promise((resolve, reject) => {
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	const done = (tx) =>
		new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = tx.onabort = () => reject(tx.error);
		});
	const range = IDBKeyRange.lowerBound(since, true);
	const written = [];
	for (const s of db.objectStoreNames) {
		const store = db.transaction(s).objectStore(s);
		if (!store.indexNames.contains('_chg')) continue;
		const index = store.index('_chg');
		const [keys, values] = [
			await result(index.getAllKeys(range)),
			await result(index.getAll(range))
		];
		if (keys.length) written.push({ store: s, keys, values });
	}
	const names = written.map((w) => w.store);
	const ms = [];
	for (let i = 0; i < runs; i++) {
		const del = db.transaction(names, 'readwrite');
		for (const w of written) for (const k of w.keys) del.objectStore(w.store).delete(k);
		await done(del);
		const t0 = performance.now();
		const tx = db.transaction(names, 'readwrite');
		for (const w of written) {
			const store = tx.objectStore(w.store);
			for (const v of w.values) store.add(v);
		}
		await done(tx);
		ms.push(performance.now() - t0);
	}
	db.close();
	return {
		records: Object.fromEntries(written.map((w) => [w.store, w.values.length])),
		ms
	};
};

/**
 * The read floor under an export: raw IndexedDB reading every record of the stores an export of
 * everything reads (the synced stores, those with a `_chg` index, and `tombstones`), with getAll
 * in pages of `page` records by primary key, each page its own transaction, as the export pages
 * its reads. The values are counted and dropped, so memory stays flat at any size. `runs` times;
 * returns the records per store and each run's milliseconds.
 */
export const rawReadAll = async ({ runs, page }) => {
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open('rapport');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const result = (req) =>
		new Promise((resolve, reject) => {
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	const stores = [...db.objectStoreNames].filter(
		(s) => s === 'tombstones' || db.transaction(s).objectStore(s).indexNames.contains('_chg')
	);
	const keyOf = (keyPath, v) => (Array.isArray(keyPath) ? keyPath.map((k) => v[k]) : v[keyPath]);
	const ms = [];
	let records = {};
	for (let i = 0; i < runs; i++) {
		records = {};
		const t0 = performance.now();
		for (const s of stores) {
			let n = 0;
			let after;
			for (;;) {
				const store = db.transaction(s).objectStore(s);
				const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
				const values = await result(store.getAll(range, page));
				n += values.length;
				if (values.length < page) break;
				after = keyOf(store.keyPath, values[values.length - 1]);
			}
			records[s] = n;
		}
		ms.push(performance.now() - t0);
	}
	db.close();
	return { records, ms };
};

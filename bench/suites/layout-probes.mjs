// In-page probe: the same records written one per IndexedDB value (the current layout, in stores
// with the indexes of the app's schema) and packed many per value (chunks keyed by chunk id, as
// Replicache's chunks and absurd-sql's pages are), with the secondary structure a packed layout
// needs for the app's reads: a chunk found by a record's id (merges, edits), by a customer's id
// (a customer's interactions) and by its greatest change number (files of changes). Runs in the
// page, so it may use only what it declares.

/**
 * For each store and layout, in turn: write `n` records in one transaction, read them all back
 * (getAll, unpacked into records), then look up `lookups` records by id and, for interactions,
 * `lookups` customers' interactions, and update `lookups` scattered records in one transaction.
 * `chunks` lists the records-per-value sizes to try.
 */
export const layoutAB = async ({ n, chunks, stores, lookups }) => {
	const name = `rapport-layout-${Date.now()}`;
	const packedName = (store, size) => `${store}Packed${size}`;
	const db = await new Promise((resolve, reject) => {
		const req = indexedDB.open(name, 1);
		req.onupgradeneeded = () => {
			const d = req.result;
			for (const spec of stores) {
				const store = d.createObjectStore(spec.name, { keyPath: spec.keyPath });
				for (const i of spec.indexes)
					store.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
				for (const size of chunks) {
					const p = d.createObjectStore(packedName(spec.name, size), { keyPath: 'id' });
					p.createIndex('ids', 'ids', { multiEntry: true, unique: true });
					p.createIndex('maxChg', 'maxChg');
					if (spec.name === 'interactions')
						p.createIndex('customerIds', 'customerIds', { multiEntry: true });
				}
			}
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const stamp = { hlc: '0001700000000000-0000-abcdef', by: 'member-1' };
	const meta = (fields) => ({
		updated: stamp.hlc,
		fields: Object.fromEntries(fields.map((f) => [f, stamp]))
	});
	const customerCount = Math.max(1, Math.floor(n / 10));
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
	// About ten interactions a customer, logged over time, so a customer's are spread over the file
	// as they are over a database written day after day.
	const interaction = (k) => ({
		id: crypto.randomUUID(),
		customerId: `c${k % customerCount}`,
		type: 'call',
		at: 1_700_000_000_000 + k,
		ownerId: `m${k % 8}`,
		summary: '电话回访，客户对新方案有兴趣，下周再联系。',
		trashedAt: null,
		_chg: n + k + 1,
		_meta: meta(['type', 'at', 'summary'])
	});
	const pack = (rows, size) => {
		const out = [];
		for (let i = 0; i < rows.length; i += size) {
			const records = rows.slice(i, i + size);
			const value = {
				id: i / size,
				ids: records.map((r) => r.id),
				maxChg: records.reduce((m, r) => Math.max(m, r._chg), 0),
				records
			};
			if (records[0].customerId !== undefined)
				value.customerIds = [...new Set(records.map((r) => r.customerId))];
			out.push(value);
		}
		return out;
	};
	const done = (tx) =>
		new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = tx.onabort = () => reject(tx.error);
		});
	const result = (req) =>
		new Promise((resolve, reject) => {
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	const timed = async (f) => {
		const t0 = performance.now();
		const value = await f();
		return { ms: performance.now() - t0, value };
	};
	const out = {};
	for (const [store, make] of [
		['customers', customer],
		['interactions', interaction]
	]) {
		const rows = Array.from({ length: n }, (_, k) => make(k));
		const ids = Array.from({ length: lookups }, (_, i) => rows[(i * 7919) % n].id);
		const owners = Array.from({ length: lookups }, (_, i) => `c${(i * 613) % customerCount}`);
		out[store] = {};
		for (const size of [1, ...chunks]) {
			const target = size === 1 ? store : packedName(store, size);
			const values = size === 1 ? rows : pack(rows, size);
			const w = await timed(() => {
				const tx = db.transaction(target, 'readwrite');
				const s = tx.objectStore(target);
				for (const v of values) s.add(v);
				return done(tx);
			});
			const r = await timed(async () => {
				const all = await result(db.transaction(target).objectStore(target).getAll());
				return size === 1 ? all.length : all.reduce((c, v) => c + v.records.length, 0);
			});
			// Each lookup a transaction of its own, as an edit or a page's read is.
			const byId = await timed(async () => {
				for (const id of ids) {
					const s = db.transaction(target).objectStore(target);
					const got =
						size === 1
							? await result(s.get(id))
							: (await result(s.index('ids').get(id))).records.find((x) => x.id === id);
					if (!got) throw new Error(`${target}: ${id} not found`);
				}
			});
			// An edit or a merge of scattered records (a day's file of changes): each read and
			// written back in one transaction, as the chunk that holds it for a packed layout.
			const update = await timed(async () => {
				const tx = db.transaction(target, 'readwrite');
				const s = tx.objectStore(target);
				for (const id of ids) {
					if (size === 1) {
						const r = await result(s.get(id));
						s.put({ ...r, _chg: r._chg + 2 * n });
					} else {
						const v = await result(s.index('ids').get(id));
						const i = v.records.findIndex((x) => x.id === id);
						const records = v.records.slice();
						records[i] = { ...records[i], _chg: records[i]._chg + 2 * n };
						s.put({ ...v, records, maxChg: Math.max(v.maxChg, records[i]._chg) });
					}
				}
				await done(tx);
			});
			let byCustomer;
			if (store === 'interactions') {
				let found = 0;
				byCustomer = await timed(async () => {
					for (const c of owners) {
						const s = db.transaction(target).objectStore(target);
						if (size === 1) found += (await result(s.index('customerId').getAll(c))).length;
						else
							for (const v of await result(s.index('customerIds').getAll(c)))
								found += v.records.filter((x) => x.customerId === c).length;
					}
				});
				byCustomer.found = found;
			}
			out[store][size] = {
				n: r.value,
				writePerS: n / (w.ms / 1000),
				readPerS: n / (r.ms / 1000),
				byIdMs: byId.ms / lookups,
				updatePerS: lookups / (update.ms / 1000),
				byCustomerMs: byCustomer && byCustomer.ms / lookups,
				byCustomerFound: byCustomer?.found
			};
		}
	}
	db.close();
	await new Promise((resolve) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
	return out;
};

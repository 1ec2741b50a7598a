import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareVersions, DB_VERSION, MIGRATIONS, openDatabase } from '../schema';

const stamp = { hlc: '000001700000000:0000:dev', by: 'm1' };
const meta = { created: stamp, updated: stamp.hlc };

describe('migrations', () => {
	it('are numbered 1, 2, … without gaps', () => {
		expect(MIGRATIONS.map((m) => m.version)).toEqual(
			Array.from({ length: DB_VERSION }, (_, i) => i + 1)
		);
	});

	it('v1 → v2 keeps every record and recomputes lastContactAt from the log', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 1);
		await old.open();
		await old.table('members').add({ id: 'm1', name: '王经理', role: 'manager', _meta: meta });
		await old.table('customers').bulkAdd([
			{
				id: 'c1',
				name: '张三',
				ownerId: 'm1',
				lastContactAt: 5,
				trashedAt: null,
				tags: ['vip'],
				_meta: meta
			},
			{
				id: 'c2',
				name: 'Anna',
				ownerId: 'm1',
				lastContactAt: null,
				trashedAt: 9,
				tags: [],
				_meta: meta
			}
		]);
		await old.table('interactions').bulkAdd([
			{ id: 'i1', customerId: 'c1', at: 100, trashedAt: null, _meta: meta },
			{ id: 'i2', customerId: 'c1', at: 300, trashedAt: 1, _meta: meta },
			{ id: 'i3', customerId: 'c2', at: 50, trashedAt: null, _meta: meta }
		]);
		await old.table('settings').put({ key: 'deviceId', value: 'dev' });
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.members.count()).toBe(1);
		expect(await db.interactions.count()).toBe(3);
		expect((await db.settings.get('deviceId'))?.value).toBe('dev');
		const c1 = await db.customers.get('c1');
		expect(c1).toMatchObject({ name: '张三', tags: ['vip'], lastContactAt: 100, _meta: meta });
		expect((await db.customers.get('c2'))?.lastContactAt).toBe(50);
		expect(await db.customers.where('trashedAt').above(0).primaryKeys()).toEqual(['c2']);
		expect(await db.tombstones.count()).toBe(0);
		db.close();
	});

	it('v2 → v3 keeps every record and adds the import staging table', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 2);
		await old.open();
		await old.table('customers').add({ id: 'c1', name: '王五', trashedAt: null, _meta: meta });
		await old.table('tombstones').add({ table: 'customers', id: 'gone', hlc: stamp.hlc, by: 'm1' });
		await old.table('imports').add({ id: 'imp1', at: 1, state: 'committed', detail: {} });
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect((await db.customers.get('c1'))?.name).toBe('王五');
		expect(await db.tombstones.count()).toBe(1);
		expect((await db.imports.get('imp1'))?.state).toBe('committed');
		await db.importBatches.add({
			importId: 'imp2',
			seq: 0,
			kind: 'stage',
			table: 'customers',
			records: []
		});
		expect(await db.importBatches.where('importId').equals('imp2').count()).toBe(1);
		db.close();
	});
});

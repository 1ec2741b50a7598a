import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TALLY_META_KEY, talliesOf } from '$lib/domain/reports/tallies';
import { withoutChangeNumber } from '$lib/sync/change-number';
import { NUMBERED_TABLES } from '../change-counter-middleware';
import { changeNumberOf } from '../repos/local-changes';
import { declareVersions, DB_VERSION, MIGRATIONS, openDatabase, type RapportDB } from '../schema';

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

	it('v3 → v4 keeps every record and answers the new compound indexes', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 3);
		await old.open();
		await old.table('customers').bulkAdd([
			{
				id: 'c1',
				name: '赵六',
				ownerId: 'm1',
				createdAt: 10,
				birthday: '1990-05-06',
				trashedAt: null,
				lastContactAt: 20,
				_meta: meta
			},
			{
				id: 'c2',
				name: 'Bo',
				ownerId: 'm2',
				createdAt: 30,
				birthday: '',
				trashedAt: null,
				lastContactAt: null,
				_meta: meta
			}
		]);
		await old.table('interactions').bulkAdd([
			{
				id: 'i1',
				customerId: 'c1',
				ownerId: 'm1',
				type: 'call',
				at: 100,
				trashedAt: null,
				_meta: meta
			},
			{
				id: 'i2',
				customerId: 'c1',
				ownerId: 'm1',
				type: 'visit',
				at: 200,
				trashedAt: 5,
				_meta: meta
			}
		]);
		await old.table('tasks').add({
			id: 't1',
			ownerId: 'm1',
			dueAt: 50,
			doneAt: null,
			done: false,
			trashedAt: null,
			_meta: meta
		});
		await old.table('deals').add({
			id: 'd1',
			ownerId: 'm1',
			stage: 'lead',
			expectedClose: '2026-01-31',
			customerId: 'c1',
			_meta: meta
		});
		await old
			.table('orders')
			.add({ id: 'o1', ownerId: 'm1', at: 70, customerId: 'c1', _meta: meta });
		await old.table('tickets').add({
			id: 'k1',
			ownerId: 'm1',
			status: 'new',
			deadlineAt: 9,
			customerId: 'c1',
			_meta: meta
		});
		await old
			.table('feedback')
			.add({ id: 'f1', ownerId: 'm1', customerId: 'c1', at: 80, _meta: meta });
		await old
			.table('importBatches')
			.add({ importId: 'imp', seq: 0, kind: 'undo', table: 'customers', records: [] });
		old.close();

		// Opened at v4 itself: v8 dropped some of these indexes, as nothing read them.
		const db = new Dexie(name) as RapportDB;
		declareVersions(db, 4);
		await db.open();
		expect(db.verno).toBe(4);
		expect(await db.customers.count()).toBe(2);
		expect(await db.interactions.count()).toBe(2);
		expect(await db.importBatches.count()).toBe(1);
		expect((await db.customers.get('c1'))?.name).toBe('赵六');
		const m1 = (k: string) => db.interactions.where(k);
		expect(await m1('[ownerId+at]').between(['m1', 0], ['m1', 150]).primaryKeys()).toEqual(['i1']);
		expect(
			await m1('[ownerId+type+at]').between(['m1', 'visit', 0], ['m1', 'visit', 999]).count()
		).toBe(1);
		// Only trashed interactions are in the trashedAt index (null is not indexed).
		expect(await db.interactions.where('trashedAt').above(0).primaryKeys()).toEqual(['i2']);
		expect(await db.tasks.where('[ownerId+dueAt]').between(['m1', 0], ['m1', 99]).count()).toBe(1);
		expect(
			await db.tasks.where('[ownerId+doneAt]').between(['m1', 0], ['m1', Infinity]).count()
		).toBe(0);
		expect(await db.deals.where('[ownerId+stage]').equals(['m1', 'lead']).count()).toBe(1);
		expect(
			await db.deals
				.where('[ownerId+expectedClose]')
				.between(['m1', '2026-01-01'], ['m1', '2026-02-01'])
				.count()
		).toBe(1);
		expect(await db.orders.where('[ownerId+at]').between(['m1', 0], ['m1', 100]).count()).toBe(1);
		expect(await db.tickets.where('[ownerId+status]').equals(['m1', 'new']).count()).toBe(1);
		expect(await db.feedback.where('[customerId+at]').between(['c1', 0], ['c1', 100]).count()).toBe(
			1
		);
		expect(
			await db.customers.where('[ownerId+createdAt]').between(['m1', 0], ['m1', 20]).count()
		).toBe(1);
		expect(
			await db.customers
				.where('[ownerId+birthday]')
				.between(['m1', '0'], ['m1', '\uffff'])
				.primaryKeys()
		).toEqual(['c1']);
		db.close();
	});

	it('v4 → v5 keeps every deal and answers the pipeline and trash indexes', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 4);
		await old.open();
		const deal = (id: string, stage: string, minor: number, trashedAt: number | null) => ({
			id,
			ownerId: 'm1',
			stage,
			expectedClose: '',
			customerId: 'c1',
			amount: { minor, currency: 'CNY' },
			probability: 50,
			trashedAt,
			_meta: meta
		});
		await old
			.table('deals')
			.bulkAdd([
				deal('d1', 'lead', 100, null),
				deal('d2', 'lead', 200, 7),
				deal('d3', 'won', 300, null)
			]);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBeGreaterThanOrEqual(5);
		expect(await db.deals.count()).toBe(3);
		expect((await db.deals.get('d1'))?.amount).toEqual({ minor: 100, currency: 'CNY' });
		const keys: unknown[] = [];
		await db.deals
			.where('[ownerId+stage+amount.currency+amount.minor+probability]')
			.between(['m1', 'lead'], ['m1', 'lead', Dexie.maxKey])
			.eachKey((k) => keys.push(k));
		expect(keys).toEqual([
			['m1', 'lead', 'CNY', 100, 50],
			['m1', 'lead', 'CNY', 200, 50]
		]);
		expect(await db.deals.where('trashedAt').above(0).primaryKeys()).toEqual(['d2']);
		db.close();
	});

	it('v5 → v6 keeps every record, builds the tallies from them and answers the closing index', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 5);
		await old.open();
		const day = Date.UTC(2026, 10, 2, 3);
		const interactions = [
			{ id: 'i1', ownerId: 'm1', type: 'call', at: day, trashedAt: null },
			{ id: 'i2', ownerId: 'm1', type: 'call', at: day + 60_000, trashedAt: null },
			{ id: 'i3', ownerId: 'm1', type: 'visit', at: day, trashedAt: 5 },
			{ id: 'i4', ownerId: 'm2', type: 'email', at: day - 86_400_000, trashedAt: null },
			{ id: 'i5', type: 'email', at: day, trashedAt: null }
		].map((i) => ({ ...i, customerId: 'c1', _meta: meta }));
		const orders = [
			{
				id: 'o1',
				ownerId: 'm1',
				at: day,
				amount: { minor: 500, currency: 'CNY' },
				trashedAt: null
			},
			{ id: 'o2', ownerId: 'm1', at: day, amount: { minor: 70, currency: 'USD' }, trashedAt: 3 }
		].map((o) => ({ ...o, customerId: 'c1', dealId: null, _meta: meta }));
		const deals = [
			{ id: 'd1', stage: 'lead', amount: { minor: 1000, currency: 'CNY' }, probability: 10 },
			{ id: 'd2', stage: 'lead', amount: { minor: NaN, currency: 'CNY' }, probability: 10 },
			{ id: 'd3', stage: 'won', amount: { minor: 300, currency: 'CNY' }, probability: 100 }
		].map((d) => ({
			...d,
			ownerId: 'm1',
			customerId: 'c1',
			expectedClose: '2026-11-20',
			trashedAt: null,
			_meta: meta
		}));
		await old.table('interactions').bulkAdd(interactions);
		await old.table('orders').bulkAdd(orders);
		await old.table('deals').bulkAdd(deals);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBeGreaterThanOrEqual(6);
		expect(await db.interactions.count()).toBe(5);
		expect(await db.orders.count()).toBe(2);
		expect(await db.deals.count()).toBe(3);
		const offsetMin = -new Date().getTimezoneOffset();
		const stored = await db.tallies.toArray();
		expect(stored).toContainEqual({ k: TALLY_META_KEY, offsetMin });
		const expected = [
			...talliesOf('interactions', interactions, offsetMin),
			...talliesOf('orders', orders, offsetMin),
			...talliesOf('deals', deals, offsetMin)
		];
		// Work marks (v14) are not tallies of these tables.
		expect(sortTallies(stored.filter((t) => t.k[0] !== 'meta' && t.k[0] !== 'w'))).toEqual(
			sortTallies(expected)
		);
		expect(expected.filter((t) => t.k[0] === 'i').reduce((n, t) => n + t.n, 0)).toBe(3);
		expect(
			await db.deals
				.where('[ownerId+stage+expectedClose]')
				.between(['m1', 'lead', '2026-11-01'], ['m1', 'lead', '2026-11-30'], true, true)
				.primaryKeys()
		).toEqual(['d1', 'd2']);
		db.close();
	});
	it('v6 → v7 keeps every task and ticket and indexes only the open ones', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 6);
		await old.open();
		const task = (id: string, done: boolean, trashedAt: number | null) => ({
			id,
			ownerId: 'm1',
			title: id,
			dueAt: 100,
			done,
			doneAt: done ? 5 : null,
			trashedAt,
			_meta: meta
		});
		await old
			.table('tasks')
			.bulkAdd([task('open', false, null), task('done', true, null), task('gone', false, 9)]);
		const ticket = (id: string, status: string) => ({
			id,
			ownerId: 'm1',
			status,
			deadlineAt: 50,
			trashedAt: null,
			_meta: meta
		});
		await old.table('tickets').bulkAdd([ticket('t1', 'waiting_customer'), ticket('t2', 'closed')]);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.tasks.count()).toBe(3);
		expect(await db.tickets.count()).toBe(2);
		const openTasks = () =>
			db.tasks
				.where('[ownerId+openDueAt]')
				.between(['m1', -Infinity], ['m1', Infinity])
				.primaryKeys();
		expect(await openTasks()).toEqual(['open']);
		expect(await db.tasks.get('done')).not.toHaveProperty('openDueAt');
		expect(
			await db.tickets
				.where('[ownerId+openDeadlineAt]')
				.between(['m1', -Infinity], ['m1', Infinity])
				.primaryKeys()
		).toEqual(['t1']);
		// Every later write keeps the field right (the open-keys middleware).
		await db.tasks.update('open', { done: true, doneAt: 7 });
		await db.tasks.update('gone', { trashedAt: null });
		expect(await openTasks()).toEqual(['gone']);
		db.close();
	});

	it('v7 → v8 keeps every record and drops the indexes nothing reads', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 7);
		await old.open();
		const owned = { ownerId: 'm1', customerId: 'c1', trashedAt: null, _meta: meta };
		const records: Record<string, Record<string, unknown>[]> = {
			members: [{ id: 'm1', name: '王经理', role: 'manager', trashedAt: null, _meta: meta }],
			customers: [
				{
					id: 'c1',
					name: '张三',
					ownerId: 'm1',
					tier: 'A',
					stage: 'active',
					city: '北京',
					tags: ['vip'],
					birthday: '1980-02-03',
					createdAt: 10,
					lastContactAt: 100,
					trashedAt: null,
					_meta: meta
				},
				{ id: 'c2', name: 'Anna', ownerId: 'm1', createdAt: 20, trashedAt: 9, _meta: meta }
			],
			contacts: [{ id: 'p1', customerId: 'c1', name: '李四', _meta: meta }],
			interactions: [
				{ ...owned, id: 'i1', type: 'call', at: 100 },
				{ ...owned, id: 'i2', type: 'visit', at: 200, trashedAt: 5 }
			],
			tasks: [
				{ ...owned, id: 't1', dealId: 'd1', dueAt: 50, done: false, doneAt: null, openDueAt: 50 },
				{ ...owned, id: 't2', dealId: null, dueAt: 60, done: true, doneAt: 70 }
			],
			deals: [
				{
					...owned,
					id: 'd1',
					stage: 'lead',
					expectedClose: '2026-01-31',
					amount: { minor: 100, currency: 'CNY' },
					probability: 50
				}
			],
			orders: [{ ...owned, id: 'o1', dealId: 'd1', at: 70, amount: { minor: 5, currency: 'CNY' } }],
			tickets: [
				{ ...owned, id: 'k1', status: 'new', deadlineAt: 9, openDeadlineAt: 9 },
				{ ...owned, id: 'k2', status: 'closed', deadlineAt: 8 }
			],
			feedback: [{ ...owned, id: 'f1', kind: 'csat', at: 80 }],
			goals: [{ id: 'g1', ownerId: 'm1', periodStart: '2026-01-01', trashedAt: null, _meta: meta }],
			reviews: [{ id: 'r1', memberId: 'm1', periodStart: '2026-01-01', _meta: meta }],
			conflicts: [
				{
					id: 'x1',
					table: 'customers',
					recordId: 'c1',
					field: 'name',
					lostValue: '张',
					lostHlc: stamp.hlc,
					wonHlc: stamp.hlc,
					at: 3
				}
			],
			audit: [{ id: 'a1', at: 4, action: 'merge', detail: {} }],
			imports: [{ id: 'imp1', at: 5, state: 'committed', detail: {} }]
		};
		for (const [table, list] of Object.entries(records)) await old.table(table).bulkAdd(list);
		await old.table('tombstones').add({ table: 'customers', id: 'gone', hlc: stamp.hlc, by: 'm1' });
		await old
			.table('importBatches')
			.add({ importId: 'imp1', seq: 0, kind: 'undo', table: 'customers', records: [] });
		const tallies = await old.table('tallies').toArray();
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBeGreaterThanOrEqual(8);
		// As they were, but for the change number v9 gives them.
		for (const [table, list] of Object.entries(records))
			expect((await db.table(table).toArray()).map(withoutChangeNumber)).toEqual(
				[...list].sort((a, b) => String(a.id).localeCompare(String(b.id)))
			);
		expect(await db.tombstones.count()).toBe(1);
		expect(await db.importBatches.count()).toBe(1);
		// The tallies are built again from the records (v14), at the offset they already had.
		expect(tallies).toEqual([]);
		expect(await db.tallies.get(TALLY_META_KEY)).toEqual({
			k: TALLY_META_KEY,
			offsetMin: -new Date().getTimezoneOffset()
		});

		const indexes = (table: string) => db.table(table).schema.indexes.map((i) => i.name);
		for (const [table, dropped] of Object.entries(DROPPED_IN_V8))
			for (const index of dropped) expect(indexes(table), table).not.toContain(index);
		// What the app reads still answers, from the records as they were.
		expect(await db.customers.where('ownerId').equals('m1').count()).toBe(2);
		expect(await db.customers.where('trashedAt').above(0).primaryKeys()).toEqual(['c2']);
		expect(
			await db.interactions.where('[ownerId+at]').between(['m1', 0], ['m1', 999]).count()
		).toBe(2);
		expect(await db.interactions.where('trashedAt').above(0).primaryKeys()).toEqual(['i2']);
		expect(
			await db.tasks.where('[ownerId+openDueAt]').between(['m1', 0], ['m1', 99]).primaryKeys()
		).toEqual(['t1']);
		expect(await db.tasks.where('dealId').equals('d1').primaryKeys()).toEqual(['t1']);
		expect(await db.orders.where('dealId').equals('d1').primaryKeys()).toEqual(['o1']);
		expect(
			await db.tickets
				.where('[ownerId+openDeadlineAt]')
				.between(['m1', -Infinity], ['m1', Infinity])
				.primaryKeys()
		).toEqual(['k1']);
		expect(await db.reviews.where('memberId').equals('m1').primaryKeys()).toEqual(['r1']);
		expect(await db.imports.where('state').equals('committed').primaryKeys()).toEqual(['imp1']);
		expect(await db.conflicts.orderBy('at').primaryKeys()).toEqual(['x1']);
		db.close();
	});
});

describe('v8 → v9', () => {
	const at = (wall: number, device = 'dev') => `${String(wall).padStart(15, '0')}:0000:${device}`;
	const meta9 = (wall: number) => ({ created: { hlc: at(wall), by: 'm1' }, updated: at(wall) });

	/** A v8 database: records of several tables stamped across each other, and tombstones. */
	async function v8Database() {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 8);
		await old.open();
		const add = (table: string, rows: Record<string, unknown>[]) => old.table(table).bulkAdd(rows);
		await add('members', [{ id: 'm1', name: '王经理', trashedAt: null, _meta: meta9(50) }]);
		await add('customers', [
			{ id: 'c1', name: '张三', ownerId: 'm1', trashedAt: null, _meta: meta9(300) },
			{ id: 'c2', name: 'Anna', ownerId: 'm1', trashedAt: null, _meta: meta9(100) }
		]);
		// More than a page, in runs that share a stamp (the tombstones of a customer's children
		// share its stamp too): pages must not lose or repeat a record at their edges.
		const interactions = Array.from({ length: 1234 }, (_, i) => ({
			id: `i${String(i).padStart(4, '0')}`,
			customerId: 'c1',
			ownerId: 'm1',
			type: 'call',
			at: i,
			trashedAt: null,
			_meta: meta9(200 + Math.floor(i / 7) * 2)
		}));
		await add('interactions', interactions);
		await add('goals', [{ id: 'g1', ownerId: 'm1', trashedAt: null, _meta: meta9(201) }]);
		// Damaged: no stamp, so in no index of stamps. Still numbered (last).
		await add('contacts', [{ id: 'p-bad', customerId: 'c1', name: '无' }]);
		await old.table('tombstones').bulkAdd([
			{ table: 'customers', id: 'gone', hlc: at(150), by: 'm1' },
			{ table: 'interactions', id: 'gone-i', hlc: at(150), by: 'm1' },
			{ table: 'customers', id: 'late', hlc: at(99_999), by: 'm1' }
		]);
		await old.table('settings').put({ key: 'deviceId', value: 'dev' });
		old.close();
		return { name, total: 1 + 2 + interactions.length + 1 + 1 + 3 };
	}

	async function numbered(db: RapportDB) {
		const out: { table: string; n: number; stamp: string; row: Record<string, unknown> }[] = [];
		for (const table of NUMBERED_TABLES)
			for (const row of (await db.table(table).toArray()) as Record<string, unknown>[]) {
				const m = row._meta as { updated?: string } | undefined;
				const stamp = table === 'tombstones' ? String(row.hlc) : (m?.updated ?? '');
				out.push({ table, n: changeNumberOf(row), stamp, row });
			}
		return out.sort((a, b) => a.n - b.n);
	}

	it('numbers every record and tombstone once, oldest first, and the counter goes on after', async () => {
		const { name, total } = await v8Database();
		const reports: [number, number][] = [];
		const db = openDatabase(name, undefined, { onUpgrade: (d, t) => reports.push([d, t]) });
		await db.open();
		expect(db.verno).toBe(DB_VERSION);

		const rows = await numbered(db);
		expect(rows).toHaveLength(total);
		expect(rows.map((r) => r.n)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
		// Oldest first: the stamps never go down as the numbers go up, but for the damaged record,
		// which has none and comes last.
		const last = rows.at(-1)!;
		expect(last.row.id).toBe('p-bad');
		const stamps = rows.slice(0, -1).map((r) => r.stamp);
		expect(stamps).toEqual([...stamps].sort());
		expect(rows.slice(0, 4).map((r) => r.row.id)).toEqual(['m1', 'c2', 'gone', 'gone-i']);
		expect(rows.at(-2)!.row.id).toBe('late');
		expect((await db.changeCounter.get('last'))?.value).toBe(total);
		// Nothing else changed.
		const c1 = await db.customers.get('c1');
		expect(withoutChangeNumber(c1!)).toEqual({
			id: 'c1',
			name: '张三',
			ownerId: 'm1',
			trashedAt: null,
			_meta: meta9(300)
		});
		// The index answers "changed after".
		expect(
			await db.interactions
				.where('_chg')
				.above(total - 5)
				.count()
		).toBeGreaterThan(0);
		expect(await db.tombstones.where('_chg').belowOrEqual(4).count()).toBe(2);

		// The upgrade said how far it got: from nothing to everything, never backwards. (A later
		// upgrade reports its own count of records.)
		reports.splice(0, reports.length, ...reports.filter(([, t]) => t === total));
		expect(reports[0]).toEqual([0, total]);
		expect(reports.at(-1)).toEqual([total, total]);
		expect(reports.length).toBeGreaterThan(2);
		for (let i = 1; i < reports.length; i++)
			expect(reports[i]![0]).toBeGreaterThanOrEqual(reports[i - 1]![0]);

		// The next write takes the next number.
		await db.customers.update('c2', { name: 'Anna B' });
		expect(changeNumberOf((await db.customers.get('c2'))!)).toBe(total + 1);
		db.close();
	});

	it('numbers an empty database with nothing, and starts the counter at one', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 8);
		await old.open();
		old.close();
		const reports: [number, number][] = [];
		const db = openDatabase(name, undefined, { onUpgrade: (d, t) => reports.push([d, t]) });
		await db.open();
		expect(reports).toEqual([
			[0, 0],
			[0, 0]
		]);
		await db.members.add({ id: 'm9', _meta: meta9(1) } as never);
		expect(changeNumberOf((await db.members.get('m9'))!)).toBe(1);
		db.close();
	});
});

describe('v9 → v11', () => {
	const NEW_STORES = [
		'courses',
		'trainingRecords',
		'trainingPlans',
		'workPlans',
		'dailyReports',
		'checklists',
		'checklistTicks',
		'checklistFlags'
	];

	it('keeps every record, adds the stores of training, plans, reports and checklists', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 9);
		await old.open();
		const m9 = { created: stamp, updated: stamp.hlc };
		await old.table('members').add({ id: 'm1', name: '李娜', role: 'manager', _meta: m9, _chg: 1 });
		await old.table('deals').add({
			id: 'd1',
			customerId: 'c1',
			ownerId: 'm1',
			stage: 'proposal',
			amount: { minor: 100, currency: 'CNY' },
			probability: 50,
			expectedClose: '',
			trashedAt: null,
			_meta: m9,
			_chg: 2
		});
		await old.table('changeCounter').put({ key: 'last', value: 2 });
		expect(old.tables.map((t) => t.name)).not.toContain('courses');
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.members.get('m1')).toMatchObject({ name: '李娜', _chg: 1 });
		expect(await db.deals.get('d1')).toMatchObject({ stage: 'proposal', _chg: 2 });
		for (const store of NEW_STORES) expect(await db.table(store).count(), store).toBe(0);
		// The new tables are numbered from where the counter was, like every synced table.
		await db.dailyReports.add({
			id: 'daily:m1:2026-03-02',
			memberId: 'm1',
			date: '2026-03-02',
			figures: { contacts: 1, visits: 0, customersReached: 1, dealsMoved: [], ticketsClosed: [] },
			problems: '',
			helpNeeded: '',
			tomorrowPlan: '',
			sentAt: null,
			leadComment: '',
			_meta: m9
		});
		expect(changeNumberOf((await db.dailyReports.get('daily:m1:2026-03-02'))!)).toBe(3);
		expect(await db.dailyReports.where('date').equals('2026-03-02').count()).toBe(1);
		await db.checklistTicks.add({
			id: 'tick:d1:cl1:i1',
			checklistId: 'cl1',
			itemId: 'i1',
			recordId: 'd1',
			done: true,
			by: 'm1',
			at: 1,
			_meta: m9
		});
		expect(await db.checklistTicks.where('recordId').equals('d1').count()).toBe(1);
		db.close();
	});
});

/** The indexes schema v8 drops, per table: nothing reads them (see migrations/v8.ts). */
const DROPPED_IN_V8: Record<string, string[]> = {
	customers: ['tier', 'stage', 'city', 'lastContactAt', 'tags', '[ownerId+birthday]'],
	interactions: ['at', 'type'],
	tasks: ['dueAt'],
	deals: ['stage', 'expectedClose', '[ownerId+stage]', '[ownerId+expectedClose]'],
	orders: ['at'],
	tickets: ['status', 'deadlineAt', '[ownerId+status]'],
	feedback: ['at'],
	goals: ['periodStart'],
	reviews: ['periodStart'],
	conflicts: ['[table+recordId]'],
	imports: ['at']
};

function sortTallies<T extends { k: readonly unknown[] }>(list: T[]): T[] {
	return [...list].sort((a, b) => (JSON.stringify(a.k) < JSON.stringify(b.k) ? -1 : 1));
}

describe('v9 → v10', () => {
	const at = (wall: number, device = 'dev') => `${String(wall).padStart(15, '0')}:0000:${device}`;
	const meta10 = (wall: number) => ({ created: { hlc: at(wall), by: 'm1' }, updated: at(wall) });
	const STAGES = {
		stages: [
			{ key: 'lead', probability: 10, kind: 'open' },
			{ key: 'won', probability: 100, kind: 'won' },
			{ key: 'lost', probability: 0, kind: 'lost' }
		],
		labels: {}
	};
	const TRASH_TABLES = ['contacts', 'tasks', 'orders', 'tickets', 'feedback', 'goals'] as const;

	/** A v9 database of this device's member (of `role`), with device settings and trash. */
	async function v9Database(role: string, settings: Record<string, unknown>) {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 9);
		await old.open();
		await old.table('members').add({
			id: 'm1',
			name: '王经理',
			role,
			email: '',
			trashedAt: null,
			_meta: meta10(50)
		});
		for (const table of TRASH_TABLES)
			await old.table(table).bulkAdd([
				{
					id: `${table}-kept`,
					customerId: 'c1',
					ownerId: 'm1',
					trashedAt: null,
					_meta: meta10(60)
				},
				{
					id: `${table}-trashed`,
					customerId: 'c1',
					ownerId: 'm1',
					trashedAt: 70,
					_meta: meta10(70)
				}
			]);
		await old
			.table('settings')
			.bulkPut([
				{ key: 'deviceId', value: 'dev' },
				{ key: 'memberId', value: 'm1' },
				{ key: 'language', value: 'zh-CN' },
				...Object.entries(settings).map(([key, value]) => ({ key, value }))
			]);
		old.close();
		return name;
	}

	it('keeps every record, and finds the trash of each table through its new index', async () => {
		const name = await v9Database('manager', {});
		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		for (const table of TRASH_TABLES) {
			expect(await db.table(table).count(), table).toBe(2);
			expect(await db.table(table).where('trashedAt').above(0).primaryKeys(), table).toEqual([
				`${table}-trashed`
			]);
		}
		// Members are not rewritten: their new fields read as '' where they are shown.
		expect(withoutChangeNumber((await db.members.get('m1'))!)).toEqual({
			id: 'm1',
			name: '王经理',
			role: 'manager',
			email: '',
			trashedAt: null,
			_meta: meta10(50)
		});
		for (const table of ['levels', 'memberFacts', 'periodCloses', 'teamSettings'])
			expect(await db.table(table).count(), table).toBe(0);
		expect((await db.settings.get('language'))?.value).toBe('zh-CN');
		// The purge looks at every table on every start now: its daily note goes.
		expect(await db.settings.get('trash.sweptAt')).toBeUndefined();
		db.close();
	});

	it("moves a manager's device settings into team settings stamped older than any by hand", async () => {
		const name = await v9Database('manager', {
			dealStages: STAGES,
			followUpCadence: { A: 7, B: 30, C: 0 }
		});
		const db = openDatabase(name);
		await db.open();
		const moved = await db.teamSettings.orderBy('id').toArray();
		expect(moved.map((s) => [s.id, s.key, s.value])).toEqual([
			['team_setting:dealStages', 'dealStages', STAGES],
			['team_setting:followUpCadence', 'followUpCadence', { A: 7, B: 30, C: 0 }]
		]);
		for (const s of moved) {
			expect(s._meta.created.by).toBe('m1');
			expect(s._meta.created.hlc.startsWith(`${'1'.padStart(15, '0')}:`)).toBe(true);
			expect(s._meta.created.hlc.endsWith(':dev')).toBe(true);
			// A write of this device: among the changes since the last backup.
			expect(changeNumberOf(s)).toBeGreaterThan(0);
		}
		expect(new Set(moved.map((s) => s._meta.created.hlc)).size).toBe(2);
		expect(await db.settings.get('dealStages')).toBeUndefined();
		expect(await db.settings.get('followUpCadence')).toBeUndefined();
		expect((await db.settings.get('deviceId'))?.value).toBe('dev');
		db.close();
	});

	it("stamps the lead's own device settings as written now", async () => {
		const name = await v9Database('ops_lead', {
			ticketResolutionHours: { urgent: 2, high: 24, normal: 72, low: 168 }
		});
		const before = Date.now();
		const db = openDatabase(name);
		await db.open();
		const [moved] = await db.teamSettings.toArray();
		expect(moved?.key).toBe('ticketResolutionHours');
		const wall = Number(moved!._meta.created.hlc.slice(0, 15));
		expect(wall).toBeGreaterThanOrEqual(before);
		expect(wall).toBeLessThanOrEqual(Date.now());
		db.close();
	});
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { changeNumberOf } from '../repos/local-changes';
import { declareVersions, DB_VERSION, openDatabase } from '../schema';

const stamp = { hlc: '000001700000000:0000:dev', by: 'm1' };
const meta = { created: stamp, updated: stamp.hlc };

const NEW_STORES = [
	'payPlans',
	'payCloses',
	'payStatements',
	'payAdjustments',
	'payTeamBonuses',
	'payAcks',
	'payDisputes',
	'contests',
	'contestStandings',
	'payAside'
];

describe('v11 → v12', () => {
	it('keeps every record and adds the stores of pay and contests', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 11);
		await old.open();
		await old
			.table('members')
			.add({ id: 'm1', name: '李娜', role: 'manager', _meta: meta, _chg: 1 });
		await old.table('orders').add({
			id: 'o1',
			customerId: 'c1',
			dealId: null,
			at: 1,
			amount: { minor: 100, currency: 'CNY' },
			products: [],
			notes: '',
			ownerId: 'm1',
			trashedAt: null,
			_meta: meta,
			_chg: 2
		});
		await old.table('changeCounter').put({ key: 'last', value: 2 });
		expect(old.tables.map((t) => t.name)).not.toContain('payStatements');
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.members.get('m1')).toMatchObject({ name: '李娜', _chg: 1 });
		expect(await db.orders.get('o1')).toMatchObject({ ownerId: 'm1', _chg: 2 });
		for (const store of NEW_STORES) expect(await db.table(store).count(), store).toBe(0);
		// A member's pay records are found by member, and numbered like every synced record.
		await db.payAcks.add({
			id: 'ack:payout:m1:2026-03-01:m1',
			memberId: 'm1',
			kind: 'statement',
			subjectId: 'payout:m1:2026-03-01',
			at: 1,
			_meta: meta
		});
		expect(changeNumberOf((await db.payAcks.get('ack:payout:m1:2026-03-01:m1'))!)).toBe(3);
		expect(await db.payAcks.where('memberId').equals('m1').count()).toBe(1);
		db.close();
	});
});

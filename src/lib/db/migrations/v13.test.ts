import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { changeNumberOf } from '../repos/local-changes';
import { declareVersions, DB_VERSION, openDatabase } from '../schema';

const stamp = { hlc: '000001700000000:0000:dev', by: 'm1' };
const meta = { created: stamp, updated: stamp.hlc };

describe('v12 → v13', () => {
	it("keeps every deal as it was and adds the store of deals' stage history", async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 12);
		await old.open();
		const deal = {
			id: 'd1',
			customerId: 'c1',
			title: '年度采购',
			stage: 'proposal',
			amount: { minor: 100, currency: 'CNY' },
			expectedClose: '',
			probability: 50,
			products: [],
			competitor: '',
			nextStep: '',
			lostReason: '',
			ownerId: 'm1',
			createdAt: 1,
			closedAt: null,
			trashedAt: null,
			_meta: meta,
			_chg: 1
		};
		await old.table('deals').add(deal);
		await old.table('changeCounter').put({ key: 'last', value: 1 });
		expect(old.tables.map((t) => t.name)).not.toContain('dealStageChanges');
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.deals.get('d1')).toEqual(deal);
		// A deal moved before the upgrade has no history: none is made up for it.
		expect(await db.dealStageChanges.count()).toBe(0);
		await db.dealStageChanges.add({
			id: 's1',
			dealId: 'd1',
			customerId: 'c1',
			from: 'proposal',
			to: 'won',
			at: 5,
			ownerId: 'm1',
			trashedAt: null,
			_meta: meta
		});
		expect(changeNumberOf((await db.dealStageChanges.get('s1'))!)).toBe(2);
		expect(await db.dealStageChanges.where('at').between(0, 10).count()).toBe(1);
		expect(await db.dealStageChanges.where('customerId').equals('c1').count()).toBe(1);
		db.close();
	});
});

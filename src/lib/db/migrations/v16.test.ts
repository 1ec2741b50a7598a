import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { localDay, monthOfDay, TALLY_META_KEY } from '$lib/domain/reports/tallies';
import { declareVersions, DB_VERSION, openDatabase } from '../schema';

const metaOf = (wall: number, by: string) => {
	const hlc = `${String(wall).padStart(15, '0')}:0000:dev`;
	return { created: { hlc, by }, updated: hlc };
};

const NOV_1 = Date.UTC(2026, 10, 1, 2);

describe('v15 → v16', () => {
	it("gives the roster's tallies their period-first key, and reads them by it", async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 15);
		await old.open();
		await old.table('tallies').put({ k: TALLY_META_KEY, offsetMin: 480 });
		const call = (id: string, ownerId: string) => ({
			id,
			customerId: 'c1',
			ownerId,
			type: 'call',
			at: NOV_1,
			satisfaction: null,
			trashedAt: null,
			_meta: metaOf(NOV_1, ownerId)
		});
		// v15's tallies are built by its upgrade; written here as an older build left them.
		const day = localDay(NOV_1, 480);
		const nov = monthOfDay(day);
		await old.table('interactions').bulkAdd([call('i1', 'm1'), call('i2', 'm2'), call('i3', 'm2')]);
		await old.table('tallies').bulkPut([
			{ k: ['I', 'm1', nov], n: 1, minor: 0, weighted: 0 },
			{ k: ['I', 'm2', nov], n: 2, minor: 0, weighted: 0 },
			{ k: ['i', 'm2', day, 'call'], n: 2, minor: 0, weighted: 0 }
		]);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.interactions.count()).toBe(3);
		// By hand: the month's tallies of both members, period first; a day's tally has no `t`.
		expect(await db.tallies.get(['I', 'm2', nov])).toEqual({
			k: ['I', 'm2', nov],
			t: ['I', nov, 'm2'],
			n: 2,
			minor: 0,
			weighted: 0
		});
		expect(await db.tallies.get(['i', 'm2', day, 'call'])).not.toHaveProperty('t');
		const month = await db.tallies
			.where('t')
			.between(['I', nov], ['I', nov + 1], true, false)
			.toArray();
		expect(month.map((t) => [t.k[1], (t as { n: number }).n])).toEqual([
			['m1', 1],
			['m2', 2]
		]);
		// A later write keeps the key.
		await db.interactions.add(call('i4', 'm1') as never);
		expect(await db.tallies.get(['I', 'm1', nov])).toMatchObject({ n: 2, t: ['I', nov, 'm1'] });
		db.close();
	});
});

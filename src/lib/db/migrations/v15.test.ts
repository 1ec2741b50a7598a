import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
	localDay,
	monthOfDay,
	TALLIED_TABLES,
	TALLY_META_KEY,
	talliesOf,
	type Tally
} from '$lib/domain/reports/tallies';
import { declareVersions, DB_VERSION, openDatabase } from '../schema';

const metaOf = (wall: number, by: string) => {
	const hlc = `${String(wall).padStart(15, '0')}:0000:dev`;
	return { created: { hlc, by }, updated: hlc };
};
const key = (t: { k: readonly unknown[] }) => JSON.stringify(t.k);
const sorted = <T extends { k: readonly unknown[] }>(list: T[]) =>
	[...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));

const DAY = 86_400_000;
// The last day of October and the first of November, in Shanghai.
const OCT_31 = Date.UTC(2026, 9, 31, 2);
const NOV_1 = Date.UTC(2026, 10, 1, 2);

describe('v14 → v15', () => {
	it('adds every fact’s tally by month, the days kept, at the offset the tallies had', async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 14);
		await old.open();
		await old.table('tallies').put({ k: TALLY_META_KEY, offsetMin: 480 });
		const call = (id: string, at: number, type: string) => ({
			id,
			customerId: 'c1',
			ownerId: 'm1',
			type,
			at,
			satisfaction: null,
			trashedAt: null,
			_meta: metaOf(at, 'm1')
		});
		const interactions = [
			call('i1', OCT_31, 'call'),
			call('i2', NOV_1, 'call'),
			call('i3', NOV_1 + DAY, 'visit'),
			{ ...call('i4', NOV_1, 'call'), trashedAt: NOV_1 }
		];
		const orders = [
			{
				id: 'o1',
				customerId: 'c1',
				ownerId: 'm1',
				at: NOV_1,
				amount: { minor: 1200, currency: 'CNY' },
				trashedAt: null,
				_meta: metaOf(NOV_1, 'm1')
			}
		];
		await old.table('interactions').bulkAdd(interactions);
		await old.table('orders').bulkAdd(orders);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.interactions.count()).toBe(interactions.length);
		expect(await db.orders.count()).toBe(orders.length);
		const nov = monthOfDay(localDay(NOV_1, 480));
		// By hand: October holds one call, November two interactions (the trashed one counts
		// nowhere) and one order of 12.00.
		expect(await db.tallies.get(['I', 'm1', nov - 1])).toMatchObject({ n: 1 });
		expect(await db.tallies.get(['I', 'm1', nov])).toMatchObject({ n: 2 });
		expect(await db.tallies.get(['O', 'm1', nov, 'CNY'])).toMatchObject({ n: 1, minor: 1200 });
		expect(await db.tallies.get(['i', 'm1', localDay(NOV_1, 480), 'call'])).toMatchObject({ n: 1 });
		const stored = (await db.tallies.toArray()).filter(
			(t) => t.k[0] !== 'meta' && t.k[0] !== 'w'
		) as Tally[];
		const expected: Tally[] = [];
		for (const t of TALLIED_TABLES)
			expected.push(...talliesOf(t, await db.table(t).toArray(), 480));
		expect(sorted(stored)).toEqual(sorted(expected));
		// Later writes keep the months too.
		await db.interactions.add({ ...call('i5', NOV_1 + 2 * DAY, 'call') } as never);
		expect(await db.tallies.get(['I', 'm1', nov])).toMatchObject({ n: 3 });
		db.close();
	});
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { FunnelTally } from '$lib/domain/deal/funnel-paths';
import { localDay, monthOfDay, TALLY_META_KEY } from '$lib/domain/reports/tallies';
import { declareVersions, DB_VERSION, openDatabase } from '../schema';

const metaOf = (wall: number, by: string) => {
	const hlc = `${String(wall).padStart(15, '0')}:0000:dev`;
	return { created: { hlc, by }, updated: hlc };
};

const NOV_2 = Date.UTC(2026, 10, 2, 2);

describe('v16 → v17', () => {
	it("builds the funnel's path tallies from the stored moves, at the tallies' offset", async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 16);
		await old.open();
		await old.table('tallies').put({ k: TALLY_META_KEY, offsetMin: 480 });
		const deal = (id: string, trashedAt: number | null) => ({
			id,
			customerId: 'c1',
			ownerId: 'm1',
			stage: 'won',
			trashedAt,
			_meta: metaOf(NOV_2, 'm1')
		});
		await old.table('deals').bulkAdd([deal('d1', null), deal('d2', null), deal('d3', 5)]);
		let n = 0;
		const move = (
			dealId: string,
			ownerId: string,
			from: string | null,
			to: string,
			at = NOV_2
		) => ({
			id: `s${++n}`,
			dealId,
			customerId: 'c1',
			ownerId,
			from,
			to,
			at,
			trashedAt: null,
			_meta: metaOf(at, ownerId)
		});
		await old.table('dealStageChanges').bulkAdd([
			// d1 and d2: created and won by m1 — one path, two deals.
			move('d1', 'm1', null, 'lead'),
			move('d1', 'm1', 'lead', 'won', NOV_2 + 1),
			move('d2', 'm1', null, 'lead'),
			move('d2', 'm1', 'lead', 'won', NOV_2 + 1),
			// d2 lost in December by m2: a path of its own, in another month.
			move('d2', 'm2', 'won', 'lost', Date.UTC(2026, 11, 3)),
			// d3 is in the trash: nothing.
			move('d3', 'm1', null, 'lead')
		]);
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.dealStageChanges.count()).toBe(6);
		const nov = monthOfDay(localDay(NOV_2, 480));
		const paths = (await db.tallies
			.where('k')
			.between(['P'], ['P', []])
			.toArray()) as FunnelTally[];
		// By hand: November, m1, lead then won: 2 deals; December, m2, lost from won: 1 deal.
		expect(paths.map((t) => [t.k, t.n])).toEqual([
			[
				[
					'P',
					nov,
					'm1',
					JSON.stringify([
						['lead', ''],
						['won', 'lead']
					])
				],
				2
			],
			[['P', nov + 1, 'm2', JSON.stringify([['lost', 'won']])], 1]
		]);
		expect(await db.tallies.where('k').between(['M'], ['M', []]).count()).toBe(0);
		// Later writes keep them: m2 moves d1 in November too, which marks it.
		await db.dealStageChanges.add(move('d1', 'm2', 'won', 'lost', NOV_2 + 2) as never);
		expect(await db.tallies.get(['M', nov, 'd1'])).toMatchObject({ n: 1 });
		expect(
			await db.tallies.get([
				'P',
				nov,
				'm1',
				JSON.stringify([
					['lead', ''],
					['won', 'lead']
				])
			])
		).toMatchObject({ n: 1 });
		db.close();
	});
});

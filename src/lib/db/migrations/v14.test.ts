import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TALLIED_TABLES, TALLY_META_KEY, talliesOf, type Tally } from '$lib/domain/reports/tallies';
import { declareVersions, DB_VERSION, openDatabase } from '../schema';

const stampOf = (wall: number, by: string) => ({
	hlc: `${String(wall).padStart(15, '0')}:0000:dev`,
	by
});
const metaOf = (wall: number, by: string) => ({
	created: stampOf(wall, by),
	updated: stampOf(wall, by).hlc
});
const key = (t: { k: readonly unknown[] }) => JSON.stringify(t.k);
const sorted = <T extends { k: readonly unknown[] }>(list: T[]) =>
	[...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2);

describe('v13 → v14', () => {
	it("builds the team's tallies and each author's work mark, at the offset the tallies had", async () => {
		const name = `mig-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		declareVersions(old, 13);
		await old.open();
		// Shanghai's offset, whatever this machine's: the upgrade must keep the days it counted.
		await old.table('tallies').put({ k: TALLY_META_KEY, offsetMin: 480 });
		const records = {
			customers: [
				{
					id: 'c1',
					ownerId: 'm1',
					createdAt: T0,
					trashedAt: null,
					stage: 'customer',
					_meta: metaOf(T0, 'm1')
				},
				{
					id: 'c2',
					ownerId: 'm2',
					createdAt: T0,
					trashedAt: T0 + DAY,
					stage: 'churned',
					_meta: metaOf(T0 + 5, 'm2')
				}
			],
			tasks: [
				{
					id: 't1',
					ownerId: 'm1',
					kind: 'follow_up',
					done: true,
					doneAt: T0 + DAY,
					dueAt: T0,
					openDueAt: null,
					trashedAt: null,
					_meta: metaOf(T0 + 9, 'm1')
				}
			],
			interactions: [
				{
					id: 'i1',
					customerId: 'c1',
					ownerId: 'm1',
					type: 'call',
					at: T0,
					satisfaction: 4,
					trashedAt: null,
					_meta: metaOf(T0 + 2, 'm1')
				}
			],
			feedback: [
				{
					id: 'f1',
					customerId: 'c1',
					ownerId: 'm2',
					kind: 'csat',
					score: 5,
					at: T0,
					trashedAt: null,
					_meta: metaOf(T0 + 3, 'm2')
				}
			],
			tickets: [
				{
					id: 'k1',
					customerId: 'c1',
					ownerId: 'm1',
					kind: 'complaint',
					openedAt: T0,
					closedAt: T0 + 3_600_000,
					trashedAt: null,
					_meta: metaOf(T0 + 1, 'lead')
				}
			]
		};
		for (const [table, list] of Object.entries(records)) await old.table(table).bulkAdd(list);
		old.close();

		const reports: [number, number][] = [];
		const db = openDatabase(name, undefined, { onUpgrade: (d, t) => reports.push([d, t]) });
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		// Every record as it was.
		for (const [table, list] of Object.entries(records))
			expect(await db.table(table).count()).toBe(list.length);
		const stored = await db.tallies.toArray();
		expect(stored).toContainEqual({ k: TALLY_META_KEY, offsetMin: 480 });
		const expected: Tally[] = [];
		for (const t of TALLIED_TABLES)
			expected.push(...talliesOf(t, await db.table(t).toArray(), 480));
		// Each fact by day, and by month since v15.
		expect(expected.map((t) => t.k[0]).sort()).toEqual([
			'F',
			'I',
			'R',
			'S',
			'S',
			'U',
			'U',
			'X',
			'f',
			'i',
			'r',
			's',
			's',
			'u',
			'u',
			'x'
		]);
		const tallies = stored.filter((t) => t.k[0] !== 'meta' && t.k[0] !== 'w');
		expect(sorted(tallies as Tally[])).toEqual(sorted(expected));
		// Each author's newest stamp, the lead's on a ticket of m1's included.
		expect(sorted(stored.filter((t) => t.k[0] === 'w'))).toEqual([
			{ k: ['w', 'lead'], hlc: stampOf(T0 + 1, 'lead').hlc },
			{ k: ['w', 'm1'], hlc: stampOf(T0 + 9, 'm1').hlc },
			{ k: ['w', 'm2'], hlc: stampOf(T0 + 5, 'm2').hlc }
		]);
		expect(reports.at(-1)).toEqual([6, 6]);
		// Later writes keep them: a new follow-up done adds to its day, a newer stamp raises m2's mark.
		await db.tasks.add({
			...records.tasks[0]!,
			id: 't2',
			ownerId: 'm2',
			_meta: metaOf(T0 + 20, 'm2')
		} as never);
		const day = Math.floor((T0 + DAY + 480 * 60_000) / DAY);
		expect(await db.tallies.get(['f', 'm2', day])).toMatchObject({ n: 1 });
		expect(await db.tallies.get(['w', 'm2'])).toEqual({
			k: ['w', 'm2'],
			hlc: stampOf(T0 + 20, 'm2').hlc
		});
		// Deleting a record never lowers a mark: the work did arrive.
		await db.tasks.delete('t2');
		expect(await db.tallies.get(['f', 'm2', day])).toMatchObject({ n: 0 });
		expect(await db.tallies.get(['w', 'm2'])).toEqual({
			k: ['w', 'm2'],
			hlc: stampOf(T0 + 20, 'm2').hlc
		});
		db.close();
	});
});

import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TALLIED_TABLES, type Tally, type TalliedTable } from '$lib/domain/reports/tallies';
import { openDatabase, type RapportDB } from './schema';
import { talliesAgainstRecords, talliesOfRecords } from '$lib/testing/tally-check';
import { withSummedTallies } from './tallies-middleware';

/**
 * Whatever mix of writes reaches the tallied tables (adds that partly fail, puts, updates,
 * deletes, clears, writes in flight side by side in one transaction, transactions rolled back,
 * bulk writes whose tallies are summed until their transaction ends), the stored tallies equal the
 * tallies computed from the records left, from nothing.
 */

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const ownerArb = fc.constantFrom('m1', 'm2');
const atArb = fc.integer({ min: 0, max: 3 * DAY }).map((ms) => T0 + ms);
const trashedArb = fc.constantFrom(null, null, 42);
const amountArb = fc.record({
	minor: fc.integer({ min: 0, max: 1000 }),
	currency: fc.constantFrom('CNY', 'USD')
});

const recordArb: Record<TalliedTable, fc.Arbitrary<Record<string, unknown>>> = {
	interactions: fc.record({
		id: idArb,
		ownerId: ownerArb,
		type: fc.constantFrom('call', 'visit'),
		at: atArb,
		trashedAt: trashedArb
	}),
	orders: fc.record({
		id: idArb,
		ownerId: ownerArb,
		at: atArb,
		amount: amountArb,
		trashedAt: trashedArb
	}),
	deals: fc.record({
		id: idArb,
		ownerId: ownerArb,
		stage: fc.constantFrom('lead', 'won'),
		amount: amountArb,
		probability: fc.integer({ min: 0, max: 100 }),
		trashedAt: trashedArb
	}),
	tasks: fc.record({
		id: idArb,
		ownerId: ownerArb,
		kind: fc.constantFrom('follow_up', 'call'),
		done: fc.boolean(),
		doneAt: fc.option(atArb),
		trashedAt: trashedArb
	}),
	feedback: fc.record({
		id: idArb,
		ownerId: ownerArb,
		kind: fc.constantFrom('csat', 'nps'),
		score: fc.integer({ min: 0, max: 6 }),
		at: atArb,
		trashedAt: trashedArb
	}),
	tickets: fc.record({
		id: idArb,
		ownerId: ownerArb,
		kind: fc.constantFrom('complaint', 'repair'),
		openedAt: atArb,
		closedAt: fc.option(atArb),
		trashedAt: trashedArb
	}),
	customers: fc.record({
		id: idArb,
		ownerId: ownerArb,
		createdAt: atArb,
		stage: fc.constantFrom('active', 'churned'),
		trashedAt: trashedArb
	})
};

type Write =
	| { kind: 'bulkAdd' | 'bulkPut'; table: TalliedTable; records: Record<string, unknown>[] }
	| { kind: 'trash' | 'restore'; table: TalliedTable; id: string }
	| { kind: 'bulkDelete'; table: TalliedTable; ids: string[] }
	| { kind: 'clear'; table: TalliedTable };

const tableArb = fc.constantFrom(...TALLIED_TABLES);
const writeArb: fc.Arbitrary<Write> = tableArb.chain((table) =>
	fc.oneof(
		fc.record({
			kind: fc.constantFrom('bulkAdd' as const, 'bulkPut' as const),
			table: fc.constant(table),
			records: fc.uniqueArray(recordArb[table], { maxLength: 4, selector: (r) => r.id })
		}),
		fc.record({
			kind: fc.constantFrom('trash' as const, 'restore' as const),
			table: fc.constant(table),
			id: idArb
		}),
		fc.record({
			kind: fc.constant('bulkDelete' as const),
			table: fc.constant(table),
			ids: fc.uniqueArray(idArb, { maxLength: 3 })
		}),
		fc.record({ kind: fc.constant('clear' as const), table: fc.constant(table) })
	)
);

/** A step: one write alone, several in flight in one transaction, or a rolled-back transaction. */
type Step =
	| { kind: 'alone'; write: Write }
	| { kind: 'together'; writes: Write[] }
	| { kind: 'rolledBack'; writes: Write[] }
	| { kind: 'summed'; writes: { write: Write; read: boolean }[]; rolledBack: boolean };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('alone' as const), write: writeArb }) },
	fc.record({
		kind: fc.constant('together' as const),
		writes: fc.array(writeArb, { minLength: 2, maxLength: 4 })
	}),
	fc.record({
		kind: fc.constant('rolledBack' as const),
		writes: fc.array(writeArb, { minLength: 1, maxLength: 3 })
	}),
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('summed' as const),
			writes: fc.array(fc.record({ write: writeArb, read: fc.boolean() }), {
				minLength: 1,
				maxLength: 6
			}),
			rolledBack: fc.boolean()
		})
	}
);

async function run(d: RapportDB, w: Write): Promise<void> {
	const table = d.table(w.table);
	switch (w.kind) {
		case 'bulkAdd':
			// Ids already stored fail one by one; the others are added (Dexie's BulkError).
			await table.bulkAdd(w.records).catch((e: unknown) => {
				if (!(e instanceof Error) || e.name !== 'BulkError') throw e;
			});
			return;
		case 'bulkPut':
			await table.bulkPut(w.records);
			return;
		case 'trash':
		case 'restore':
			await table.update(w.id, { trashedAt: w.kind === 'trash' ? 77 : null });
			return;
		case 'bulkDelete':
			await table.bulkDelete(w.ids);
			return;
		case 'clear':
			await table.clear();
	}
}

/**
 * Inside a summed transaction: each sum the records add up to, read by its key, is already the
 * stored one (a read of a pending sum writes the pending sums first).
 */
async function expectSumsByKey(d: RapportDB): Promise<void> {
	const expected = await talliesOfRecords(d);
	const stored = (await d.tallies.bulkGet(expected.map((t) => t.k))) as (Tally | undefined)[];
	expect(
		stored.map((t) => (t ? { n: t.n, minor: t.minor, weighted: t.weighted } : undefined))
	).toEqual(expected.map((t) => ({ n: t.n, minor: t.minor, weighted: t.weighted })));
}

async function apply(d: RapportDB, step: Step): Promise<void> {
	const tables = TALLIED_TABLES.map((t) => d.table(t));
	if (step.kind === 'alone') return run(d, step.write);
	if (step.kind === 'summed') {
		await d
			.transaction('rw', tables, async () =>
				withSummedTallies(async () => {
					for (const { write, read } of step.writes) {
						await run(d, write);
						if (read) await expectSumsByKey(d);
					}
					if (step.rolledBack) throw new Error('roll back');
				})
			)
			.catch((e: unknown) => {
				if (!(e instanceof Error) || e.message !== 'roll back') throw e;
			});
		return;
	}
	if (step.kind === 'together') {
		await d.transaction('rw', tables, () => Promise.all(step.writes.map((w) => run(d, w))));
		return;
	}
	await d
		.transaction('rw', tables, async () => {
			for (const w of step.writes) await run(d, w);
			throw new Error('roll back');
		})
		.catch((e: unknown) => {
			if (!(e instanceof Error) || e.message !== 'roll back') throw e;
		});
}

describe('the tallies middleware', () => {
	it('keeps the tallies equal to the tallies of the stored records', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(stepArb, { maxLength: 12 }), async (steps) => {
				const d = openDatabase(`tallies-${crypto.randomUUID()}`);
				try {
					await d.open();
					const offsetMin = ((await d.tallies.get(['meta'])) as { offsetMin: number } | undefined)
						?.offsetMin;
					expect(offsetMin).toBe(-new Date().getTimezoneOffset());
					for (const step of steps) await apply(d, step);
					const { stored, expected } = await talliesAgainstRecords(d);
					expect(stored).toEqual(expected);
				} finally {
					d.close();
					await d.delete();
				}
			}),
			{ numRuns: 60 }
		);
	}, 60_000);

	it('reads many sums of one owner as a range, and key by key where the range is sparse', async () => {
		const d = openDatabase(`tallies-${crypto.randomUUID()}`);
		await d.open();
		const offsetMin = -new Date().getTimezoneOffset();
		const call = (id: string, day: number, ownerId = 'm1') => ({
			id,
			ownerId,
			type: 'call',
			at: T0 + day * DAY,
			trashedAt: null
		});
		// A year of calls, one a day, then 20 more on days already counted (one range read of a
		// dense run) and 10 spread over the year (a range of many more sums: one get each).
		await d.table('interactions').bulkAdd(Array.from({ length: 365 }, (_, i) => call(`a${i}`, i)));
		await d.table('interactions').bulkAdd(Array.from({ length: 20 }, (_, i) => call(`b${i}`, i)));
		await d
			.table('interactions')
			.bulkAdd(Array.from({ length: 10 }, (_, i) => call(`c${i}`, i * 36 + 5)));
		await d
			.table('interactions')
			.bulkAdd(Array.from({ length: 12 }, (_, i) => call(`d${i}`, i, 'm2')));
		const { stored, expected } = await talliesAgainstRecords(d);
		expect(stored).toEqual(expected);
		const day = (i: number) => Math.floor((T0 + i * DAY + offsetMin * 60_000) / DAY);
		expect(await d.tallies.get(['i', 'm1', day(3), 'call'])).toMatchObject({ n: 2 });
		expect(await d.tallies.get(['i', 'm1', day(41), 'call'])).toMatchObject({ n: 2 });
		d.close();
		await d.delete();
	});

	it('counts an interaction once it is stored, and not once it is trashed', async () => {
		const d = openDatabase(`tallies-${crypto.randomUUID()}`);
		await d.open();
		const offsetMin = -new Date().getTimezoneOffset();
		const rec = { id: 'x', ownerId: 'm1', type: 'call', at: T0, trashedAt: null };
		await d.table('interactions').add(rec);
		const k: Tally['k'] = ['i', 'm1', Math.floor((T0 + offsetMin * 60_000) / DAY), 'call'];
		expect(await d.tallies.get(k)).toMatchObject({ n: 1 });
		await d.table('interactions').update('x', { trashedAt: 5 });
		expect(await d.tallies.get(k)).toMatchObject({ n: 0 });
		d.close();
		await d.delete();
	});
});

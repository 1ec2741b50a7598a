import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { seedForBench } from './bench-seed';
import { db } from './db';

/** Every table the seeding writes. */
const TABLES = SYNCED_TABLES.filter((t) => t !== 'reviews');

async function contents() {
	const d = db();
	const ids = await Promise.all(TABLES.map((t) => d.table(t).orderBy(':id').primaryKeys()));
	return Object.fromEntries(TABLES.map((t, i) => [t, ids[i]]));
}

/** Every table the seeding writes, but the members (the session's own member stays). */
async function clear() {
	await Promise.all(TABLES.filter((t) => t !== 'members').map((t) => db().table(t).clear()));
}

describe('seedForBench', () => {
	beforeEach(clear);
	const opts = {
		interactionsPerCustomer: 2,
		seed: 11,
		batchSize: 10,
		day: true,
		now: Date.UTC(2026, 10, 27, 9)
	};

	it('a stopped seeding, resumed, stores the same records as a seeding in one go', async () => {
		const whole = await seedForBench({ ...opts, customers: 30 });
		expect(whole).toMatchObject({ customers: 30, resumedAfter: 0 });
		const expected = await contents();
		expect(expected.deals?.length).toBeGreaterThan(0);
		await clear();

		// Stopped after two whole batches, then resumed for the full size.
		await seedForBench({ ...opts, customers: 20 });
		const resumed = await seedForBench({ ...opts, customers: 30, resume: true });
		expect(resumed).toMatchObject({ resumedAfter: 20, customers: 30 });
		expect(resumed.interactions).toBe(whole.interactions);
		expect(await contents()).toEqual(expected);
	});

	it('refuses to resume from a part of a batch', async () => {
		await seedForBench({ ...opts, customers: 10 });
		await db().customers.limit(1).delete();
		await expect(seedForBench({ ...opts, customers: 30, resume: true })).rejects.toThrow(
			/not a whole number of batches/
		);
	});
});

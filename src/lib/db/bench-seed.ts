import { demoMembers, generateDemo } from '$lib/testing/demo-data';
import { db } from './db';
import { getSession } from './session';

/**
 * Fills the database with generated data for the benchmark suite (bench/run.mjs): the same
 * generator as the demo, written in batched transactions. Reached only through the page hook
 * installed when the app is opened with `?bench` (see bench-hook.ts).
 */
export async function seedForBench(customers: number, interactionsPerCustomer: number) {
	const session = await getSession();
	const stamp = () => ({ hlc: session.clock.tick(), by: session.member.id });
	const members = demoMembers({ seed: 7, stamp });
	const d = db();
	await d.members.bulkPut(members);
	const started = performance.now();
	let written = { customers: 0, interactions: 0 };
	const gen = generateDemo(
		{ seed: 7, customers, interactionsPerCustomer, now: Date.now(), stamp, batchSize: 5_000 },
		members
	);
	for (const b of gen) {
		await d.transaction('rw', [d.customers, d.contacts, d.interactions, d.tasks], async () => {
			await d.customers.bulkPut(b.customers);
			await d.contacts.bulkPut(b.contacts);
			await d.interactions.bulkPut(b.interactions);
			await d.tasks.bulkPut(b.tasks);
		});
		written = {
			customers: written.customers + b.customers.length,
			interactions: written.interactions + b.interactions.length
		};
	}
	return { ...written, ms: Math.round(performance.now() - started) };
}

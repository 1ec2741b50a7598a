import { CUSTOMER_PARTS } from '$lib/sync/tables';
import { customersChanged } from '../changes';
import { db } from '../db';
import { getSession } from '../session';
import { guarded } from '../write';

/**
 * The one-click demo: a team, 400 customers and about six months of their interactions, with
 * their deals, orders, tickets and feedback, and the team's goals.
 */
const DEMO = { seed: 20261122, customers: 400, interactionsPerCustomer: 6 };

export async function hasDemoData(): Promise<boolean> {
	return (await db().settings.get('demoLoaded'))?.value === true;
}

export async function loadDemoData(): Promise<void> {
	if (await hasDemoData()) return;
	// The generator (names, pinyin search keys) loads only when someone asks for the demo.
	const [{ demoMembers, generateDemo }, { generateDayDemo, generateDemoGoals }] = await Promise.all(
		[import('$lib/testing/demo-data'), import('$lib/testing/demo-day')]
	);
	const session = await getSession();
	const stamp = () => ({ hlc: session.clock.tick(), by: session.member.id });
	const members = demoMembers({ seed: DEMO.seed, stamp, demo: true });
	const now = Date.now();
	const day = {
		seed: DEMO.seed,
		now,
		tzOffsetMin: -new Date().getTimezoneOffset(),
		stamp,
		demo: true
	};
	const d = db();
	await guarded(() =>
		d.transaction(
			'rw',
			[
				d.members,
				d.customers,
				d.contacts,
				d.interactions,
				d.tasks,
				d.deals,
				d.orders,
				d.tickets,
				d.feedback,
				d.goals,
				d.settings
			],
			async () => {
				await d.members.bulkPut(members);
				await d.goals.bulkPut(generateDemoGoals(members, day));
				for (const b of generateDemo({ ...DEMO, now, stamp, demo: true }, members)) {
					await d.customers.bulkPut(b.customers);
					await d.contacts.bulkPut(b.contacts);
					await d.interactions.bulkPut(b.interactions);
					await d.tasks.bulkPut(b.tasks);
					// Deals, purchase history, tickets and feedback of these customers.
					const extra = generateDayDemo(b.customers, day);
					await d.deals.bulkPut(extra.deals);
					await d.orders.bulkPut(extra.orders);
					await d.tickets.bulkPut(extra.tickets);
					await d.feedback.bulkPut(extra.feedback);
				}
				await d.settings.put({ key: 'demoLoaded', value: true });
			}
		)
	);
	customersChanged('all');
}

/**
 * Removes exactly the demo records, and whatever the user added to demo customers since
 * (an interaction logged on a demo customer goes with it). One transaction.
 */
export async function removeDemoData(): Promise<void> {
	const d = db();
	const children = CUSTOMER_PARTS.map((t) => d.table(t));
	await guarded(() =>
		d.transaction('rw', [d.members, d.customers, d.goals, d.settings, ...children], async () => {
			const ids = (await d.customers.filter((c) => c.demo === true).primaryKeys()) as string[];
			for (const table of children) {
				await table.where('customerId').anyOf(ids).delete();
				await table.filter((r) => r.demo === true).delete();
			}
			await d.customers.bulkDelete(ids);
			await d.members.filter((m) => m.demo === true).delete();
			// Goals belong to members, not customers: the demo team's goals go with it.
			await d.goals.filter((g) => g.demo === true).delete();
			await d.settings.delete('demoLoaded');
		})
	);
	customersChanged('all');
}

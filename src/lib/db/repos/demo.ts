import type { DemoBatch } from '$lib/testing/demo-data';
import type { DayDemoBatch } from '$lib/testing/demo-day';
import { authoredByOwner } from '$lib/testing/demo-authors';
import { CUSTOMER_PARTS } from '$lib/sync/tables';
import { customersChanged } from '../changes';
import { db } from '../db';
import { getSession } from '../session';
import { guarded } from '../write';
import { GOAL_CURRENCY } from './home';
import { getTeamZone } from './team-settings';
import { withSummedTallies } from '../tallies-middleware';

/**
 * The one-click demo: a team, 400 customers and about six months of their interactions, with
 * their deals, orders, tickets and feedback, and the team's goals; for the lead, the team's
 * ladder, each member's level, reporting line and status, and last month closed.
 */
const DEMO = { seed: 20261122, customers: 400, interactionsPerCustomer: 6 };

export async function hasDemoData(): Promise<boolean> {
	return (await db().settings.get('demoLoaded'))?.value === true;
}

export async function loadDemoData(): Promise<void> {
	if (await hasDemoData()) return;
	// The generator (names, pinyin search keys) loads only when someone asks for the demo.
	const [
		{ demoMembers, generateDemo },
		{ generateDayDemo, generateDemoGoals },
		{ demoClosedMonth, generateTeamDemo },
		zone
	] = await Promise.all([
		import('$lib/testing/demo-data'),
		import('$lib/testing/demo-day'),
		import('$lib/testing/demo-team'),
		getTeamZone()
	]);
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
	const team = { seed: DEMO.seed, now, zone, stamp, demo: true };
	const { levels, facts } = generateTeamDemo(members, team);
	const lead = members.find((m) => m.role === 'ops_lead') ?? members[0]!;
	// Generated in one synchronous stretch, before the transaction, so the tabs' clock mark is
	// read and written once rather than at every record.
	const batches = session.clock.run(() =>
		Array.from(generateDemo({ ...DEMO, now, stamp, demo: true }, members), (b) => ({
			b,
			// Deals, purchase history, tickets and feedback of these customers.
			extra: generateDayDemo(b.customers, day)
		}))
	);
	const d = db();
	await guarded(() =>
		d.transaction(
			'rw',
			[
				d.members,
				d.levels,
				d.memberFacts,
				d.periodCloses,
				d.customers,
				d.contacts,
				d.interactions,
				d.tasks,
				d.deals,
				d.dealStageChanges,
				d.orders,
				d.tickets,
				d.feedback,
				d.goals,
				d.settings
			],
			async () =>
				withSummedTallies(async () => {
					await d.members.bulkPut(members);
					await d.goals.bulkPut(authoredByOwner(generateDemoGoals(members, day)));
					await d.levels.bulkPut(levels);
					await d.memberFacts.bulkPut(facts);
					// What last month's frozen figures are computed from.
					const sources = {
						customers: [] as DemoBatch['customers'],
						interactions: [] as DemoBatch['interactions'],
						tasks: [] as DemoBatch['tasks'],
						orders: [] as DayDemoBatch['orders'],
						tickets: [] as DayDemoBatch['tickets'],
						feedback: [] as DayDemoBatch['feedback']
					};
					for (const { b, extra } of batches) {
						await d.customers.bulkPut(authoredByOwner(b.customers));
						await d.contacts.bulkPut(b.contacts);
						await d.interactions.bulkPut(authoredByOwner(b.interactions));
						await d.tasks.bulkPut(authoredByOwner(b.tasks));
						await d.deals.bulkPut(authoredByOwner(extra.deals));
						await d.dealStageChanges.bulkPut(authoredByOwner(extra.stageChanges));
						await d.orders.bulkPut(authoredByOwner(extra.orders));
						await d.tickets.bulkPut(authoredByOwner(extra.tickets));
						await d.feedback.bulkPut(authoredByOwner(extra.feedback));
						sources.customers.push(...b.customers);
						sources.interactions.push(...b.interactions);
						sources.tasks.push(...b.tasks);
						sources.orders.push(...extra.orders);
						sources.tickets.push(...extra.tickets);
						sources.feedback.push(...extra.feedback);
					}
					const closed = demoClosedMonth(members, facts, sources, {
						...team,
						currency: GOAL_CURRENCY,
						closedBy: lead.id
					});
					if (closed) await d.periodCloses.put(closed);
					await d.settings.put({ key: 'demoLoaded', value: true });
				})
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
	const team = [d.levels, d.memberFacts, d.periodCloses];
	await guarded(() =>
		d.transaction(
			'rw',
			[d.members, d.customers, d.goals, d.settings, ...team, ...children],
			async () => {
				const ids = (await d.customers.filter((c) => c.demo === true).primaryKeys()) as string[];
				for (const table of children) {
					await table.where('customerId').anyOf(ids).delete();
					await table.filter((r) => r.demo === true).delete();
				}
				await d.customers.bulkDelete(ids);
				await d.members.filter((m) => m.demo === true).delete();
				// Goals belong to members, not customers: the demo team's goals go with it, and so do
				// its ladder, its members' levels, lines and statuses, and its closed month.
				await d.goals.filter((g) => g.demo === true).delete();
				for (const table of team) await table.filter((r) => r.demo === true).delete();
				await d.settings.delete('demoLoaded');
			}
		)
	);
	customersChanged('all');
}

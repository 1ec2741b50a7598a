import { blankMember, type Member } from '$lib/domain/member/member';
import { createRecord } from '$lib/sync/edit';
import type { Stamp } from '$lib/sync/stamp';
import { demoMembers, generateDemo, type DemoBatch } from '$lib/testing/demo-data';
import type { DayDemoBatch } from '$lib/testing/demo-day';
import { db } from './db';
import { getSession } from './session';
import { withSummedTallies } from './tallies-middleware';

export interface BenchSeedOptions {
	customers: number;
	interactionsPerCustomer: number;
	/** A different seed gives a different data set (the snapshot bench merges two). */
	seed?: number;
	/** Customers per transaction. */
	batchSize?: number;
	/**
	 * Also an account manager's day (the home bench): deals from three passes of the day
	 * generator (about one deal per customer: 100,000 deals at 100,000 customers) with the
	 * orders of the won ones, tickets, feedback, and the team's goals.
	 */
	day?: boolean;
	/**
	 * Members on the team (the team bench): the demo's own, then account managers added to reach
	 * this many, so the customers are shared among them all. Default: the demo's.
	 */
	teamSize?: number;
	/** The instant the data is generated around; a resumed seeding passes the first run's. */
	now?: number;
	/**
	 * Continue a seeding that was stopped: the batches already committed (whole, one transaction
	 * each) are generated again but not written. The generator is deterministic for a seed, so
	 * the result is the data set a seeding in one go would have written.
	 */
	resume?: boolean;
	/**
	 * Told as each batch commits (its index, and the time since the seeding started), so that a
	 * long seeding shows how a batch's time grows with the database.
	 */
	onBatch?: (batch: number, ms: number) => void;
}

export interface BenchSeedResult {
	customers: number;
	contacts: number;
	interactions: number;
	tasks: number;
	deals: number;
	orders: number;
	tickets: number;
	feedback: number;
	/** Time of this run only (a resumed seeding's earlier runs are not counted). */
	ms: number;
	/** Customers already stored when this run began (0 unless resumed). */
	resumedAfter: number;
	/** Of `ms`: generating the records, and waiting for the previous batch to commit. */
	generateMs: number;
	waitMs: number;
	/** The time since the start at which each batch this run wrote had committed. */
	committedAt: number[];
}

type Batch = DemoBatch & Partial<DayDemoBatch>;

/**
 * Fills the database with generated data for the benchmarks (bench/): the same generator as the
 * demo, written with bulkAdd in large transactions. Reached only through the page hook installed
 * when the app is opened with `?bench` (see bench-hook.ts).
 *
 * Generating is synchronous work on this thread while committing happens in the browser's
 * storage process, so one transaction is left to commit while the next batch is generated
 * (never more than one in flight, so memory stays bounded).
 */
export async function seedForBench(opts: BenchSeedOptions): Promise<BenchSeedResult> {
	const session = await getSession();
	const stamp = () => ({ hlc: session.clock.tick(), by: session.member.id });
	const seed = opts.seed ?? 7;
	const members = withTeamSize(demoMembers({ seed, stamp }), opts.teamSize ?? 0, stamp);
	const d = db();
	const batchSize = opts.batchSize ?? 10_000;
	const stored = opts.resume ? await d.customers.count() : 0;
	if (stored % batchSize !== 0)
		throw new Error(`cannot resume: ${stored} customers is not a whole number of batches`);
	const skip = stored / batchSize;
	const started = performance.now();
	const now = opts.now ?? Date.now();
	const day = opts.day ? await import('$lib/testing/demo-day') : null;
	const dayOpts = { seed, now, tzOffsetMin: -new Date().getTimezoneOffset(), stamp };
	// The team and its goals were written when a resumed seeding first started.
	if (stored === 0) {
		await d.members.bulkPut(members);
		if (day) await d.goals.bulkPut(day.generateDemoGoals(members, dayOpts));
	}
	const counts = { customers: 0, contacts: 0, interactions: 0, tasks: 0 };
	const dayCounts = { deals: 0, orders: 0, tickets: 0, feedback: 0 };
	const tables = [d.customers, d.contacts, d.interactions, d.tasks];
	const dayTables = [d.deals, d.dealStageChanges, d.orders, d.tickets, d.feedback];
	const write = (b: Batch) =>
		d.transaction('rw', day ? [...tables, ...dayTables] : tables, async () =>
			withSummedTallies(() =>
				Promise.all(
					(['customers', 'contacts', 'interactions', 'tasks'] as const)
						.map((k) => d.table(k).bulkAdd(b[k] ?? []))
						.concat(
							(['deals', 'orders', 'tickets', 'feedback'] as const)
								.filter((k) => b[k]?.length)
								.map((k) => d.table(k).bulkAdd(b[k] ?? []))
						)
						.concat(b.stageChanges?.length ? [d.dealStageChanges.bulkAdd(b.stageChanges)] : [])
				)
			)
		);
	const withDay = (b: DemoBatch): Batch => {
		if (!day) return b;
		const passes = [0, 1, 2].map((k) =>
			day.generateDayDemo(b.customers, { ...dayOpts, seed: seed + k })
		);
		return {
			...b,
			deals: passes.flatMap((p) => p.deals),
			stageChanges: passes.flatMap((p) => p.stageChanges),
			// Orders of every pass (won deals' and earlier purchases); tickets and feedback of one.
			orders: passes.flatMap((p) => p.orders),
			tickets: passes[0]?.tickets ?? [],
			feedback: passes[0]?.feedback ?? []
		};
	};
	let inFlight: Promise<unknown> = Promise.resolve();
	const committedAt: number[] = [];
	const committed = (i: number) => () => {
		const ms = Math.round(performance.now() - started);
		committedAt.push(ms);
		opts.onBatch?.(i, ms);
	};
	const gen = generateDemo(
		{
			seed,
			customers: opts.customers,
			interactionsPerCustomer: opts.interactionsPerCustomer,
			now,
			stamp,
			batchSize
		},
		members
	);
	let k = 0;
	let generateMs = 0;
	let waitMs = 0;
	let t = performance.now();
	for (;;) {
		// One synchronous stretch per batch: the clock's mark between tabs is kept at its ends.
		const batch = session.clock.run(() => {
			const next = gen.next();
			return next.done ? null : withDay(next.value);
		});
		if (!batch) break;
		generateMs += performance.now() - t;
		if (k++ >= skip) {
			t = performance.now();
			await inFlight;
			waitMs += performance.now() - t;
			inFlight = write(batch).then(committed(k - 1));
			// Let the transaction issue its requests before the next batch is generated.
			await new Promise((r) => setTimeout(r, 0));
		}
		for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += batch[k].length;
		for (const k of Object.keys(dayCounts) as (keyof typeof dayCounts)[])
			dayCounts[k] += batch[k]?.length ?? 0;
		t = performance.now();
	}
	t = performance.now();
	await inFlight;
	waitMs += performance.now() - t;
	return {
		generateMs: Math.round(generateMs),
		waitMs: Math.round(waitMs),
		...counts,
		...dayCounts,
		ms: Math.round(performance.now() - started),
		resumedAfter: stored,
		committedAt
	};
}

/** The demo's members, then account managers with ids of their own up to `size` in all. */
function withTeamSize(members: Member[], size: number, stamp: () => Stamp): Member[] {
	const added = Array.from({ length: Math.max(0, size - members.length) }, (_, i) =>
		createRecord<Member>(
			`bench-member-${i + 1}`,
			blankMember(`客户经理 ${i + 1}`, 'manager'),
			stamp()
		)
	);
	return [...members, ...added];
}

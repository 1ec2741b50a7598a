// Seeded browser profiles, kept between suites and runs: seeding 100,000 customers and 1,000,000
// interactions takes minutes, and the list, home and snapshot suites read the same data.
// A profile is reused while its meta.json matches what is asked (size, seed, data version);
// BENCH_RESEED=1 seeds again. The seed time reported is the one measured when it was seeded.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE } from './config.mjs';
import { launch } from './browser.mjs';
import { changeWatermark, sameValuesFloor } from '../suites/floor-probes.mjs';
import { startProfile } from './profile.mjs';

export const INTERACTIONS_PER_CUSTOMER = 10;
// BENCH_INTERACTIONS_PER_CUSTOMER lowers it when there is no time to seed a million interactions:
// the list reads only the customers table; every table says how many interactions were seeded.
const PER_CUSTOMER = Number(
	process.env.BENCH_INTERACTIONS_PER_CUSTOMER ?? INTERACTIONS_PER_CUSTOMER
);
// Bump when the seeding changes what is stored, so that old profiles are not reused.
const DATA_VERSION = 2;
const DIR = path.join(os.tmpdir(), 'rapport-bench-profiles');

/**
 * A profile holding `customers` generated customers with their interactions and (unless
 * `day: false`) their deals, orders, tickets and feedback: one profile serves the list, home and
 * snapshot suites. `teamSize` shares the customers among that many members (the team suite). Returns its directory and what was seeded.
 */
export async function seededProfile(customers, { seed = 7, day = true, teamSize = 0 } = {}) {
	const per = PER_CUSTOMER;
	const team = teamSize ? `-t${teamSize}` : '';
	const key = `c${customers}-s${seed}${day ? '-day' : ''}${team}${per === 10 ? '' : `-i${per}`}-v${DATA_VERSION}`;
	const dir = path.join(DIR, key);
	const metaFile = path.join(dir, 'bench-meta.json');
	if (!process.env.BENCH_RESEED && existsSync(metaFile))
		return { dir, meta: { ...JSON.parse(readFileSync(metaFile, 'utf8')), reused: true } };
	// A seeding that was stopped (a closed session) left its progress file: it is resumed with
	// the same time base, rewriting no batch already committed (see bench-seed.ts).
	const progressFile = path.join(dir, 'bench-seeding.json');
	const resume = !process.env.BENCH_RESEED && existsSync(progressFile);
	let now = Date.now();
	if (resume) ({ now } = JSON.parse(readFileSync(progressFile, 'utf8')));
	else {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		writeFileSync(progressFile, JSON.stringify({ now }));
	}
	console.log(
		`  ${resume ? 'resuming the seeding of' : 'seeding'} ${customers.toLocaleString('en')} customers${day ? ' with deals' : ''}…`
	);
	// A team's devices are in its zone (Asia/Shanghai): seeded there, its tallies count the team's
	// days, and the team suite need not count them again at another offset.
	const { context, close } = await launch({
		dir,
		...(teamSize ? { timezoneId: 'Asia/Shanghai' } : {})
	});
	try {
		const page = await context.newPage();
		await page.goto(BASE + '/?bench');
		await page.waitForFunction(() => '__rapportBench' in window, null, { timeout: 60_000 });
		const since = await page.evaluate(changeWatermark);
		// BENCH_PROFILE=1: where the page's main thread spends the seeding.
		const profile = await startProfile(page);
		// Each batch's commit, as it happens: how a batch's time grows with the database.
		let last = 0;
		await page.exposeFunction('__benchSeedBatch', (i, ms) => {
			console.log(
				`  batch ${i + 1} committed at ${(ms / 1000).toFixed(1)} s (+${((ms - last) / 1000).toFixed(1)} s)`
			);
			last = ms;
		});
		const result = await page.evaluate(
			(o) =>
				window.__rapportBench.seed({ ...o, onBatch: (i, ms) => window.__benchSeedBatch(i, ms) }),
			{
				customers,
				interactionsPerCustomer: per,
				seed,
				day,
				now,
				resume,
				...(teamSize ? { teamSize } : {}),
				// Customers per transaction (default the seeder's): for measuring, not for profiles kept.
				...(process.env.BENCH_SEED_BATCH ? { batchSize: Number(process.env.BENCH_SEED_BATCH) } : {})
			}
		);
		await profile.stop(40);
		console.log(`  seeded in ${(result.ms / 1000).toFixed(1)} s`, result);
		// Kept before the floor runs: a profile is usable even if its floor does not finish.
		writeFileSync(
			metaFile,
			JSON.stringify({ ...result, seed, seededAt: new Date().toISOString() }, null, 2)
		);
		// The floor of a whole seeding (not of a resumed one, whose time is only its last part):
		// its values written again raw, in the same profile, right after it.
		const floor = resume ? undefined : await page.evaluate(sameValuesFloor, { since, runs: 1 });
		const meta = {
			...result,
			...(floor ? { floorMs: floor.ms[0], floorRecords: floor.records } : {}),
			seed,
			seededAt: new Date().toISOString()
		};
		writeFileSync(metaFile, JSON.stringify(meta, null, 2));
		if (floor) console.log(`  floor ${(floor.ms[0] / 1000).toFixed(1)} s`, floor.records);
		return { dir, meta: { ...meta, reused: false } };
	} finally {
		await close();
	}
}

/**
 * Opens the app once in a seeded profile and waits until its database is open, before anything
 * is timed: a profile seeded by an older build is upgraded to the current schema then (new
 * indexes are built over every record, a one-off that takes seconds at 100,000 customers).
 */
export async function openOnce(page) {
	await page.goto(BASE + '/');
	await page.locator('[data-testid=customer-count]').waitFor({ timeout: 600_000 });
}

// The lead's team dashboard over the merged files of 20 members sharing 100,000 customers and
// about 1,000,000 interactions: from navigating to it until the figures, the leaderboard and
// every chart are ready.
import { heapMb, launch } from '../lib/browser.mjs';
import { BASE, sizesFor } from '../lib/config.mjs';
import { mergeRows, widenKept } from '../lib/results.mjs';
import { startProfile } from '../lib/profile.mjs';
import { openOnce, seededProfile } from '../lib/seed.mjs';
import { fmt, int, max, median } from '../lib/stats.mjs';
import { navTo } from './rhythm-probes.mjs';
import { dashboardShown, navToDashboard } from './team-probes.mjs';

const TEAM_SIZE = 20;
// Overridden by BENCH_TEAM_RUNS where a slow dashboard would make seven runs too long.
const NAV_RUNS = Number(process.env.BENCH_TEAM_RUNS ?? 7);

async function measure(size, log) {
	const { dir, meta } = await seededProfile(size, { teamSize: TEAM_SIZE });
	// The team's devices are in its zone (Asia/Shanghai), so their tallies count its days.
	const { context, close } = await launch({ dir, timezoneId: 'Asia/Shanghai' });
	try {
		const page = await context.newPage();
		await openOnce(page);
		await page.goto(BASE + '/?bench');
		await page.waitForFunction(() => '__rapportBench' in window, null, { timeout: 60_000 });
		await page.evaluate(() => window.__rapportBench.becomeLead());
		// A profile seeded in another zone counts its tallies' days there: counted again here, once.
		// BENCH_REBUILD_TALLIES=1 counts them again all the same, for a build that tallies more
		// than the one that upgraded the profile.
		const rebuilt = process.env.BENCH_REBUILD_TALLIES
			? await page.evaluate(() => window.__rapportBench.rebuildTallies().then(() => true))
			: await page.evaluate(() => window.__rapportBench.alignTallies());
		if (rebuilt) log('team: tallies counted again at this zone’s offset');
		// The roster counts this device's member too: the team's members plus the lead.
		const members = TEAM_SIZE + 1;
		const nav = [];
		for (let i = 0; i < NAV_RUNS; i++) {
			await page.goto(BASE + '/team');
			await page.locator('main nav a[href="/team/dashboard"]').waitFor({ timeout: 300_000 });
			await page.waitForTimeout(300);
			nav.push(await page.evaluate(navToDashboard, members));
		}
		log(
			'team dashboard nav',
			nav.map((n) => n.toFixed(0))
		);
		const shown = await page.evaluate(dashboardShown);
		// The anchor: the roster of the same members, read and shown with no computing, in the same
		// run. The machine is shared, and its load moves every figure; the ratio is what the
		// dashboard adds to any page of the app at the moment of the run.
		const roster = [];
		for (let i = 0; i < NAV_RUNS; i++) {
			await page.goto(BASE + '/team/dashboard');
			await page.locator('main nav a[href="/team"]').waitFor({ timeout: 300_000 });
			await page.waitForTimeout(300);
			roster.push(
				await page.evaluate(navTo, {
					href: '/team',
					selector: '[data-testid=roster] tbody tr',
					// At least the team's members (whether the lead has a row of their own aside).
					count: TEAM_SIZE
				})
			);
		}
		log(
			'team roster nav',
			roster.map((n) => n.toFixed(0))
		);
		// Each read the page waits for, timed alone in the page: where the time goes. From the
		// roster, which reads little of its own (Home would be reading the customer list).
		await page.goto(BASE + '/team?bench');
		await page.waitForFunction(() => '__rapportBench' in window, null, { timeout: 60_000 });
		const cpu = await startProfile(page);
		const parts = await page.evaluate(() => window.__rapportBench.teamParts());
		await cpu.stop();
		log('team dashboard parts', JSON.stringify(parts));
		const heap = await heapMb(page);
		return { size, meta, nav, roster, shown, heap, parts };
	} finally {
		await close();
	}
}

export async function run({ log, stamp }) {
	const results = [];
	for (const size of sizesFor('team', [100_000])) {
		log(`team: ${size} customers, ${TEAM_SIZE} members`);
		results.push({ ...(await measure(size, log)), stamp: stamp() });
	}
	return { results };
}

/** The figures the targets are read from (bench/lib/targets.mjs). */
export const figures = ({ results }) =>
	results.flatMap((r) => [
		{ name: 'navMs', size: r.size, value: median(r.nav) },
		...(r.roster ? [{ name: 'rosterMs', size: r.size, value: median(r.roster) }] : [])
	]);

function row(r) {
	const m = r.meta;
	return [
		int(r.size),
		`| ${[
			int(r.size),
			int(m.interactions),
			int(m.deals),
			`${int(m.orders)} / ${int(m.tickets)} / ${int(m.tasks)}`,
			`**${fmt(median(r.nav), 0)} ms** (max ${fmt(max(r.nav), 0)})`,
			r.roster
				? `${fmt(median(r.roster), 0)} ms; dashboard ÷ roster **${fmt(median(r.nav) / median(r.roster), 2)}**`
				: 'not measured',
			`${r.shown.rows} rows, ${r.shown.ranked} ranked, ${r.shown.charts} charts`,
			r.parts
				? `figures ${fmt(r.parts.figures, 0)} ms, trend ${fmt(r.parts.trend, 0)} ms, funnel ${fmt(r.parts.funnel, 0)} ms`
				: '—',
			`${fmt(r.heap, 0)} MB`,
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ results }, kept, header) {
	// Rows measured before the anchor column was added get "not measured" there.
	const rows = mergeRows(widenKept(kept, 0, 10, 5, 'not measured'), 0, results.map(row));
	return `## The team dashboard

${header.text}

Data: a profile of its own, seeded like the list and home suites' (demo generator plus three passes of the day generator, deals with their stage history) but with the customers shared among ${TEAM_SIZE} members (the demo's five and ${TEAM_SIZE - 5} more account managers). This device's member is the lead, so the roster has ${TEAM_SIZE + 1} rows. The period is the current month.

| customers | interactions | deals | orders / tickets / tasks | dashboard ready after navigating from the roster, median of ${NAV_RUNS} (target ≤ 500 ms) | anchor: the roster of the same members ready after navigating from the dashboard, median of ${NAV_RUNS} | what was waited for | its reads timed alone: the period's figures, the six-period trend, the funnel | JS heap after GC | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How the figure is taken: the app is open on the roster (\`/team\`); \`click()\` on the team navigation's Dashboard link until no loading status is left in \`<main>\`, the members' table has a row per member, the leaderboard ranks someone, and every chart (the trend over six periods, the open pipeline, the conversion funnel) has been drawn by Chart.js (\`data-drawn\` on each chart's figure). Checked every animation frame. The anchor is the roster (\`/team\`) reached from the dashboard the same way, until it shows a row per member: a page that reads and shows the same members without computing anything.`;
}

// The lead's pay and daily-report pages for a team of 50 account managers: each from a click
// in the team navigation until every member's row is shown.
import { heapMb, launch } from '../lib/browser.mjs';
import { BASE } from '../lib/config.mjs';
import { mergeRows } from '../lib/results.mjs';
import { fmt, max, median } from '../lib/stats.mjs';
import { navTo } from './rhythm-probes.mjs';

const MEMBERS = 50;
const ORDERS_PER_MEMBER = 40;
const RUNS = 7;

async function measure(log) {
	const { context, close } = await launch();
	try {
		const page = await context.newPage();
		await page.goto(BASE + '/?bench');
		await page.waitForFunction(() => '__rapportBench' in window, null, { timeout: 60_000 });
		const seeded = await page.evaluate((o) => window.__rapportBench.rhythm(o), {
			members: MEMBERS,
			ordersPerMember: ORDERS_PER_MEMBER
		});
		log('rhythm seeded', JSON.stringify(seeded));
		const time = async (from, href, selector, count) => {
			const runs = [];
			for (let i = 0; i < RUNS; i++) {
				await page.goto(BASE + from);
				await page.locator(`main nav a[href="${href}"]`).waitFor({ timeout: 120_000 });
				await page.waitForTimeout(300);
				runs.push(await page.evaluate(navTo, { href, selector, count }));
			}
			return runs;
		};
		// A statement per member, computed for the open month from their orders and plan.
		const pay = await time('/team', '/team/pay', '[data-testid=pay-row] a', MEMBERS);
		log(
			'pay nav',
			pay.map((n) => n.toFixed(0))
		);
		// The anchor: the roster of the same 50 members, a list read and shown with no computing.
		const roster = await time('/team/pay', '/team', '[data-testid=roster] tbody tr', MEMBERS);
		log(
			'roster nav',
			roster.map((n) => n.toFixed(0))
		);
		await page.goto(BASE + '/team?bench');
		await page.waitForFunction(() => '__rapportBench' in window, null, { timeout: 60_000 });
		const month = await page.evaluate(() => {
			const d = new Date();
			const p = new Date(d.getFullYear(), d.getMonth() - 1, 1);
			return `${p.getFullYear()}-${String(p.getMonth() + 1).padStart(2, '0')}-01`;
		});
		const parts = [];
		for (let i = 0; i < 3; i++)
			parts.push(await page.evaluate((m) => window.__rapportBench.payParts(m), month));
		log('pay parts', JSON.stringify(parts));
		const reports = await time('/team', '/team/reports', '[data-testid=team-report]', MEMBERS);
		log(
			'reports nav',
			reports.map((n) => n.toFixed(0))
		);
		const heap = await heapMb(page);
		return { seeded, pay, roster, parts, reports, heap };
	} finally {
		await close();
	}
}

export async function run({ log, stamp }) {
	log(`rhythm: ${MEMBERS} members`);
	return { results: [{ ...(await measure(log)), stamp: stamp() }] };
}

/** The figures the targets are read from (bench/lib/targets.mjs). */
export const figures = ({ results }) =>
	results.flatMap((r) => [
		{ name: 'payMs', size: MEMBERS, value: median(r.pay) },
		{ name: 'reportsMs', size: MEMBERS, value: median(r.reports) }
	]);

function row(r) {
	return [
		String(MEMBERS),
		`| ${[
			MEMBERS,
			`${r.seeded.orders.toLocaleString('en')} / ${r.seeded.reports}`,
			`**${fmt(median(r.pay), 0)} ms** (max ${fmt(max(r.pay), 0)})`,
			r.roster
				? `${fmt(median(r.roster), 0)} ms; pay ÷ roster **${fmt(median(r.pay) / median(r.roster), 2)}**`
				: '—',
			r.parts ? `${fmt(median(r.parts.map((p) => p.month)), 0)} ms` : '—',
			`**${fmt(median(r.reports), 0)} ms** (max ${fmt(max(r.reports), 0)})`,
			`${fmt(r.heap, 0)} MB`,
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ results }, kept, header) {
	const rows = mergeRows(kept, 0, results.map(row));
	return `## Pay and daily reports of a team

${header.text}

Data: a fresh profile; this device's member leads ${MEMBERS} account managers of one level with a compensation plan (base, two commission brackets), ${ORDERS_PER_MEMBER} orders each last month (the month the pay page opens on), and today's report sent by all but one in ten (written through the repositories, not timed).

| members | orders last month / reports today | pay of the month the page opens on (last month, open) ready after navigating, median of ${RUNS} (target ≤ 100 ms) | anchor: the roster of the same members ready after navigating, median of ${RUNS} | the month's statements read and computed alone (\`loadMonthPay\`), median of 3 | the team's daily reports ready after navigating, median of ${RUNS} (target ≤ 300 ms) | JS heap after GC | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken: the app is open on the roster (\`/team\`); \`click()\` on the team navigation's link until no loading status is left in \`<main>\` and every member's row is there: for pay, a computed statement (a link) per member, read and computed from their orders and the plan of their level; for the reports, a card per member (sent or not); for the anchor, a roster row per member. Checked every animation frame. The anchor is a page that reads and shows the same members without computing anything: the ratio says what pay adds to any page of the app at the moment of the run.`;
}

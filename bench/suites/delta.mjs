// Issue 20: a day's work of one manager (50 customers edited, 200 calls logged, 20 tasks) sent as
// a file of changes ("Send my changes") and applied by a teammate, over a large database on both
// sides. Through the exchange repositories (the same calls as the Share page) via the `?bench`
// hook; skipped, and said so, when they are not in this build.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../lib/browser.mjs';
import { BASE, root, sizesFor } from '../lib/config.mjs';
import { mergeRows } from '../lib/results.mjs';
import { openOnce, seededProfile } from '../lib/seed.mjs';
import { fmt, int } from '../lib/stats.mjs';

const REPO = path.join(root, 'src', 'lib', 'db', 'repos', 'exchange-export.ts');
const DAY = { customers: 50, interactions: 200, tasks: 20 };

async function openHooked(context) {
	const page = await context.newPage();
	await openOnce(page);
	await page.goto(BASE + '/?bench');
	await page.waitForFunction(() => window.__rapportBench?.delta, null, { timeout: 60_000 });
	return page;
}

async function measure(size, log) {
	const seeded = await seededProfile(size, { seed: 7, day: false });
	const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-delta-'));
	const file = path.join(dir, 'day.rapport');
	// Both start from copies of one seeded profile: the teammate holds the same data, as after a
	// full file, on a device of their own.
	const A = await launch({ copyOf: seeded.dir });
	const B = await launch({ copyOf: seeded.dir });
	try {
		let pageB = await openHooked(B.context);
		await pageB.evaluate(async () => (await window.__rapportBench.delta()).becomeAnotherDevice());
		await pageB.close();
		pageB = await openHooked(B.context);

		const pageA = await openHooked(A.context);
		await pageA.evaluate(async () => (await window.__rapportBench.delta()).markSentNow());
		const work = await pageA.evaluate(
			async (o) => (await window.__rapportBench.delta()).dayOfWork(o),
			DAY
		);
		log('delta: day of work', work);
		const exp = await pageA.evaluate(async () =>
			(await window.__rapportBench.delta()).deltaExport()
		);
		const download = pageA.waitForEvent('download', { timeout: 300_000 });
		await pageA.evaluate((url) => {
			const link = document.createElement('a');
			link.href = url;
			link.download = 'day.rapport';
			document.body.append(link);
			link.click();
		}, exp.url);
		await (await download).saveAs(file);
		log('delta export', { ...exp, file: statSync(file).size });

		await pageB.evaluate(() => {
			const input = document.createElement('input');
			input.type = 'file';
			input.id = 'bench-delta-file';
			document.body.append(input);
		});
		await pageB.locator('#bench-delta-file').setInputFiles(file);
		const imp = await pageB.evaluate(async () =>
			(await window.__rapportBench.delta()).deltaImport(
				document.querySelector('#bench-delta-file').files[0]
			)
		);
		log('delta import', imp);
		return { size, meta: seeded.meta, work, exp, imp };
	} finally {
		await A.close();
		await B.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function run({ log, stamp }) {
	if (!existsSync(REPO)) return { missing: true, results: [] };
	const results = [];
	for (const size of sizesFor('delta', [100_000])) {
		log(`delta: ${size} customers`);
		results.push({ ...(await measure(size, log)), stamp: stamp() });
	}
	return { missing: false, results };
}

/** The figures the targets are read from (bench/lib/targets.mjs). */
export const figures = ({ results }) =>
	results.flatMap((r) => [
		{ name: 'exportMs', size: r.size, value: r.exp.ms },
		{ name: 'applyMs', size: r.size, value: r.imp.totalMs }
	]);

function row(r) {
	const ms = (v) => `${fmt(v, 0)} ms`;
	const i = r.imp;
	// The key is the first cell, as the kept rows are read back (lib/results.mjs).
	const first = `${int(r.size)} + ${int(r.meta.interactions)} interactions`;
	return [
		first,
		`| ${[
			first,
			`${int(i.lines)} lines (${Object.entries(i.counts)
				.map(([t, n]) => `${t} ${int(n)}`)
				.join(', ')})`,
			`${fmt(r.exp.bytes / 1024, 1)} KB`,
			`**${ms(r.exp.ms)}**`,
			`**${ms(i.totalMs)}** (open ${ms(i.openMs)}, preview ${ms(i.previewMs)}, apply ${ms(i.applyMs)})`,
			`${int(i.result.created)} created, ${int(i.result.updated)} updated, ${int(i.result.conflicts)} conflicts`,
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ missing, results }, kept, header) {
	if (missing)
		return `## Files of changes

${header.text}

**Not measured: the exchange repositories are not present** (src/lib/db/repos/exchange-export.ts is missing from this tree).`;
	const rows = mergeRows(kept, 0, results.map(row));
	return `## Files of changes

${header.text}

A day's work of one manager (${DAY.customers} customers edited, ${DAY.interactions} calls logged, ${DAY.tasks} tasks created) sent to the team as a file of changes and applied by a teammate who holds the same data. Targets: ≤ 1 s each way, whatever the size of either database.

| both databases: customers + interactions | the file's lines | file (gzip) | send my changes (target ≤ 1 s) | choose → applied (target ≤ 1 s) | result | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken:
- Both browsers start from copies of one seeded profile (seed 7: customers, contacts, interactions and tasks, no deals); the teammate's copy takes a device id of its own and reloads. The sender's watermark is set at its current change number ("the last file went yesterday"); then the day's work is written through the repositories as the forms write it (\`updateCustomer\`, \`logInteraction\`, \`createTask\`, one transaction each, not timed).
- *send my changes* is \`exportExchange\` to the team (everything) consumed into a Blob, timed in the page (src/lib/db/bench-delta.ts); the file is downloaded by Playwright and chosen in the other browser through a file input.
- *choose → applied* is \`openSnapshotFile(file.stream())\`, \`previewSnapshot\` and \`applySnapshot\` back to back, without a person reading the preview.`;
}

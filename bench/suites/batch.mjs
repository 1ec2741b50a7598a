// Issue 20: the operations center's week, 20 files of changes of about 1,000 records apiece,
// chosen at once and previewed and applied as one batch by a lead holding the same data. Through
// the batch repositories (the same calls as the Share page) via the `?bench` hook; skipped, and
// said so, when they are not in this build.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../lib/browser.mjs';
import { BASE, root, sizesFor } from '../lib/config.mjs';
import { mergeRows, widenKept } from '../lib/results.mjs';
import { startProfile } from '../lib/profile.mjs';
import { openOnce, seededProfile } from '../lib/seed.mjs';
import { fmt, int, median } from '../lib/stats.mjs';
import { changeWatermark, sameValuesFloor } from './floor-probes.mjs';
import { floorCell, FLOOR_RUNS, floorRunsText } from '../lib/floor.mjs';

const REPO = path.join(root, 'src', 'lib', 'db', 'repos', 'snapshot-batch-apply.ts');
const FILES = Number(process.env.BENCH_BATCH_FILES ?? 20);
const WEEK = { customers: 100, interactions: 800, tasks: 100 };

async function openHooked(context) {
	const page = await context.newPage();
	await openOnce(page);
	await page.goto(BASE + '/?bench');
	await page.waitForFunction(() => window.__rapportBench?.batch, null, { timeout: 60_000 });
	return page;
}

async function download(page, url, file) {
	const done = page.waitForEvent('download', { timeout: 300_000 });
	await page.evaluate((u) => {
		const link = document.createElement('a');
		link.href = u;
		link.download = 'week.rapport';
		document.body.append(link);
		link.click();
		link.remove();
	}, url);
	await (await done).saveAs(file);
	await page.evaluate((u) => URL.revokeObjectURL(u), url);
}

async function measure(size, log) {
	const seeded = await seededProfile(size, { seed: 7, day: false });
	const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-batch-'));
	// Both start from copies of one seeded profile: the lead holds the same data, as after a full
	// file, on a device of their own.
	const A = await launch({ copyOf: seeded.dir });
	const B = await launch({ copyOf: seeded.dir });
	try {
		let pageB = await openHooked(B.context);
		await pageB.evaluate(async () => (await window.__rapportBench.delta()).becomeAnotherDevice());
		await pageB.close();
		pageB = await openHooked(B.context);

		const pageA = await openHooked(A.context);
		await pageA.evaluate(async () => (await window.__rapportBench.delta()).markSentNow());
		const files = [];
		let bytes = 0;
		for (let i = 0; i < FILES; i++) {
			await pageA.evaluate(async (o) => (await window.__rapportBench.batch()).weekOfWork(o), {
				...WEEK,
				from: i * WEEK.customers * 2
			});
			const exp = await pageA.evaluate(async () =>
				(await window.__rapportBench.delta()).deltaExport()
			);
			const file = path.join(dir, `week-${String(i + 1).padStart(2, '0')}.rapport`);
			await download(pageA, exp.url, file);
			bytes += statSync(file).size;
			files.push(file);
			log(`batch: file ${i + 1} of ${FILES}`, { ms: Math.round(exp.ms), bytes: exp.bytes });
		}

		await pageB.evaluate(() => {
			const input = document.createElement('input');
			input.type = 'file';
			input.multiple = true;
			input.id = 'bench-batch-files';
			document.body.append(input);
		});
		await pageB.locator('#bench-batch-files').setInputFiles(files);
		const since = await pageB.evaluate(changeWatermark);
		const profile = await startProfile(pageB);
		const imp = await pageB.evaluate(async () =>
			(await window.__rapportBench.batch()).batchImport([
				...document.querySelector('#bench-batch-files').files
			])
		);
		await profile.stop(40);
		log('batch import', imp);
		const floor = await pageB.evaluate(sameValuesFloor, { since, runs: FLOOR_RUNS });
		log('batch floor', floor);
		return { size, meta: seeded.meta, bytes, imp, floor };
	} finally {
		await A.close();
		await B.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function run({ log, stamp }) {
	if (!existsSync(REPO)) return { missing: true, results: [] };
	const results = [];
	for (const size of sizesFor('batch', [100_000])) {
		log(`batch: ${size} customers`);
		results.push({ ...(await measure(size, log)), stamp: stamp() });
	}
	return { missing: false, results };
}

/** The figures the targets are read from (bench/lib/targets.mjs). */
export const figures = ({ results }) =>
	results.flatMap((r) => [
		{ name: 'totalMs', size: r.size, value: r.imp.totalMs },
		...(r.floor ? [{ name: 'floorMs', size: r.size, value: median(r.floor.ms) }] : [])
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
			`${int(i.applied)} of ${int(i.files)} files, ${int(i.lines)} lines`,
			`${fmt(r.bytes / 1024, 1)} KB`,
			`**${ms(i.totalMs)}** (open ${ms(i.openMs)}, preview ${ms(i.previewMs)}, apply ${ms(i.applyMs)})`,
			`${fmt(i.lines / (i.totalMs / 1000), 0)} lines/s`,
			`${int(i.result.created)} created, ${int(i.result.updated)} updated, ${int(i.result.conflicts)} conflicts`,
			floorCell(r.floor, i.totalMs, 'the batch'),
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ missing, results }, kept, header) {
	if (missing)
		return `## Many files at once

${header.text}

**Not measured: the batch repositories are not present** (src/lib/db/repos/snapshot-batch-apply.ts is missing from this tree).`;
	// Rows measured before the floor column was added get "not measured" there.
	const rows = mergeRows(widenKept(kept, 0, 8, 6, 'not measured'), 0, results.map(row));
	return `## Many files at once

${header.text}

The operations center's week: ${FILES} files of changes of a week's work each (${WEEK.customers} customers edited, ${WEEK.interactions} calls logged, ${WEEK.tasks} tasks created: about 1,000 records apiece), chosen at once, previewed and applied as one batch by a lead who holds the same data. Target: ≤ 10 s.

| both databases: customers + interactions | files and lines | files (gzip) | choose → applied (target ≤ 10 s) | rate | result | the floor: the batch's values written raw, same run | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken:
- Both browsers start from copies of one seeded profile (seed 7: customers, contacts, interactions and tasks, no deals); the lead's copy takes a device id of its own and reloads. The sender's watermark is set at its current change number; then each week's work is written through the repositories as the forms write them (one transaction each, not timed; each week edits other customers) and sent to the team as a file of changes (\`exportExchange\`, src/lib/db/bench-delta.ts), so the ${FILES} files are consecutive weeks of one sender.
- *choose → applied* is \`openBatch\` of the files chosen in a file input, \`previewBatch\` and \`applyBatch\` back to back (src/lib/db/bench-batch.ts), without a person reading the preview.
- *the floor*: right after the apply, in the same page, every record the batch numbered (\`_chg\` above the greatest before the files were opened) is read, deleted and added again raw (no Dexie, no app code) in one transaction over the same stores of the same database, with their indexes and the default durability; ${floorRunsText}. The batch's share is the floor's time over choose → applied: 100% is the browser's own speed for the records it wrote.`;
}

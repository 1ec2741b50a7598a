// Issue 3: the CSV import wizard at 10,000, 100,000 (≈ 14 MB) and 1,000,000 rows, into an empty
// database: file chosen → committed, main-thread long tasks, gaps between progress updates, memory.
import { heapMb, launch } from '../lib/browser.mjs';
import { BASE, sizesFor } from '../lib/config.mjs';
import { csvFile } from '../lib/csv-gen.mjs';
import { rssSampler } from '../lib/memory.mjs';
import { startProfile } from '../lib/profile.mjs';
import { mergeRows, widenKept } from '../lib/results.mjs';
import { fmt, int, median } from '../lib/stats.mjs';
import { changeWatermark, sameValuesFloor } from './floor-probes.mjs';
import { importReport, instrumentImport } from './import-probes.mjs';
import { floorCell, FLOOR_RUNS, floorRunsText } from '../lib/floor.mjs';

const TARGET_S = { 10_000: 1, 100_000: 8, 1_000_000: 90 };

async function measure(rows, log) {
	const { file, bytes } = await csvFile(rows);
	const { context, profile, close } = await launch();
	try {
		const page = await context.newPage();
		let crashed = false;
		page.on('crash', () => (crashed = true));
		await page.goto(BASE + '/import', { waitUntil: 'domcontentloaded' });
		await page.locator('input[type=file]').waitFor({ state: 'attached', timeout: 60_000 });
		const since = await page.evaluate(changeWatermark);
		await page.evaluate(instrumentImport);
		const rss = rssSampler(profile);
		const cpu = await startProfile(page);
		await page.locator('input[type=file]').setInputFiles(file);
		// Generous: on a busy shared machine a 100k import can take many minutes.
		const timeout = Math.max(300_000, rows * 15);
		let report;
		try {
			await page.waitForFunction(
				() => {
					const s = window.__benchImport;
					return s.t.done !== undefined || s.error !== null;
				},
				null,
				{ timeout, polling: 500 }
			);
			report = await page.evaluate(importReport);
		} catch (e) {
			report = { error: crashed ? 'the tab crashed (out of memory?)' : String(e).split('\n')[0] };
		}
		const rssPeakMb = rss.stop();
		await cpu.stop().catch(() => undefined);
		const heapAfter = crashed ? undefined : await heapMb(page).catch(() => undefined);
		const stored = crashed
			? undefined
			: await page
					.evaluate(
						() =>
							new Promise((ok) => {
								const req = indexedDB.open('rapport');
								req.onsuccess = () => {
									const c = req.result.transaction('customers').objectStore('customers').count();
									c.onsuccess = () => ok(c.result);
									c.onerror = () => ok(undefined);
								};
								req.onerror = () => ok(undefined);
							})
					)
					.catch(() => undefined);
		const floor =
			crashed || report.error
				? undefined
				: await page.evaluate(sameValuesFloor, { since, runs: FLOOR_RUNS });
		log(`import ${rows}`, { ...report, rssPeakMb, heapAfter, stored, floor });
		return { rows, bytes, report, rssPeakMb, heapAfter, stored, floor };
	} finally {
		await close();
	}
}

export async function run({ log, stamp }) {
	const results = [];
	for (const rows of sizesFor('import', [10_000, 100_000, 1_000_000])) {
		log(`import: ${rows} rows`);
		results.push({ ...(await measure(rows, log)), stamp: stamp() });
	}
	return { results };
}

/** The figures the targets are read from (bench/lib/targets.mjs); none of a failed import. */
export function figures({ results }) {
	return results
		.filter((r) => !r.report.error)
		.flatMap(({ rows: size, report: x, stored, floor }) => [
			{ name: 'totalS', size, value: x.total / 1000 },
			{ name: 'commitS', size, value: x.commit / 1000 },
			...(floor
				? [
						{ name: 'floorS', size, value: median(floor.ms) / 1000 },
						{ name: 'commitFloorPct', size, value: (100 * median(floor.ms)) / x.commit }
					]
				: []),
			{ name: 'storedCustomers', size, value: stored },
			{ name: 'longestTaskMs', size, value: x.longestTask },
			{
				name: 'progressGapMs',
				size,
				value: Math.max(x.checkProgress.maxGap, x.commitProgress.maxGap)
			}
		]);
}

function row(r) {
	const x = r.report;
	const target = TARGET_S[r.rows];
	const s = (ms) => (ms === undefined || Number.isNaN(ms) ? 'n/a' : `${fmt(ms / 1000, 2)} s`);
	const total = x.error
		? `**failed**: ${x.error}`
		: `**${s(x.total)}**${target ? ` (target ${r.rows === 100_000 ? '≤' : '<'} ${target} s: ${x.total / 1000 <= target ? 'met' : '**missed**'})` : ''}`;
	return [
		int(r.rows),
		`| ${[
			int(r.rows),
			`${fmt(r.bytes / 2 ** 20)} MB`,
			total,
			`${s(x.toCheck)} / ${s(x.check)} / ${s(x.commit)}`,
			int(r.stored),
			floorCell(r.floor, x.commit, 'commit'),
			x.longTasks === undefined
				? 'n/a'
				: `${x.longTasks} over 50 ms; longest **${fmt(x.longestTask, 0)} ms**`,
			x.checkProgress
				? `${x.checkProgress.updates} updates, max gap **${fmt(x.checkProgress.maxGap, 0)} ms** / ${x.commitProgress.updates} updates, max gap **${fmt(x.commitProgress.maxGap, 0)} ms**`
				: 'n/a',
			`${fmt(x.heapPeakMb, 0)} MB / ${fmt(r.heapAfter, 0)} MB`,
			`${fmt(r.rssPeakMb, 0)} MB`,
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ results }, kept, header) {
	const rows = mergeRows(widenKept(kept, 0, 11, 5, 'not measured'), 0, results.map(row));
	return `## CSV import

${header.text}

Files: generated in Node (bench/lib/csv-gen.mjs), UTF-8 with BOM, CRLF, 10 columns (姓名, 公司, 手机, 邮箱, 微信, 地址, 城市, 行业, 客户等级, 备注), about 15% English names, every row a different customer (unique mobile and email). Each import runs in a fresh browser profile with an empty database, with the wizard's default duplicate strategy (skip), through the real wizard at /import.

| rows | file | file chosen → committed (targets: 10k < 1 s, 100k ≤ 8 s, 1M < 90 s) | of which: to "check" clicked / check (parse, validate, duplicates in the worker) / commit | customers stored after | the floor: the commit's values written raw, same run | main-thread long tasks during the import (target: none > 50 ms) | progress while checking / while committing (target: an update at least every 200 ms) | main-thread JS heap: peak during / after, GC | browser RSS peak (all Chromium processes) | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken:
- The page is instrumented before the file is chosen (bench/suites/import-probes.mjs). The file goes in with Playwright's \`setInputFiles(path)\`; the clock starts at the file input's \`change\` event. The instrumentation clicks "Check the whole file" and "Import N rows" itself the moment each button is there (a MutationObserver on \`<main>\`), so no round trip to the test runner is counted and no human pause either; the clock stops when the "done" message appears.
- *long tasks*: PerformanceObserver \`longtask\` entries (main-thread tasks over 50 ms) between choosing and done. The worker's own work is not on the main thread and is not counted.
- *progress*: a MutationObserver records every change inside the wizard's progress blocks (the \`<progress>\` value, the rows-per-second text); the gap includes the click to the first update and the last update to the result. The check step's progress and the commit's are listed separately.
- *heap*: \`performance.memory.usedJSHeapSize\` of the page, sampled every 500 ms (the worker's heap is not included); *RSS*: the resident memory of the browser process and all its children (renderer, workers, storage), from /proc every 500 ms: what would run out first.
- *customers stored*: a count of the \`customers\` store in IndexedDB after the import.
- *the floor*: right after the import, in the same page, every record the import numbered (\`_chg\` above the greatest before the file was chosen) is read, deleted and added again raw (no Dexie, no app code) in one transaction over the same stores of the same database, with their indexes and the default durability; ${floorRunsText}. The commit's share is the floor's time over the commit's (clicked → done shown): 100% is the browser's own speed.`;
}

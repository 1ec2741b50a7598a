// Issue 4: a snapshot of N customers (~10 interactions each): export everything, then import and
// merge it into a database that already holds a different N. Through the snapshot repository
// (the same calls as the Share page) via the `?bench` hook; skipped, and said so, when the
// repository is not in this build.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heapMb, launch } from '../lib/browser.mjs';
import { BASE, root, sizesFor } from '../lib/config.mjs';
import { rssSampler } from '../lib/memory.mjs';
import { mergeRows, widenKept } from '../lib/results.mjs';
import { startProfile } from '../lib/profile.mjs';
import { seededProfile } from '../lib/seed.mjs';
import { fmt, int, median } from '../lib/stats.mjs';
import { changeWatermark, rawReadAll, sameValuesFloor } from './floor-probes.mjs';
import { floorCell, FLOOR_RUNS, floorRunsText } from '../lib/floor.mjs';

// Runs of raw getAll over the exported stores, after the export in the same page.
const READ_RUNS = Number(process.env.BENCH_READ_RUNS ?? 2);
// Records per getAll of the read floor: the export's own page size (PAGE_SIZE, snapshot-context.ts).
const READ_PAGE = 1_000;
// The export only: no second profile seeded, no import (the import half takes the longest).
const EXPORT_ONLY = process.env.BENCH_SNAPSHOT_EXPORT_ONLY === '1';
// Also the encoder on the page's thread, as before the export worker, in the same page (to compare).
const ON_PAGE = process.env.BENCH_SNAPSHOT_ON_PAGE === '1';
// The export only, of the home and restore suites' profile (with deals, orders and tickets), so
// that an export at 100,000 customers reuses the profile those suites seeded.
const DAY_PROFILE = EXPORT_ONLY && process.env.BENCH_SNAPSHOT_PROFILE === 'day';

const REPO = path.join(root, 'src', 'lib', 'db', 'repos', 'snapshots.ts');

async function openHooked(context) {
	const page = await context.newPage();
	await page.goto(BASE + '/?bench');
	await page.waitForFunction(() => window.__rapportBench?.snapshotExport, null, {
		timeout: 60_000
	});
	// Home shows its count once every customer is in memory: nothing of the page's own is left
	// reading beside what is timed.
	await page.locator('[data-testid=customer-count]').waitFor({ timeout: 600_000 });
	return page;
}

const countCustomers = (page) =>
	page.evaluate(
		() =>
			new Promise((ok) => {
				const req = indexedDB.open('rapport');
				req.onsuccess = () => {
					const c = req.result.transaction('customers').objectStore('customers').count();
					c.onsuccess = () => ok(c.result);
				};
			})
	);

async function measure(size, log) {
	// Customers and interactions only (no deals): the data set the issue names; the export alone
	// may take the home and restore suites' profile instead (DAY_PROFILE).
	const a = await seededProfile(size, { seed: 7, day: DAY_PROFILE });
	const b = EXPORT_ONLY ? null : await seededProfile(size, { seed: 8, day: false });
	const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-snap-'));
	const file = path.join(dir, 'bench.rapport');
	try {
		// Export on a copy of A (the list suite may have A open at the same time).
		const A = await launch({ copyOf: a.dir });
		let exp;
		let rssExport;
		try {
			const page = await openHooked(A.context);
			const rss = rssSampler(A.profile);
			// The profile was just copied: the first pass over its stores pays for reading them from
			// disk. One raw read, not timed, warms them, so the export and the raw reads after it are
			// compared warm.
			await page.evaluate(rawReadAll, { runs: 1, page: READ_PAGE });
			const cpu = await startProfile(page);
			exp = await page.evaluate(() => window.__rapportBench.snapshotExport());
			rssExport = rss.stop();
			await cpu.stop();
			exp.read = await page.evaluate(rawReadAll, { runs: READ_RUNS, page: READ_PAGE });
			if (ON_PAGE) {
				const { ms, bytes, longTasks, longestTaskMs } = await page.evaluate(() =>
					window.__rapportBench.snapshotExport(true)
				);
				exp.onPage = { ms, bytes, longTasks, longestTaskMs };
			}
			const download = page.waitForEvent('download', { timeout: 300_000 });
			await page.evaluate((url) => {
				const link = document.createElement('a');
				link.href = url;
				link.download = 'bench.rapport';
				document.body.append(link);
				link.click();
			}, exp.url);
			await (await download).saveAs(file);
		} finally {
			await A.close();
		}
		log('snapshot export', { ...exp, rssExport, file: statSync(file).size });
		if (!b) return { size, a: a.meta, exp, rssExport };
		// Import into a copy of B (B's seeded profile stays as it was for the next run).
		const B = await launch({ copyOf: b.dir });
		try {
			const page = await openHooked(B.context);
			const before = await countCustomers(page);
			const since = await page.evaluate(changeWatermark);
			await page.evaluate(() => {
				const input = document.createElement('input');
				input.type = 'file';
				input.id = 'bench-snapshot-file';
				document.body.append(input);
			});
			await page.locator('#bench-snapshot-file').setInputFiles(file);
			const rss = rssSampler(B.profile);
			const cpu = await startProfile(page);
			const imp = await page.evaluate(() =>
				window.__rapportBench.snapshotImport(
					document.querySelector('#bench-snapshot-file').files[0]
				)
			);
			const rssImport = rss.stop();
			await cpu.stop();
			const after = await countCustomers(page);
			const heapAfter = await heapMb(page);
			const floor = await page.evaluate(sameValuesFloor, { since, runs: FLOOR_RUNS });
			log('snapshot import', { ...imp, rssImport, before, after, floor });
			return {
				size,
				a: a.meta,
				b: b.meta,
				exp,
				rssExport,
				imp,
				rssImport,
				before,
				after,
				heapAfter,
				floor
			};
		} finally {
			await B.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function run({ log, stamp }) {
	if (!existsSync(REPO)) return { missing: true, results: [] };
	const results = [];
	for (const size of sizesFor('snapshot', [100_000])) {
		log(`snapshot: ${size} customers`);
		results.push({ ...(await measure(size, log)), stamp: stamp() });
	}
	return { missing: false, results };
}

/** The figures the targets are read from (bench/lib/targets.mjs). */
export const figures = ({ results }) =>
	results.flatMap((r) => [...exportFigures(r), ...(r.imp ? importFigures(r) : [])]);

/** The export's time, its rate against raw getAll of the same stores, its longest task. */
const exportFigures = (r) => [
	{ name: 'exportS', size: r.size, value: r.exp.ms / 1000 },
	...(r.exp.read
		? [
				{ name: 'exportReadS', size: r.size, value: median(r.exp.read.ms) / 1000 },
				{ name: 'exportReadPct', size: r.size, value: (100 * median(r.exp.read.ms)) / r.exp.ms }
			]
		: []),
	...(r.exp.longestTaskMs !== undefined
		? [{ name: 'exportLongestTaskMs', size: r.size, value: r.exp.longestTaskMs }]
		: []),
	...(r.exp.onPage ? [{ name: 'exportOnPageS', size: r.size, value: r.exp.onPage.ms / 1000 }] : []),
	{ name: 'interactions', size: r.size, value: r.a.interactions }
];

const importFigures = (r) => [
	{ name: 'importS', size: r.size, value: r.imp.totalMs / 1000 },
	{ name: 'applyS', size: r.size, value: r.imp.applyMs / 1000 },
	...(r.floor
		? [
				{ name: 'applyFloorS', size: r.size, value: median(r.floor.ms) / 1000 },
				{
					name: 'applyFloorPct',
					size: r.size,
					value: (100 * median(r.floor.ms)) / r.imp.applyMs
				}
			]
		: []),
	// Demo-data seeding, where the importing profile was seeded in this run.
	...(r.b.floorMs && !r.b.reused
		? [
				{ name: 'seedS', size: r.size, value: r.b.ms / 1000 },
				{ name: 'seedFloorPct', size: r.size, value: (100 * r.b.floorMs) / r.b.ms }
			]
		: [])
];

/** The export's time, against raw getAll of the same stores, and its longest main-thread task. */
function exportCell(exp) {
	const s = (ms) => `${fmt(ms / 1000, 2)} s`;
	const parts = [`**${s(exp.ms)}**`];
	if (exp.read) {
		const ms = median(exp.read.ms);
		const records = Object.values(exp.read.records).reduce((a, b) => a + b, 0);
		parts.push(
			`raw getAll of the same stores ${s(ms)} (${int(records)} records): **${fmt((100 * ms) / exp.ms, 0)}%** of its rate`
		);
	}
	if (exp.onPage)
		parts.push(
			`the encoder on the page's thread, same page: ${s(exp.onPage.ms)}, longest task ${fmt(exp.onPage.longestTaskMs, 0)} ms`
		);
	if (exp.longestTaskMs !== undefined)
		parts.push(
			exp.longTasks
				? `longest main-thread task ${fmt(exp.longestTaskMs, 0)} ms (${int(exp.longTasks)} over 50 ms)`
				: 'no main-thread task over 50 ms'
		);
	return parts.join('; ');
}

function row(r) {
	const s = (ms) => `${fmt(ms / 1000, 2)} s`;
	const i = r.imp;
	const first = `${int(r.size)} + ${int(r.a.interactions)} interactions`;
	if (!i) {
		const none = 'not measured (export only)';
		return [
			first,
			`| ${[
				first,
				`${fmt(r.exp.bytes / 2 ** 20)} MB`,
				exportCell(r.exp),
				`${fmt(r.exp.heapPeakMb, 0)} MB / ${fmt(r.rssExport, 0)} MB`,
				none,
				none,
				none,
				none,
				none,
				r.stamp
			].join(' | ')} |`
		];
	}
	// Keyed by the first cell, as the kept rows are, so that a size measured again replaces its row.
	return [
		first,
		`| ${[
			first,
			`${fmt(r.exp.bytes / 2 ** 20)} MB`,
			exportCell(r.exp),
			`${fmt(r.exp.heapPeakMb, 0)} MB / ${fmt(r.rssExport, 0)} MB`,
			`${int(r.before)} (+ ${int(r.b.interactions)} interactions)`,
			`**${s(i.totalMs)}** (open ${s(i.openMs)}, preview ${s(i.previewMs)}, apply ${s(i.applyMs)})`,
			`${int(i.result.created)} created, ${int(i.result.updated)} updated, ${int(i.conflicts)} conflicts; ${int(r.after)} customers after`,
			floorCell(r.floor, i.applyMs, 'apply'),
			`${fmt(i.heapPeakMb, 0)} MB / ${fmt(r.rssImport, 0)} MB / ${fmt(r.heapAfter, 0)} MB`,
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ missing, results }, kept, header) {
	if (missing)
		return `## Snapshots

${header.text}

**Not measured: snapshot repository not present** (src/lib/db/repos/snapshots.ts is missing from this tree).`;
	const rows = mergeRows(widenKept(kept, 0, 10, 7, 'not measured'), 0, results.map(row));
	return `## Snapshots

${header.text}

Data: two different generated data sets of the same size (seeds 7 and 8: different members, customers and ids), customers, contacts, interactions and tasks, no deals (rows measured with \`BENCH_SNAPSHOT_PROFILE=day\` export the home and restore suites' profile, which adds deals, orders, tickets and feedback). Targets at 100,000 customers and 1,000,000 interactions: export ≤ 10 s; import and merge into a database already holding a different 100,000 ≤ 20 s; memory bounded.

| exported: customers + interactions | file (gzip) | export, everything (target ≤ 10 s at 100k) | export: JS heap peak / browser RSS peak | customers already in the importing database | import + merge (target ≤ 20 s at 100k) | result | the floor: the apply's values written raw, same run | import: JS heap peak / browser RSS peak / heap after, GC | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken:
- Through the \`?bench\` page hook (src/lib/db/bench-snapshot.ts), which calls the snapshot repository as the Share page does and times in the page: *export* is \`exportSnapshot({ kind: 'all' })\` consumed into a Blob (what a download holds); the file is then downloaded to disk by Playwright and chosen in the other browser through a file input.
- The export runs in the snapshot export worker, which reads IndexedDB on its own connection; the *JS heap* of the export is the page's only. Before it, one raw read of the same stores (not timed) warms the freshly copied profile; right after it, in the same page, raw IndexedDB reads every record of the stores it read (\`getAll\` in pages of ${int(READ_PAGE)} by primary key, no Dexie, no app code; median of ${READ_RUNS} run${READ_RUNS === 1 ? '' : 's'}, \`rawReadAll\` in bench/suites/floor-probes.mjs): the export's share is that time over the export's, 100% being the speed of reading alone. The *longest main-thread task* is the page's longest task (PerformanceObserver \`longtask\`, over 50 ms) during the export.
- *import + merge* is \`openSnapshotFile(file.stream())\` (header), \`previewSnapshot\` (decode, restore, stage and merge every page against the local records, count conflicts) and \`applySnapshot\` (one transaction), back to back without a person reading the preview.
- *the floor*: right after the apply, in the same page, every record the import numbered (\`_chg\` above the greatest before the file was opened) is read, deleted and added again raw (no Dexie, no app code) in one transaction over the same stores of the same database, beside the importing database's own records, with their indexes and the default durability; ${floorRunsText}. The apply's share is the floor's time over \`applySnapshot\`'s: 100% is the browser's own speed.
- The importing browser starts from a copy of its seeded profile. *Heap* is \`performance.memory.usedJSHeapSize\` sampled every 250 ms in the page; *RSS* is the browser's processes from /proc.`;
}

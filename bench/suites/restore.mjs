// Issue 20: backup restore at the machine's speed. A backup of a seeded profile is made the way
// Settings › Backup makes it ("Back up now", downloaded), then restored into a fresh, empty
// profile through the Restore page (file chosen → restored), and the same records are written
// again raw in the same database right after it: restore's share of that floor.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heapMb, launch } from '../lib/browser.mjs';
import { BASE, sizesFor } from '../lib/config.mjs';
import { rssSampler } from '../lib/memory.mjs';
import { startProfile } from '../lib/profile.mjs';
import { mergeRows } from '../lib/results.mjs';
import { seededProfile } from '../lib/seed.mjs';
import { fmt, int, median } from '../lib/stats.mjs';
import { changeWatermark, sameValuesFloor } from './floor-probes.mjs';
import { instrumentRestore, restoreReport, storeCounts } from './restore-probes.mjs';
import { floorRecords, FLOOR_RUNS, floorRunsText } from '../lib/floor.mjs';

// The pages' words in the bench browser's language (zh-CN: src/lib/i18n/messages/zh-CN/).
const BACK_UP_NOW = '立即备份'; // shell.backup_now
const RESTORE = { button: '恢复', restored: '已恢复' }; // snapshots.restore_button, restore_done*

/** "Back up now" in Settings, on a copy of the seeded profile; the file is saved to `file`. */
async function backUp(seeded, file) {
	const { context, close } = await launch({ copyOf: seeded });
	try {
		const page = await context.newPage();
		await page.goto(BASE + '/settings');
		const button = page.getByRole('button', { name: BACK_UP_NOW, exact: true });
		// A profile seeded by an older build is upgraded on this first open.
		await button.waitFor({ timeout: 600_000 });
		const download = page.waitForEvent('download', { timeout: 600_000 });
		const t0 = Date.now();
		await button.click();
		const d = await download;
		const ms = Date.now() - t0;
		await d.saveAs(file);
		return { ms, bytes: statSync(file).size, name: d.suggestedFilename() };
	} finally {
		await close();
	}
}

/** The backup restored into a fresh, empty profile through the Restore page, then the floor. */
async function restoreInto(file, size) {
	const { context, profile, close } = await launch();
	try {
		const page = await context.newPage();
		let crashed = false;
		page.on('crash', () => (crashed = true));
		await page.goto(BASE + '/restore');
		await page.locator('main input[type=file]').waitFor({ state: 'attached', timeout: 60_000 });
		const since = await page.evaluate(changeWatermark);
		await page.evaluate(instrumentRestore, RESTORE);
		const rss = rssSampler(profile);
		const cpu = await startProfile(page);
		await page.locator('main input[type=file]').setInputFiles(file);
		let report;
		try {
			await page.waitForFunction(
				() => window.__benchRestore.t.done !== undefined || window.__benchRestore.error !== null,
				null,
				{ timeout: Math.max(1_800_000, size * 180), polling: 500 }
			);
			report = await page.evaluate(restoreReport);
		} catch (e) {
			// What was reached before it stopped (the preview's time, if it got that far).
			const partial = crashed ? {} : await page.evaluate(restoreReport).catch(() => ({}));
			report = {
				...partial,
				error: crashed ? 'the tab crashed (out of memory?)' : String(e).split('\n')[0]
			};
		}
		const rssPeakMb = rss.stop();
		await cpu.stop().catch(() => undefined);
		if (report.error) return { report, rssPeakMb };
		const heapAfter = await heapMb(page);
		const stored = await page.evaluate(storeCounts);
		const floor = await page.evaluate(sameValuesFloor, { since, runs: FLOOR_RUNS });
		return { report, rssPeakMb, heapAfter, stored, floor };
	} finally {
		await close();
	}
}

async function measure(size, log) {
	// The default bench profile (customers, interactions and a day's deals, orders, tickets).
	const seeded = await seededProfile(size);
	const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-restore-'));
	const file = path.join(dir, 'backup.rapport');
	try {
		const backup = await backUp(seeded.dir, file);
		log('restore: backup', backup);
		const r = await restoreInto(file, size);
		log('restore', { ...r.report, rssPeakMb: r.rssPeakMb, stored: r.stored, floor: r.floor });
		return { size, seeded: seeded.meta, backup, ...r };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function run({ log, stamp }) {
	const results = [];
	for (const size of sizesFor('restore', [10_000])) {
		log(`restore: ${size} customers`);
		results.push({ ...(await measure(size, log)), stamp: stamp() });
	}
	return { results };
}

const floorMs = (r) => (r.floor ? median(r.floor.ms) : undefined);
const recordsOf = (floor) => Object.values(floor.records).reduce((a, b) => a + b, 0);

/** The figures the targets are read from (bench/lib/targets.mjs). */
export const figures = ({ results }) =>
	results
		.filter((r) => r.report.totalMs !== undefined)
		.flatMap((r) => [
			{ name: 'backupS', size: r.size, value: r.backup.ms / 1000 },
			{ name: 'totalS', size: r.size, value: r.report.totalMs / 1000 },
			...(r.floor
				? [
						{ name: 'floorS', size: r.size, value: floorMs(r) / 1000 },
						{ name: 'floorPct', size: r.size, value: (100 * floorMs(r)) / r.report.totalMs },
						{ name: 'records', size: r.size, value: recordsOf(r.floor) }
					]
				: [])
		]);

function floorCell(r) {
	if (!r.floor) return 'not measured';
	const ms = floorMs(r);
	const records = floorRecords(r.floor);
	const total = r.report.totalMs;
	const apply = total - r.report.previewMs;
	return `${fmt(ms / 1000, 2)} s for ${records} (${int(recordsOf(r.floor))} in all): restore at **${fmt((100 * ms) / total, 0)}%** of the floor (its Restore click → restored alone: ${fmt((100 * ms) / apply, 0)}%)`;
}

function row(r) {
	const s = (ms) => `${fmt(ms / 1000, 2)} s`;
	const first = `${int(r.size)} customers`;
	const rep = r.report;
	const restored = rep.error
		? `failed: ${rep.error}${rep.previewMs === undefined ? ' (still previewing)' : ` (previewed in ${s(rep.previewMs)})`}`
		: `**${s(rep.totalMs)}** (file read, staged and previewed ${s(rep.previewMs)}; Restore click → restored ${s(rep.totalMs - rep.previewMs)})`;
	return [
		first,
		`| ${[
			first,
			`${int(r.seeded.interactions)} interactions, ${int(r.seeded.deals)} deals, ${int(r.seeded.orders)} orders`,
			`${fmt(r.backup.bytes / 2 ** 20)} MB, ${s(r.backup.ms)}`,
			restored,
			rep.error ? '—' : rep.status,
			floorCell(r),
			r.heapAfter === undefined
				? `— / ${fmt(r.rssPeakMb, 0)} MB`
				: `${fmt(r.heapAfter, 0)} MB / ${fmt(r.rssPeakMb, 0)} MB`,
			r.stamp
		].join(' | ')} |`
	];
}

export function render({ results }, kept, header) {
	const rows = mergeRows(kept, 0, results.map(row));
	return `## Backup restore

${header.text}

Data: the default bench profile (bench/lib/seed.mjs, seed 7): customers, contacts, interactions, tasks, and a day generator's deals, stage changes, orders, tickets, feedback and goals. Targets (issue 20): restore at ≥ 80% of the raw IndexedDB floor for the same records, measured in the same run; its time against the snapshot import's (issue 4: ≤ 20 s at 100,000 customers, so ≤ 2 s at 10,000).

| profile backed up | of which | backup file (gzip), "Back up now" click → downloaded | file chosen → restored | the page says | the floor: the restore's values written raw, same run | restoring page: JS heap after, GC / browser RSS peak | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken:
- *Backup*: on a copy of the seeded profile, Settings › Backup › "Back up now" (\`runBackup\`: a snapshot of scope \`backup\`, with its owner and settings), downloaded as the app offers it when no folder is chosen; timed from the click to Playwright's download event.
- *Restore*: a fresh browser profile opens /restore (its first start makes its own blank member, as a new machine's does), and the file is chosen in the page's file input. In the page (bench/suites/restore-probes.mjs), from the input's \`change\` event: the preview (\`openSnapshotFile\`, \`previewSnapshot\` with \`restore\`: decode, restore, stage and merge every page) until the Restore button is offered, which is clicked at once, then \`restoreSnapshot\` (one transaction: records, the backup's settings, its member adopted) until the status says restored.
- *the floor*: right after the restore, in the same page, every record it numbered (\`_chg\` above the greatest before the file was chosen) is read, deleted and added again raw (no Dexie, no app code) in one transaction over the same stores of the same database, with their indexes and the default durability; ${floorRunsText}. Restore's share is the floor's time over file chosen → restored: 100% is the browser's own speed for the records it ends up holding.`;
}

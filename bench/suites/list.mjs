// Issue 2: the customer list at 10,000 and 100,000 customers (10 interactions each on average):
// first rows after navigating, search per keystroke (pinyin too), scrolling, heap, first-load JS.
import { gzipSync } from 'node:zlib';
import { launch, heapMb } from '../lib/browser.mjs';
import { BASE, sizesFor } from '../lib/config.mjs';
import { mergeRows } from '../lib/results.mjs';
import { openOnce, seededProfile } from '../lib/seed.mjs';
import { fmt, int, max, median, p95 } from '../lib/stats.mjs';
import {
	rendererMainThread,
	sampleThread,
	schedulerTickMs,
	threadTimeDuring
} from '../lib/thread-time.mjs';
import {
	fixedWorkFrames,
	navFromHome,
	scrollAll,
	scrollAtWheelSpeed,
	typeQueries
} from './list-probes.mjs';

const NAV_RUNS = 7;
const COLD_RUNS = 3;
const QUERIES = ['zs', 'zhang', 'zhangsan', 'wang', '138', '北京', '张', 'li na', 'vip'];
const FRAME = 1000 / 60;
const SWEEPS = 3;
/** A busy loop in the page before the sweeps: how much of a core the renderer gets at best. */
const SPIN_MS = 500;
const TICK_MS = schedulerTickMs();

/** The frames of several sweeps as one: every delta, work time and long entry of each. */
function pooled(sweeps) {
	const all = (k) => sweeps.flatMap((s) => s[k]);
	return {
		deltas: all('deltas'),
		work: all('work'),
		at: all('at'),
		pos: all('pos'),
		long: all('long'),
		loaf: all('loaf'),
		loafSupported: sweeps.every((s) => s.loafSupported),
		maxRows: Math.max(...sweeps.map((s) => s.maxRows))
	};
}

/**
 * Runs `probe` (frames with `work` and `at`, as the probes return them) while the renderer main
 * thread is sampled, and adds `split`: where each frame's wall time went (thread-time.mjs).
 * Without /proc (`thread` undefined), no split.
 */
async function splitFrames(thread, probe) {
	const sampler = thread === undefined ? undefined : sampleThread(thread);
	const frames = await probe();
	sampler?.stop();
	const split = sampler && frames.work.map((w, i) => sampler.split(frames.at[i], frames.at[i] + w));
	return { ...frames, split };
}

/** JS the first page loads, gzipped as a server would send it. */
async function firstLoadJs() {
	const { context, close } = await launch();
	const page = await context.newPage();
	const scripts = new Map();
	page.on('response', async (res) => {
		if (res.url().endsWith('.js'))
			scripts.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
	});
	await page.goto(BASE + '/');
	// On a busy machine 'networkidle' (500 ms without requests) can come while modules are still
	// being evaluated, before the chunks they import are asked for: wait for the page itself
	// (the empty state's demo button) and then for quiet.
	await page
		.getByRole('button', { name: /demo|演示/i })
		.first()
		.waitFor({ timeout: 180_000 });
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(2_000);
	let raw = 0;
	let gz = 0;
	for (const body of scripts.values()) {
		raw += body.length;
		gz += gzipSync(body, { level: 9 }).length;
	}
	await close();
	return { files: scripts.size, rawKb: raw / 1024, gzKb: gz / 1024 };
}

const loaded = () => performance.getEntriesByName('rapport:customers-load').length > 0;

async function measure(size, log) {
	// The profile of the home suite (customers, ~10 interactions each, deals…): the list reads
	// only the customers table, but it is measured in a database of the size the issue sets.
	const { dir, meta } = await seededProfile(size);
	const { context, close } = await launch({ dir });
	try {
		const page = await context.newPage();
		await openOnce(page);
		// Cold: a fresh page load straight to the list; first rows are the first page of 200.
		const cold = [];
		const fullLoad = [];
		for (let i = 0; i < COLD_RUNS; i++) {
			const t0 = Date.now();
			await page.goto(BASE + '/customers');
			await page.locator('[role=grid] [role=gridcell]').first().waitFor({ timeout: 120_000 });
			cold.push(Date.now() - t0);
			await page.waitForFunction(loaded, null, { timeout: 300_000 });
			fullLoad.push(
				await page.evaluate(
					() => performance.getEntriesByName('rapport:customers-load')[0].duration
				)
			);
		}
		log('cold', cold, 'full', fullLoad);
		const nav = [];
		for (let i = 0; i < NAV_RUNS; i++) {
			await page.goto(BASE + '/');
			await page.locator('[data-testid=customer-count]').waitFor({ timeout: 300_000 });
			await page.waitForTimeout(300); // let Home's own queries settle
			nav.push(await page.evaluate(navFromHome));
		}
		log(
			'nav',
			nav.map((n) => n.toFixed(0))
		);
		await page.waitForFunction(loaded, null, { timeout: 300_000 });
		const keys = await page.evaluate(typeQueries, QUERIES);
		log(
			'keys',
			keys.map((k) => `${k.query}:${k.work.toFixed(1)}/${k.painted.toFixed(1)}`).join(' ')
		);
		// Three timed sweeps, their frames pooled: the target is about every frame, and one sweep
		// of 600 frames on a shared machine says little about the few slowest.
		// The renderer's main thread is sampled meanwhile, to tell a frame that took long because
		// of its work from one whose thread waited for a core (thread-time.mjs).
		const thread = rendererMainThread(dir);
		const spin = (ms) => {
			const t = performance.now();
			while (performance.now() - t < ms);
		};
		const calibration =
			thread === undefined
				? undefined
				: await threadTimeDuring(thread, () => page.evaluate(spin, SPIN_MS));
		const sweeps = [];
		const scroll = await splitFrames(thread, async () => {
			for (let i = 0; i < SWEEPS; i++) sweeps.push(await page.evaluate(scrollAll, {}));
			return pooled(sweeps);
		});
		log(
			'sweeps, frames at 16 ms or more:',
			sweeps.map((w) => w.work.filter((x) => x >= 16).length)
		);
		const { created } = await page.evaluate(scrollAll, { countInsertions: true });
		scroll.created = created;
		const wheel = await splitFrames(thread, () => page.evaluate(scrollAtWheelSpeed));
		// The machine alone: as many frames of a fixed computation as long as the sweeps' median
		// frame. Its slow frames are the machine's; the sweeps' are comparable with them.
		const control = await splitFrames(thread, () =>
			page.evaluate(fixedWorkFrames, {
				targetMs: median(scroll.work),
				frames: scroll.work.length
			})
		);
		log('control, frames at 16 ms or more:', control.work.filter((x) => x >= 16).length);
		const heap = await heapMb(page);
		return { size, meta, cold, fullLoad, nav, keys, scroll, calibration, wheel, control, heap };
	} finally {
		await close();
	}
}

export async function run({ log, stamp }) {
	const js = await firstLoadJs();
	log(`first-load JS ${js.gzKb.toFixed(1)} KB gzipped`);
	const results = [];
	for (const size of sizesFor('list', [10_000, 100_000])) {
		log(`list: ${size} customers`);
		results.push({ ...(await measure(size, log)), stamp: stamp() });
	}
	return { js, results };
}

/** The figures the targets are read from (bench/lib/targets.mjs). */
export function figures({ js, results }) {
	const out = js ? [{ name: 'firstLoadJsKb', value: js.gzKb }] : [];
	const slow = (work) => work.filter((w) => w >= 16).length;
	for (const r of results) {
		const at = (name, value) => out.push({ name, size: r.size, value });
		at('navMs', median(r.nav));
		at('keystrokeMs', median(r.keys.map((k) => k.work)));
		at('scrollMaxMs', max(r.scroll.work));
		at('scrollSlowFrames', slow(r.scroll.work));
		at('scrollFrames', r.scroll.work.length);
		if (r.control) {
			at('controlMaxMs', max(r.control.work));
			at('controlSlowFrames', slow(r.control.work));
			at('controlFrames', r.control.work.length);
		}
	}
	return out;
}

/**
 * The main thread's time on a CPU per frame (median / p95 / max), and where the wall time of
 * the frames at 16 ms or more went.
 */
function cpuText(split) {
	if (!split) return 'n/a (no /proc)';
	// Only frames whose ends were both sampled within a tick: a sampler that stalled (it waits
	// for a core too) spreads the CPU time of the frames around the gap over this one.
	const sampled = split.filter((f) => f.gap <= TICK_MS);
	const cpu = sampled.map((f) => f.cpu);
	const upper = sampled.map((f) => f.cpuMax);
	const slow = split.filter((f) => f.wall >= 16);
	const sum = (k) => slow.reduce((a, f) => a + f[k], 0);
	const slowText = slow.length
		? `the ${slow.length} at 16 ms or more on the wall clock: on a CPU ${fmt(Math.min(...slow.map((f) => f.cpu)))} to ${fmt(max(slow.map((f) => f.cpu)))} ms; of their ${fmt(sum('wall'), 0)} ms, ${fmt(sum('cpu'), 0)} on a CPU, ${fmt(sum('wait'), 0)} waiting for one, ${fmt(sum('other'), 0)} neither`
		: 'none at 16 ms or more on the wall clock';
	return `**${fmt(median(cpu))}** / ${fmt(p95(cpu))} / ${fmt(max(cpu))} ms; ${cpu.filter((c) => c >= 16).length} of ${cpu.length} at 16 ms or more (${split.length - sampled.length} frames not sampled within ${fmt(TICK_MS, 0)} ms left out); bound: ${fmt(max(upper))} ms, ${upper.filter((c) => c >= 16).length} with a bound of 16 ms or more; ${slowText}`;
}

const spinText = (c) =>
	c
		? `; a ${SPIN_MS} ms busy loop in the page before: ${fmt(c.cpu, 0)} ms on a CPU, ${fmt(c.wait, 0)} waiting for one`
		: '';

/**
 * Each scroll position's least work over the sweeps. The sweeps step through the same positions
 * and render the same rows at each, so the least of the sweeps is the work that position takes;
 * what the machine adds to one sweep's frame (a core taken away, another thread first) is not in
 * the others'. The figure for "each frame under 16 ms" that the machine cannot blur.
 */
function perPosition(s) {
	const least = new Map();
	s.pos.forEach((p, i) => least.set(p, Math.min(least.get(p) ?? Infinity, s.work[i])));
	const v = [...least.values()];
	return `per scroll position, the least of the ${SWEEPS} sweeps: ${fmt(median(v))} / ${fmt(p95(v))} / **${fmt(max(v))}** ms, ${v.filter((w) => w >= 16).length} of ${v.length} positions at 16 ms or more`;
}

/** The fixed computation's frames: how often the machine alone makes a frame slow. */
function controlText(c) {
	if (!c) return 'n/a';
	const slow = c.work.filter((w) => w >= 16).length;
	const cpu = c.split?.filter((f) => f.gap <= TICK_MS).map((f) => f.cpu);
	const cpuPart = cpu
		? `; on a CPU ${fmt(median(cpu))} / ${fmt(p95(cpu))} / ${fmt(max(cpu))} ms (frames sampled within ${fmt(TICK_MS, 0)} ms)`
		: '';
	return `${fmt(median(c.work))} / ${fmt(p95(c.work))} / ${fmt(max(c.work))} ms; **${slow} of ${c.work.length}** at 16 ms or more${cpuPart}`;
}

function row(r) {
	const work = r.keys.map((k) => k.work);
	const painted = r.keys.map((k) => k.painted);
	const pinyin = r.keys.filter((k) => /^[a-z]+$/.test(k.query)).map((k) => k.work);
	const s = r.scroll;
	const dropped = s.deltas.filter((d) => d > FRAME * 1.5).length;
	return [
		int(r.size),
		[
			int(r.size),
			int(r.meta.interactions),
			r.meta.resumedAfter
				? `${fmt(r.meta.ms / 1000)} s (last run; resumed after ${int(r.meta.resumedAfter)} customers)`
				: `${fmt(r.meta.ms / 1000)} s`,
			`**${fmt(median(r.nav), 0)} ms** (max ${fmt(max(r.nav), 0)})`,
			`${fmt(median(r.cold), 0)} ms / ${fmt(median(r.fullLoad) / 1000)} s`,
			`**${fmt(median(work))}** / ${fmt(p95(work))} / ${fmt(max(work))} ms (pinyin median ${fmt(median(pinyin))})`,
			`${fmt(median(painted))} / ${fmt(p95(painted))} ms`,
			`${fmt(median(s.deltas))} / ${fmt(p95(s.deltas))} / ${fmt(max(s.deltas))} ms; ${dropped} of ${s.deltas.length} frames late`,
			`**${fmt(median(s.work))}** / ${fmt(p95(s.work))} / ${fmt(max(s.work))} ms; ${s.work.filter((w) => w >= 16).length} of ${s.work.length} frames at 16 ms or more; ${perPosition(s)}`,
			cpuText(s.split) + spinText(r.calibration),
			r.wheel
				? `${fmt(median(r.wheel.work))} / ${fmt(p95(r.wheel.work))} / ${fmt(max(r.wheel.work))} ms; ${r.wheel.work.filter((w) => w >= 16).length} of ${r.wheel.work.length} at 16 ms or more; on a CPU: ${cpuText(r.wheel.split)}`
				: 'n/a',
			controlText(r.control),
			`${s.long.length} (max ${fmt(max(s.long) ?? 0, 0)} ms) / ${s.loafSupported ? `${s.loaf.length} (max ${fmt(max(s.loaf) ?? 0, 0)} ms)` : 'n/a'}`,
			`${s.maxRows} (${s.created === undefined ? 'n/a' : int(s.created)} DOM insertions)`,
			`${fmt(r.heap, 0)} MB`,
			r.stamp
		].join(' | ')
	];
}

export function render({ js, results }, kept, header) {
	const rows = mergeRows(
		kept,
		0,
		results.map(row).map(([k, cells]) => [k, `| ${cells} |`])
	);
	const jsLine = js
		? `JavaScript loaded by the home page (fresh profile, empty database): ${js.files} files, ${fmt(js.rawKb)} KB raw, **${fmt(js.gzKb)} KB gzipped** (target < 100 KB: ${js.gzKb < 100 ? 'met' : '**missed**'}). Measured ${header.when}.`
		: '';
	return `## Customer list

${header.text}

${jsLine}

Data: the seeded profile shared with the home suite (bench-seed.ts): the demo generator with 10 interactions per customer on average, plus the day generator's deals, orders, tickets and feedback (about one deal per customer). The list reads only the customers table. Medians unless noted.

| customers | interactions | seed time | first rows after navigating from Home, median of ${NAV_RUNS} (target ≤ 200 ms) | cold page load: first rows / whole list in memory (median of ${COLD_RUNS}) | keystroke → results in DOM and laid out, median / p95 / max (target ≤ 20 ms) | keystroke → next frame painted, median / p95 | scroll: rAF delta median / p95 / max | scroll: main-thread work per frame (scroll event → rows laid out), median / p95 / max (target < 16 ms) | scroll: the main thread's time on a CPU in those frames, median / p95 / max (from /proc) | scroll at wheel speed (150 px a frame): work per frame, median / p95 / max; the main thread's time on a CPU in them | the machine alone: a fixed computation per frame as long as the sweeps' median, as many frames: wall median / p95 / max; on a CPU median / p95 / max | long tasks / long animation frames while scrolling | rows in DOM while scrolling (DOM insertions during the whole scroll) | JS heap after GC | measured (UTC, 1-min load) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

How each figure is taken:
- *first rows after navigating*: with the app open on Home, \`click()\` on the "Customers" link, then wait (checking every animation frame) for the first grid cell, plus one more frame so that it is painted.
- *cold page load*: \`page.goto('/customers')\` until the first grid cell exists (the first page of 200 rows read from IndexedDB), then until every customer is in memory (the app's \`rapport:customers-load\` performance measure).
- *keystroke*: queries ${QUERIES.map((q) => `"${q}"`).join(', ')} typed one character at a time (setting the value and dispatching \`input\`). *In DOM and laid out* is from the event to Svelte's update flushed (two microtasks) and a forced layout (reading \`offsetHeight\`): the work the keystroke costs. *Next frame painted* adds the wait for the next animation frame and a task, so it includes up to one 16.7 ms vsync interval of waiting; it is what a person sees, not what the code costs. *Pinyin* is the median over the latin queries (zs, zhang, zhangsan, wang, li na, vip), which match pinyin keys.
- *scroll*: the grid is scrolled top to bottom in about 600 steps, one per animation frame, ${SWEEPS} times; the figures pool the frames of the ${SWEEPS} sweeps (about ${SWEEPS * 600} frames). The DOM insertions are counted by a MutationObserver in one more sweep, which is not timed (the observer's own work would be). Headless Chromium runs requestAnimationFrame on a 60 Hz clock, so a rAF delta of 16.7 ms means every frame was made and cannot go lower; a frame is counted *late* when its delta exceeds 25 ms (one missed vsync). The *main-thread work per frame* is what the 16 ms target is about: from the grid's scroll event to the new rows rendered and laid out in the next animation frame callback (painting and compositing run after it and are not included). Every sweep steps through the same scroll positions and renders the same rows at each, so *per scroll position, the least of the sweeps* is the work each position takes, without what the machine added to one sweep's frame; its maximum is the slowest frame of the list. Long tasks and long animation frames are entries of over 50 ms reported by PerformanceObserver ('longtask', 'long-animation-frame').
- *time on a CPU*: while the timed sweeps run, the bench process reads the renderer main thread's \`/proc/<pid>/task/<tid>/schedstat\` about every 2 ms (time on a CPU, time runnable but waiting for a CPU, both in ns) and splits each frame's wall time, interpolated at its ends (good to a few ms: the kernel adds a running thread's CPU time at each scheduler tick, ${TICK_MS} ms here): on a CPU, waiting for a CPU (the machine has 2 cores; Chromium's other threads, V8's GC helpers and other processes compete for them), and neither (the kernel accounts time the host took the virtual CPU away, steal, as neither; or the thread blocked). The work per frame above is wall time and includes the waits; this is what the frame's code cost the thread. The CPU figures leave out frames whose ends were not both sampled within a tick (the sampler waits for a core too; when it stalls, the time of the frames around the gap is spread over the frame). The *bound* is the most CPU time a frame can have had despite the tick: the counter read at least one tick after the frame's end minus the one read before its start; it also counts the painting that follows the frame, so it is a ceiling, not a figure. The wheel-speed frames are split the same way.
- *the machine alone*: after the sweeps, in the same page, ${SWEEPS * 600} animation frames that each run the same fixed computation (integer arithmetic, no allocation, no DOM), sized in the page to take the sweeps' median work, while an element over the grid is repainted every frame (so the compositors work as in a sweep). Every frame does the same work, so its frames at 16 ms or more are what this machine does to a frame of that size; the sweeps' count is to be read against it.
- *scroll at wheel speed*: from 30% of the list, 150 px (about three rows) per animation frame for 600 frames, the same work per frame measured: what reading down the list costs, where the sweep above shows other rows in every frame.
- *seed time*: bulkAdd of 10,000 customers (and their ~100,000 interactions) per transaction through the \`?bench\` page hook, the next batch generated while the previous one commits; measured once when the profile was seeded (profiles are reused across runs, see README).
- *JS heap*: \`Runtime.getHeapUsage\` on the list page after a forced garbage collection, with every customer in memory.`;
}

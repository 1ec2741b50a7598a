// Benchmarks the built app in real Chromium with generated data and writes bench/RESULTS.md.
// Usage: npm run bench (builds into build-bench/ first, so rebuilding build/ cannot pull the
// assets from under a running benchmark). Sizes: BENCH_SIZES=10000,100000.
// Figures are measured, never asserted: see README.md in this folder for what each one means.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4273);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const INTERACTIONS_PER_CUSTOMER = 10;
const RUNS = 7;
// The same flags as playwright.config.ts: Debian's Chromium on a closed network.
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
};
const p95 = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
};
const fmt = (n, digits = 1) => (n === undefined ? 'n/a' : n.toFixed(digits));

const BUILD_DIR = 'build-bench';

function build() {
	execFileSync('npx', ['vite', 'build'], {
		cwd: root,
		stdio: 'ignore',
		env: { ...process.env, RAPPORT_BUILD_DIR: BUILD_DIR, RAPPORT_KIT_DIR: '.svelte-kit-bench' }
	});
}

async function serve() {
	const server = spawn(
		path.join(root, 'node_modules', '.bin', 'sirv'),
		[BUILD_DIR, '--single', '--port', String(PORT), '--host', '127.0.0.1', '--quiet'],
		{ cwd: root, stdio: 'ignore' }
	);
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(BASE)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error('static server did not start');
}

async function launch() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ARGS,
		viewport: { width: 1280, height: 800 },
		locale: 'zh-CN'
	});
	return { context, dir };
}

/** JS the first page loads, gzipped as a server would send it. */
async function firstLoadJs() {
	const { context, dir } = await launch();
	const page = await context.newPage();
	const scripts = new Map();
	page.on('response', async (res) => {
		const url = res.url();
		if (url.endsWith('.js')) scripts.set(url, await res.body().catch(() => Buffer.alloc(0)));
	});
	await page.goto(BASE + '/');
	await page.waitForLoadState('networkidle');
	let raw = 0;
	let gz = 0;
	for (const body of scripts.values()) {
		raw += body.length;
		gz += gzipSync(body, { level: 9 }).length;
	}
	await context.close();
	rmSync(dir, { recursive: true, force: true });
	return { files: scripts.size, rawKb: raw / 1024, gzKb: gz / 1024 };
}

async function measure(size) {
	const { context, dir } = await launch();
	const page = await context.newPage();
	await page.goto(BASE + '/?bench');
	await page.waitForFunction(() => '__rapportBench' in window);
	const seeded = await page.evaluate(
		([n, per]) => window.__rapportBench.seed(n, per),
		[size, INTERACTIONS_PER_CUSTOMER]
	);

	// Cold: a fresh page load straight to the list. The first rows paint from the first page
	// read; the whole list is in memory when the 'rapport:customers-load' measure exists.
	const cold = [];
	const fullLoad = [];
	const loaded = () => performance.getEntriesByName('rapport:customers-load').length > 0;
	for (let i = 0; i < 3; i++) {
		const t0 = Date.now();
		await page.goto(BASE + '/customers');
		await page.locator('[role=grid] [role=gridcell]').first().waitFor({ timeout: 120_000 });
		cold.push(Date.now() - t0);
		await page.waitForFunction(loaded, null, { timeout: 300_000 });
		fullLoad.push(
			await page.evaluate(() => performance.getEntriesByName('rapport:customers-load')[0].duration)
		);
	}

	// Navigating to the list from Home once the app is open (the list is already in memory).
	const nav = [];
	for (let i = 0; i < RUNS; i++) {
		await page.goto(BASE + '/');
		await page.waitForFunction(() => document.querySelector('[data-testid=customer-count]'), null, {
			timeout: 300_000
		});
		nav.push(
			await page.evaluate(
				() =>
					new Promise((done) => {
						const t0 = performance.now();
						document.querySelector('a[href="/customers"]').click();
						const check = () => {
							if (document.querySelector('[role=grid] [role=gridcell]'))
								requestAnimationFrame(() => done(performance.now() - t0));
							else requestAnimationFrame(check);
						};
						check();
					})
			)
		);
	}

	// Keystroke to painted results, typing queries one character at a time.
	const box = page.getByRole('searchbox');
	const keystrokes = await page.evaluate(async () => {
		const input = document.querySelector('input[type=search]');
		const times = [];
		for (const query of ['zs', 'zhang', 'wang', '138', '北京', 'li na', 'vip']) {
			for (let i = 1; i <= query.length; i++) {
				const t0 = performance.now();
				input.value = query.slice(0, i);
				input.dispatchEvent(new Event('input', { bubbles: true }));
				await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
				times.push(performance.now() - t0);
			}
			input.value = '';
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
		}
		return times;
	});
	await box.fill('');

	// Scroll the whole list, a page per frame; record frame times and the rows in the DOM.
	const scroll = await page.evaluate(async () => {
		const grid = document.querySelector('[role=grid]');
		const frames = [];
		let maxRows = 0;
		let last = performance.now();
		const end = grid.scrollHeight - grid.clientHeight;
		const step = Math.max(grid.clientHeight, end / 600);
		while (grid.scrollTop < end - 1) {
			grid.scrollTop = Math.min(end, grid.scrollTop + step);
			await new Promise((r) => requestAnimationFrame(r));
			const now = performance.now();
			frames.push(now - last);
			last = now;
			maxRows = Math.max(maxRows, grid.querySelectorAll('[role=row]').length);
		}
		return { frames, maxRows };
	});

	await page.goto(BASE + '/customers');
	await page.waitForFunction(loaded, null, { timeout: 300_000 });
	const heapMb = await page.evaluate(() =>
		performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : undefined
	);
	await context.close();
	rmSync(dir, { recursive: true, force: true });
	return { size, seeded, cold, fullLoad, nav, keystrokes, scroll, heapMb };
}

build();
const server = await serve();
try {
	const js = await firstLoadJs();
	const results = [];
	for (const size of SIZES) {
		console.log(`benchmarking ${size} customers…`);
		results.push(await measure(size));
	}
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
	const version = browser.version();
	await browser.close();
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const lines = [
		'# Benchmark results',
		'',
		`Measured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}.`,
		`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}; Chromium ${version} headless, --disable-gpu; Node ${process.version}.`,
		'',
		`## First page load`,
		'',
		`JavaScript loaded by the home page: ${js.files} files, ${fmt(js.rawKb)} KB raw, **${fmt(js.gzKb)} KB gzipped** (target < 100 KB).`,
		'',
		'## Customer list',
		'',
		`Data: the demo generator, ${INTERACTIONS_PER_CUSTOMER} interactions per customer on average. Medians of ${RUNS} runs unless noted.`,
		'',
		'| customers | interactions | seed time | list painted after navigating (target ≤ 200 ms) | cold load: first rows / whole list in memory | keystroke → results painted, median / p95 (target ≤ 20 ms) | scroll frame median / p95 / max (target < 16 ms) | rows in DOM while scrolling | JS heap |',
		'|---|---|---|---|---|---|---|---|---|'
	];
	for (const r of results) {
		lines.push(
			`| ${r.size.toLocaleString('en')} | ${r.seeded.interactions.toLocaleString('en')} | ${fmt(r.seeded.ms / 1000)} s | ${fmt(median(r.nav))} ms | ${fmt(median(r.cold), 0)} ms / ${fmt(median(r.fullLoad) / 1000)} s | ${fmt(median(r.keystrokes))} / ${fmt(p95(r.keystrokes))} ms | ${fmt(median(r.scroll.frames))} / ${fmt(p95(r.scroll.frames))} / ${fmt(Math.max(...r.scroll.frames))} ms | ${r.scroll.maxRows} | ${fmt(r.heapMb, 0)} MB |`
		);
	}
	lines.push(
		'',
		'How each figure is taken (bench/README.md has more):',
		'- *list painted after navigating*: on Home with the app loaded, click "Customers" and wait for the first grid cell and one more animation frame.',
		'- *cold load*: `page.goto("/customers")` in an open browser until the first grid cell exists (the first page of 200 rows), then until every row is in memory (the app’s own performance measure).',
		'- *keystroke*: set the search box value and dispatch `input`, then wait for the next frame and a task (the frame is painted).',
		'- *scroll*: scroll the grid to the end in ~600 steps, one per animation frame; frame time is the time between frames.',
		''
	);
	writeFileSync(path.join(root, 'bench', 'RESULTS.md'), lines.join('\n'));
	console.log(readFileSync(path.join(root, 'bench', 'RESULTS.md'), 'utf8'));
} finally {
	server.kill();
}

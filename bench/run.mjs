// Benchmarks the built app in real Chromium with generated data and writes bench/RESULTS.md.
// Usage: npm run bench, or e.g. BENCH_SUITES=list BENCH_SIZES=10000 npm run bench.
// Each suite rewrites only its own section of RESULTS.md and its own figures in figures.json,
// from which the targets table at the top is made. Figures are measured, never asserted: see
// README.md in this folder for the suites and what each figure means.
// `npm run bench -- --report-only` writes RESULTS.md again from what is stored, measuring nothing.
import { existsSync } from 'node:fs';
import { build, serve } from './lib/app.mjs';
import { chromiumVersion } from './lib/browser.mjs';
import { selectedSuites } from './lib/config.mjs';
import { recordFigures } from './lib/figures.mjs';
import { rowStamp, suiteHeader } from './lib/header.mjs';
import { updateSection, writeReport } from './lib/results.mjs';

if (process.argv.includes('--report-only')) {
	writeReport();
	console.log('bench/RESULTS.md written from bench/figures.json and its sections');
	process.exit(0);
}

const suites = selectedSuites();
console.log(`building into build-bench/…`);
build();
const server = await serve();
const chromium = await chromiumVersion();
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s]`, ...a);
let failed = false;
try {
	for (const name of suites) {
		if (!existsSync(new URL(`./suites/${name}.mjs`, import.meta.url))) {
			console.error(`suite ${name}: not written yet, skipped`);
			continue;
		}
		const suite = await import(`./suites/${name}.mjs`);
		const header = suiteHeader(chromium);
		log(`suite ${name} — ${header.text.split('\n')[1]}`);
		try {
			const result = await suite.run({ log, stamp: rowStamp });
			recordFigures(name, suite.figures(result), header.when);
			const body = updateSection(name, (kept) => suite.render(result, kept, header));
			console.log(`\n${body}\n`);
		} catch (e) {
			// One suite failing must not lose the others' figures: its section is left as it was.
			failed = true;
			console.error(`suite ${name} failed:`, e);
		}
	}
} finally {
	server.kill();
}
process.exitCode = failed ? 1 : 0;

// What to run and where, from the environment. See ../README.md for every variable.
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const PORT = Number(process.env.BENCH_PORT ?? 4273);
export const BASE = `http://127.0.0.1:${PORT}`;
// Its own build and kit dirs, so rebuilding build/ cannot pull assets from under a running bench.
export const BUILD_DIR = 'build-bench';
export const KIT_DIR = '.svelte-kit-bench';
export const ALL_SUITES = [
	'list',
	'home',
	'team',
	'rhythm',
	'import',
	'snapshot',
	'restore',
	'delta',
	'batch',
	'storage'
];

const list = (v) =>
	v
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** BENCH_SUITES=list,home,import,snapshot (default: all, in that order). */
export function selectedSuites() {
	const names = list(process.env.BENCH_SUITES ?? ALL_SUITES.join(','));
	for (const n of names) if (!ALL_SUITES.includes(n)) throw new Error(`unknown suite: ${n}`);
	return names;
}

/**
 * Sizes for one suite: BENCH_<SUITE>_SIZES, else BENCH_SIZES, else the suite's default.
 * Customers for list/home/snapshot, CSV rows for import.
 */
export function sizesFor(suite, defaults) {
	const raw = process.env[`BENCH_${suite.toUpperCase()}_SIZES`] ?? process.env.BENCH_SIZES;
	return raw ? list(raw).map(Number) : defaults;
}

// The storage floor: how fast this browser's IndexedDB itself writes and reads records shaped
// like Rapport's, with no app code in between. The import and snapshot targets are mostly
// IndexedDB writes, so this is the speed they cannot beat (see the notes under those sections).
import { launch } from '../lib/browser.mjs';
import { BASE, sizesFor } from '../lib/config.mjs';
import { mergeRows } from '../lib/results.mjs';
import { int, median } from '../lib/stats.mjs';
import { layoutAB } from './layout-probes.mjs';
import { storageFloor } from './storage-probes.mjs';

// Fewer runs (BENCH_STORAGE_RUNS) when the machine is too busy for three.
const RUNS = Number(process.env.BENCH_STORAGE_RUNS ?? 3);
// Records per IndexedDB value tried by the packed layout (BENCH_LAYOUT_CHUNKS; none: not tried).
const CHUNKS = (process.env.BENCH_LAYOUT_CHUNKS ?? '100,1000')
	.split(',')
	.map(Number)
	.filter((c) => c > 1);
const LOOKUPS = Number(process.env.BENCH_LAYOUT_LOOKUPS ?? 200);

export async function run({ log, stamp }) {
	const results = [];
	for (const n of sizesFor('storage', [20_000])) {
		const { context, close } = await launch();
		try {
			const page = await context.newPage();
			// The app's own schema gives the stores' indexes, so the floor follows the schema.
			await page.goto(BASE + '/?bench');
			await page.waitForFunction(() => window.__rapportBench?.stores, null, { timeout: 60_000 });
			const stores = await page.evaluate(() =>
				window.__rapportBench.stores(['customers', 'interactions'])
			);
			const runs = [];
			const layouts = [];
			// The floor and the layouts interleaved, so that both see the same load.
			for (let i = 0; i < RUNS; i++) {
				runs.push(await page.evaluate(storageFloor, { n, withMeta: true, stores }));
				log(`storage ${n}`, JSON.stringify(runs.at(-1)));
				if (!CHUNKS.length) continue;
				layouts.push(
					await page.evaluate(layoutAB, { n, chunks: CHUNKS, stores, lookups: LOOKUPS })
				);
				log(`layouts ${n}`, JSON.stringify(layouts.at(-1)));
			}
			const indexes = Object.fromEntries(stores.map((s) => [s.name, s.indexes.length]));
			results.push({ n, runs, layouts, indexes, stamp: stamp() });
		} finally {
			await close();
		}
	}
	return results;
}

const per = (runs, store, key) => median(runs.map((r) => r[store][key]));

/** The floor's rates, the anchors of the import and snapshot targets (bench/lib/targets.mjs). */
export const figures = (results) =>
	results.flatMap((r) => [
		...['plain', 'customers', 'interactions'].flatMap((store) => [
			{ name: `${store}WritePerS`, size: r.n, value: per(r.runs, store, 'writePerS') },
			{ name: `${store}ReadPerS`, size: r.n, value: per(r.runs, store, 'readPerS') }
		]),
		...layoutKeys(r).flatMap(([store, size]) => [
			{
				name: `${store}${size}WritePerS`,
				size: r.n,
				value: layoutMedian(r, store, size, 'writePerS')
			},
			{
				name: `${store}${size}ReadPerS`,
				size: r.n,
				value: layoutMedian(r, store, size, 'readPerS')
			}
		])
	]);

/** [store, records per value] of every layout measured in `r`. */
const layoutKeys = (r) =>
	r.layouts?.length
		? Object.entries(r.layouts[0]).flatMap(([store, bySize]) =>
				Object.keys(bySize).map((size) => [store, Number(size)])
			)
		: [];

const layoutMedian = (r, store, size, key) =>
	median(r.layouts.map((l) => l[store][size][key]).filter((v) => v !== undefined));

function layoutRows(r) {
	const ms = (v) => (v === undefined ? '—' : `${v.toFixed(2)} ms`);
	return layoutKeys(r).map(([store, size]) => {
		const m = (key) => layoutMedian(r, store, size, key);
		const base = (key) => layoutMedian(r, store, 1, key);
		const times = (key) => `${(m(key) / base(key)).toFixed(2)}×`;
		const first = `${int(r.n)} ${store}, ${size === 1 ? 'one per value' : `${int(size)} per value`}`;
		// Keyed by the first cell, as the kept rows are (bench/lib/results.mjs).
		return [
			first,
			`| ${[
				first,
				`${int(m('writePerS'))} (${times('writePerS')})`,
				`${int(m('readPerS'))} (${times('readPerS')})`,
				ms(m('byIdMs')),
				ms(m('byCustomerMs')),
				`${int(m('updatePerS'))} (${times('updatePerS')})`,
				r.stamp
			].join(' | ')} |`
		];
	});
}

export function render(results, kept, header) {
	const rows = mergeRows(
		kept,
		0,
		results.map((r) => [
			int(r.n),
			`| ${[
				int(r.n),
				...['plain', 'customers', 'interactions'].map(
					(s) => `${int(per(r.runs, s, 'writePerS'))} / ${int(per(r.runs, s, 'readPerS'))}`
				),
				r.stamp
			].join(' | ')} |`
		])
	);
	const layouts = mergeRows(kept, 1, results.flatMap(layoutRows));
	const indexes = results.at(-1)?.indexes;
	const counts = indexes
		? ` (customers ${indexes.customers}, interactions ${indexes.interactions})`
		: '';
	return `## storage floor: raw IndexedDB in this Chromium (no Dexie, no app code)

${header.text}

Records written in one transaction per store (\`add\` each, then \`oncomplete\`), then read back with one \`getAll\`; median of ${RUNS} run${RUNS === 1 ? '' : 's'} in a fresh profile. *plain*: \`{ id, k }\` with no index; *customers* and *interactions*: records shaped like Rapport's (per-field stamps in \`_meta\`, the change number \`_chg\`) in stores with the indexes of the app's schema at the commit measured${counts}.

| records per store | plain: written / read per s | customers: written / read per s | interactions: written / read per s | measured (UTC, 1-min load) |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

### The same records packed many per value (issue 20's A/B)

The same customer- and interaction-shaped records (about ten interactions a customer, spread over the writes as days of work spread them), written in one transaction per store and layout, in turn in the same page, interleaved with the floor's runs above; medians of ${RUNS} run${RUNS === 1 ? '' : 's'}. *One per value*: stores with the app's indexes, as above. *N per value*: chunks keyed by chunk id, each with the indexes a packed layout needs for the app's reads: its records' ids (multiEntry, unique: find a record to edit or merge), its greatest change number (files of changes) and, for interactions, its customers' ids (multiEntry: a customer's interactions). Written / read: records a second (× one per value). *By id*: one record read in a transaction of its own (${LOOKUPS} lookups); *by customer*: a customer's interactions, likewise; *updated*: ${LOOKUPS} scattered records each read and written back (its whole chunk, when packed) in one transaction, records a second, as a merge or a file of changes writes them.

| records, layout | written per s | read per s (getAll, unpacked) | by id, each | by customer, each | updated per s | measured (UTC, 1-min load) |
| --- | --- | --- | --- | --- | --- | --- |
${layouts.join('\n')}
`;
}

// The storage floor: how fast this browser's IndexedDB itself writes and reads records shaped
// like Rapport's, with no app code in between. The import and snapshot targets are mostly
// IndexedDB writes, so this is the speed they cannot beat (see the notes under those sections).
import { launch } from '../lib/browser.mjs';
import { BASE, sizesFor } from '../lib/config.mjs';
import { mergeRows } from '../lib/results.mjs';
import { int, median } from '../lib/stats.mjs';
import { storageFloor } from './storage-probes.mjs';

const RUNS = 3;

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
			for (let i = 0; i < RUNS; i++)
				runs.push(await page.evaluate(storageFloor, { n, withMeta: true, stores }));
			log(`storage ${n}`, JSON.stringify(runs.at(-1)));
			const indexes = Object.fromEntries(stores.map((s) => [s.name, s.indexes.length]));
			results.push({ n, runs, indexes, stamp: stamp() });
		} finally {
			await close();
		}
	}
	return results;
}

const per = (runs, store, key) => median(runs.map((r) => r[store][key]));

/** The floor's rates, the anchors of the import and snapshot targets (bench/lib/targets.mjs). */
export const figures = (results) =>
	results.flatMap((r) =>
		['plain', 'customers', 'interactions'].flatMap((store) => [
			{ name: `${store}WritePerS`, size: r.n, value: per(r.runs, store, 'writePerS') },
			{ name: `${store}ReadPerS`, size: r.n, value: per(r.runs, store, 'readPerS') }
		])
	);

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
	const indexes = results.at(-1)?.indexes;
	const counts = indexes
		? ` (customers ${indexes.customers}, interactions ${indexes.interactions})`
		: '';
	return `## storage floor: raw IndexedDB in this Chromium (no Dexie, no app code)

${header.text}

Records written in one transaction per store (\`add\` each, then \`oncomplete\`), then read back with one \`getAll\`; median of ${RUNS} runs in a fresh profile. *plain*: \`{ id, k }\` with no index; *customers* and *interactions*: records shaped like Rapport's (per-field stamps in \`_meta\`, the change number \`_chg\`) in stores with the indexes of the app's schema at the commit measured${counts}.

| records per store | plain: written / read per s | customers: written / read per s | interactions: written / read per s | measured (UTC, 1-min load) |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}

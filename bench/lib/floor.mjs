// The same-run floor in the bulk paths' suites: how many runs, and their tables' cell and notes
// (the floor itself: suites/floor-probes.mjs).
import { fmt, int, median } from './stats.mjs';

/** Runs of the floor after a bulk path: its own values written again, raw (median taken). */
export const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 2);

/** How the floor's figure is taken, for each suite's notes under its table. */
export const floorRunsText = `median of ${FLOOR_RUNS} run${FLOOR_RUNS === 1 ? '' : 's'} (bench/suites/floor-probes.mjs)`;

/** "1,000 customers, 9,000 interactions": the records the floor wrote, per store. */
export const floorRecords = (floor) =>
	Object.entries(floor.records)
		.map(([store, n]) => `${int(n)} ${store}`)
		.join(', ');

/**
 * The floor's time for a path's values and the path's rate as a share of it: `what` (the path,
 * e.g. "apply") took `pathMs` for what the floor wrote in its median run.
 */
export function floorCell(floor, pathMs, what) {
	if (!floor) return 'not measured';
	const ms = median(floor.ms);
	return `${fmt(ms / 1000, 2)} s for ${floorRecords(floor)}: ${what} at **${fmt((100 * ms) / pathMs, 0)}%** of the floor`;
}

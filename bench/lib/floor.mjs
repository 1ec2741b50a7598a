// The same-run floor's cell in the bulk paths' tables (the floor itself: suites/floor-probes.mjs).
import { fmt, int, median } from './stats.mjs';

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

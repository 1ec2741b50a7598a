import { DAY_MS } from '../shared/dates';
import type { Interaction } from './interaction';

/** Whole days elapsed since `at`, never negative; null when never contacted. */
export function daysSince(at: number | null, now: number): number | null {
	if (at === null) return null;
	return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** "Last contacted": the latest interaction not in the trash, or null if none. */
export function lastContactOf(interactions: readonly Pick<Interaction, 'at' | 'trashedAt'>[]) {
	let last: number | null = null;
	for (const i of interactions)
		if (i.trashedAt === null && (last === null || i.at > last)) last = i.at;
	return last;
}

/**
 * Which of a sender's changes a receiver holds. Every device numbers its own writes with a local
 * change counter (db/change-counter-middleware.ts), and a file of changes says which run of
 * those numbers it carries: a delta the numbers after the last file sent to that recipient, a full file everything
 * up to its last number. The receiver keeps, per sender device and scope, the runs it applied;
 * the holes between them are the files it is missing.
 *
 * A run is half-open, (after, upTo]: the changes numbered after + 1 … upTo. Coverage is a list of
 * runs, sorted, disjoint and not touching (two runs that meet are one), so two receivers that
 * applied the same files in any order, with repeats, hold equal coverage.
 */

export interface ChangeRange {
	readonly after: number;
	readonly upTo: number;
}

export type Coverage = readonly ChangeRange[];

export const NO_COVERAGE: Coverage = [];

/** A run a file can claim: whole numbers, 0 ≤ after < upTo. */
export function isChangeRange(r: unknown): r is ChangeRange {
	if (typeof r !== 'object' || r === null) return false;
	const { after, upTo } = r as Record<string, unknown>;
	return (
		Number.isSafeInteger(after) &&
		Number.isSafeInteger(upTo) &&
		(after as number) >= 0 &&
		(after as number) < (upTo as number)
	);
}

/** The run a full file covers: every change up to its last number. */
export function fullRange(upTo: number): ChangeRange {
	return { after: 0, upTo };
}

/** Coverage with `r` added: the union of the two, normalised. */
export function cover(c: Coverage, r: ChangeRange): Coverage {
	if (r.upTo <= r.after) return c;
	const out: ChangeRange[] = [];
	let after = r.after;
	let upTo = r.upTo;
	let placed = false;
	for (const run of c) {
		if (run.upTo < after) out.push(run);
		else if (run.after > upTo) {
			if (!placed) out.push({ after, upTo });
			placed = true;
			out.push(run);
		} else {
			after = Math.min(after, run.after);
			upTo = Math.max(upTo, run.upTo);
		}
	}
	if (!placed) out.push({ after, upTo });
	return out;
}

/** Coverage of several runs, in any order. */
export function coverAll(c: Coverage, runs: Iterable<ChangeRange>): Coverage {
	let out = c;
	for (const r of runs) out = cover(out, r);
	return out;
}

/** The greatest change number held, 0 when none. */
export function highest(c: Coverage): number {
	return c.at(-1)?.upTo ?? 0;
}

/**
 * The runs missing below the highest number held: the files to ask for. Changes after the
 * highest are not missing, only not sent yet.
 */
export function gaps(c: Coverage): ChangeRange[] {
	const out: ChangeRange[] = [];
	let at = 0;
	for (const run of c) {
		if (run.after > at) out.push({ after: at, upTo: run.after });
		at = run.upTo;
	}
	return out;
}

/** Whether every change of `r` is held. */
export function covers(c: Coverage, r: ChangeRange): boolean {
	return c.some((run) => run.after <= r.after && r.upTo <= run.upTo);
}

/**
 * Whether a file starting at `after` comes after a hole, i.e. applying it leaves changes
 * missing. The file still applies (nothing it carries depends on the hole to be stored), but
 * the hole is listed until a file covering it arrives.
 */
export function leavesGap(c: Coverage, r: ChangeRange): boolean {
	return gaps(cover(c, r)).length > 0;
}

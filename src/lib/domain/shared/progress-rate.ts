/** How fast a long task goes, as a progress line shows it ("1,200 rows/s, about 8 s left"). */
export interface ProgressRate {
	/** Items per second so far, rounded. */
	perSecond: number;
	/** Seconds left at that pace, rounded up. */
	secondsLeft: number;
}

/** The pace of `done` of `total` items after `elapsedMs`; null before the first item. */
export function progressRate(done: number, total: number, elapsedMs: number): ProgressRate | null {
	if (!(done > 0)) return null;
	const perSecond = done / Math.max(elapsedMs / 1000, 0.001);
	return {
		perSecond: Math.round(perSecond),
		secondsLeft: Math.ceil(Math.max(total - done, 0) / Math.max(perSecond, 1))
	};
}

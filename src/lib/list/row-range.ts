/**
 * Which rows a virtual list renders: those in view, plus a few beyond each edge ("overscan") so
 * that a wheel or keyboard step shows rows already made while the main thread catches up with
 * the compositor's scroll. Rows of one fixed height; positions in pixels from the body's top.
 */

export interface RowRangeInput {
	/** Pixels of the body scrolled out of view above. */
	top: number;
	/** Height of the part of the body in view. */
	viewport: number;
	rowHeight: number;
	count: number;
	/** Rows rendered beyond each edge. */
	overscan: number;
}

/**
 * Rows first (inclusive) to last (exclusive) in view, widened by the overscan, within 0..count;
 * always the same number of rows for one viewport, except at the ends of the list.
 */
export function rowRange({ top, viewport, rowHeight, count, overscan }: RowRangeInput): {
	first: number;
	last: number;
} {
	const topRow = Math.floor(top / rowHeight);
	// Scrolled past the end is possible for a moment when the list shrinks (a new search).
	const first = Math.min(count, Math.max(0, topRow - overscan));
	// As many rows at every offset: the most that can be in view at once (one more than fit when
	// the top row is cut). Counted from the offset, the rows in view go one more, one fewer as a
	// scroll moves on, and each time a row element would be thrown away and made again.
	const last = Math.min(count, topRow + Math.ceil(viewport / rowHeight) + 1 + overscan);
	return { first, last: Math.max(first, last) };
}

/**
 * Whether a scroll step went farther than the overscan reaches. Then the rows made beyond the
 * edges would never have been seen: the next step (scrolling keeps its speed from one frame to
 * the next) passes them too. A list dragged by its scrollbar through 100,000 rows shows other
 * rows every frame; not making those rows is less work in each of its frames (bench/RESULTS.md).
 */
export function isFastStep(from: number, to: number, overscan: number, rowHeight: number): boolean {
	return Math.abs(to - from) > overscan * rowHeight;
}

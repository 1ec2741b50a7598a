/**
 * Runs `fn` when the browser is idle (at the latest after `timeoutMs`), for work that must not
 * delay the first paint of a page. Returns a cancel function for onMount's clean-up.
 */
export function whenIdle(fn: () => void, timeoutMs = 500): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(fn, { timeout: timeoutMs });
		return () => cancelIdleCallback(id);
	}
	// Safari has no requestIdleCallback: a short timeout still lets the first frame paint.
	const id = setTimeout(fn, 50);
	return () => clearTimeout(id);
}

/**
 * Runs `fn` once the next frame has been painted: what a page shows first is on screen before
 * the parts that can wait are built. Returns a cancel function for an effect's clean-up.
 */
export function afterPaint(fn: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => {
		// A task queued from a frame's callback runs after that frame is painted.
		timer = setTimeout(fn, 0);
	});
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

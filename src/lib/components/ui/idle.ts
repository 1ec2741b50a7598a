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

/** Minutes east of UTC of the browser's zone at a moment, as the pure period rules take it. */
export function localOffset(at = Date.now()): number {
	return -new Date(at).getTimezoneOffset();
}

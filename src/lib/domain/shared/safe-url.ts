/**
 * Every link built from stored data goes through here. Imported files and teammates' snapshots
 * are untrusted: a "website" of `javascript:alert(1)` must never become a clickable link.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The URL if its scheme is allowed and it parses, else null (the caller shows plain text). */
export function safeHref(raw: string): string | null {
	const s = raw.trim();
	// Control characters and whitespace inside a scheme are how filters get bypassed (java\tscript:).
	// eslint-disable-next-line no-control-regex
	if (!s || /[\u0000-\u001f\u007f]/.test(s)) return null;
	let url: URL;
	try {
		url = new URL(s);
	} catch {
		return null;
	}
	if (!ALLOWED.has(url.protocol)) return null;
	if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
	return url.href;
}

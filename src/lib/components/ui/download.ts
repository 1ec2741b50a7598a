/** Offers bytes or text to the user as a file download (no server: a Blob URL and a click). */
export function downloadFile(
	name: string,
	parts: readonly (string | Uint8Array)[],
	type: string
): void {
	// TypeScript 5.9 types Uint8Array over ArrayBufferLike, which BlobPart does not accept; the
	// bytes come from our own encoders (never a SharedArrayBuffer).
	const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked later: Chromium starts reading the URL after the click returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

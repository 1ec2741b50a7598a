/**
 * A UTF-8 validator that reports WHERE bytes go wrong, which TextDecoder cannot: sniffing
 * needs the offset of a stray byte to ask the person, and decoding needs it for the error.
 */

export interface Utf8Scan {
	/** Byte offsets of the first byte of each invalid sequence (at most `limit` of them). */
	invalid: number[];
	/** How many invalid sequences there are in all. */
	invalidCount: number;
	/** How many valid multi-byte sequences were seen (evidence that the text is UTF-8). */
	multibyte: number;
	/** True when the bytes end inside a sequence (a sample cut mid-character). */
	truncated: boolean;
}

/** Length of a valid sequence starting at i, 0 if invalid, -1 if cut off by the end. */
function sequenceLength(b: Uint8Array, i: number): number {
	const c = b[i] ?? 0;
	if (c < 0x80) return 1;
	let need: number;
	let min = 0x80;
	let max = 0xbf;
	if (c >= 0xc2 && c <= 0xdf) need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		if (c === 0xe0) min = 0xa0;
		if (c === 0xed) max = 0x9f; // no UTF-16 surrogates
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		if (c === 0xf0) min = 0x90;
		if (c === 0xf4) max = 0x8f;
	} else return 0;
	for (let k = 1; k <= need; k++) {
		if (i + k >= b.length) return -1;
		const t = b[i + k] ?? 0;
		const lo = k === 1 ? min : 0x80;
		const hi = k === 1 ? max : 0xbf;
		if (t < lo || t > hi) return 0;
	}
	return need + 1;
}

export function scanUtf8(bytes: Uint8Array, limit = 64): Utf8Scan {
	const invalid: number[] = [];
	let invalidCount = 0;
	let multibyte = 0;
	let i = 0;
	while (i < bytes.length) {
		if ((bytes[i] ?? 0) < 0x80) {
			i++;
			continue;
		}
		const n = sequenceLength(bytes, i);
		if (n === -1) return { invalid, invalidCount, multibyte, truncated: true };
		if (n === 0) {
			invalidCount++;
			if (invalid.length < limit) invalid.push(i);
			i++;
			continue;
		}
		multibyte++;
		i += n;
	}
	return { invalid, invalidCount, multibyte, truncated: false };
}

/** Offset of the first invalid byte, or -1; a sequence cut off by the end counts as invalid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	const scan = scanUtf8(bytes, 1);
	if (scan.invalid[0] !== undefined) return scan.invalid[0];
	if (!scan.truncated) return -1;
	let i = bytes.length - 1;
	while (i > 0 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i--;
	return i;
}

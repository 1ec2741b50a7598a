/**
 * Which encoding a file's first bytes are in, or which encodings to ask the person about.
 *
 * - A byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without one shows as a NUL in every
 *   other byte of ASCII-heavy text.
 * - Valid UTF-8 is UTF-8: legacy Chinese text is almost never valid UTF-8 by chance. Otherwise
 *   valid UTF-8 with a few stray bytes is asked about (UTF-8, or the best legacy reading).
 * - Otherwise the bytes are read as GB18030 and as Big5, and each reading is scored by the share
 *   of its characters that are common Chinese characters (common-han.ts) or CJK punctuation:
 *   real text scores high in its own encoding and low in the other, whose bytes fall on nearly
 *   random characters. A reading is plausible from PLAUSIBLE up. Exactly one plausible reading is
 *   used; two are asked about (short files whose few characters read well either way); none
 *   means the file is not Chinese: Windows-1252 is asked about beside the better Chinese reading,
 *   never used silently (a Latin-1 file is read as garbage by any other single-byte code page).
 */
import { isCommonHan } from './common-han';
import type { CsvEncoding } from './decode';
import { scanUtf8 } from './utf8';

export type EncodingGuess =
	| { ok: true; encoding: CsvEncoding }
	| { ok: false; byteOffset: number; candidates: CsvEncoding[] };

export type ChineseEncoding = 'gb18030' | 'big5';

/**
 * The least share of common characters a Chinese reading needs to be plausible. The samples in
 * the tests score 0.9 and more in their own encoding and about 0.1 in the other.
 */
export const PLAUSIBLE = 0.5;

const BOMS: readonly { sig: readonly number[]; encoding: CsvEncoding }[] = [
	{ sig: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
	{ sig: [0xff, 0xfe], encoding: 'utf-16le' },
	{ sig: [0xfe, 0xff], encoding: 'utf-16be' }
];

/** The byte-order mark the bytes start with, if any. */
export function bomOf(b: Uint8Array): { encoding: CsvEncoding; length: number } | null {
	const m = BOMS.find((x) => x.sig.every((v, i) => b[i] === v));
	return m ? { encoding: m.encoding, length: m.sig.length } : null;
}

/** UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. */
export function guessUtf16(b: Uint8Array): CsvEncoding | null {
	const pairs = Math.floor(b.length / 2);
	if (pairs < 2) return null;
	let even = 0;
	let odd = 0;
	for (let i = 0; i + 1 < b.length; i += 2) {
		if (b[i] === 0) even++;
		if (b[i + 1] === 0) odd++;
	}
	if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
	if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
	return null;
}

const isCjkPunctuation = (cp: number): boolean =>
	(cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);

/**
 * The share of the non-ASCII characters of the bytes, read in `encoding`, that are common Chinese
 * characters or CJK punctuation (0 when there are none). A byte sequence the encoding cannot
 * read counts as an uncommon character.
 */
export function readingScore(b: Uint8Array, encoding: ChineseEncoding): number {
	// stream: the sample may end inside a character.
	const text = new TextDecoder(encoding).decode(b, { stream: true });
	let all = 0;
	let common = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0) ?? 0;
		if (cp < 0x80 || cp === 0xfeff) continue;
		all++;
		if (isCommonHan(ch) || isCjkPunctuation(cp)) common++;
	}
	return all === 0 ? 0 : common / all;
}

/** Share of high bytes standing alone between ASCII bytes, as Latin-1 accented letters do. */
function isolatedHighShare(b: Uint8Array): number {
	let high = 0;
	let alone = 0;
	for (let i = 0; i < b.length; i++) {
		if ((b[i] ?? 0) < 0x80) continue;
		high++;
		if ((b[i - 1] ?? 0) < 0x80 && (b[i + 1] ?? 0) < 0x80) alone++;
	}
	return high === 0 ? 0 : alone / high;
}

const firstHighByte = (b: Uint8Array): number => b.findIndex((x) => x >= 0x80);

interface Reading {
	encoding: ChineseEncoding;
	score: number;
	plausible: boolean;
}

/** The Chinese readings, best first (GB18030 first on a tie: it is by far the more common). */
function chineseReadings(b: Uint8Array): [Reading, Reading] {
	const read = (encoding: ChineseEncoding): Reading => {
		const score = readingScore(b, encoding);
		return { encoding, score, plausible: score >= PLAUSIBLE };
	};
	const gb = read('gb18030');
	const big5 = read('big5');
	return big5.score > gb.score ? [big5, gb] : [gb, big5];
}

/** For bytes without a BOM that are not UTF-16 (see the top of this file). */
export function guessEncoding(b: Uint8Array): EncodingGuess {
	const scan = scanUtf8(b);
	const firstBad = scan.invalid[0];
	if (firstBad === undefined) return { ok: true, encoding: 'utf-8' };
	const bad = scan.invalidCount;
	const [best, other] = chineseReadings(b);
	// A stray byte in text that is otherwise clearly UTF-8: ask, do not guess. The other choice
	// offered is GB18030 unless only Big5 reads well.
	if (scan.multibyte > 0 && (bad <= 3 || bad * 10 <= scan.multibyte)) {
		const legacy = best.plausible && !other.plausible ? best.encoding : 'gb18030';
		return { ok: false, byteOffset: firstBad, candidates: ['utf-8', legacy] };
	}
	if (best.plausible && !other.plausible) return { ok: true, encoding: best.encoding };
	if (best.plausible)
		return { ok: false, byteOffset: firstHighByte(b), candidates: [best.encoding, other.encoding] };
	const latinFirst = isolatedHighShare(b) >= PLAUSIBLE;
	return {
		ok: false,
		byteOffset: firstBad,
		candidates: latinFirst ? ['windows-1252', best.encoding] : [best.encoding, 'windows-1252']
	};
}

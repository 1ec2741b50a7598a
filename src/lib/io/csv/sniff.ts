/**
 * What kind of file is this? Decided from its first bytes (the caller passes up to 64 KiB):
 * refuse what is not delimited text, pick the encoding, then the delimiter. When the encoding
 * cannot be decided honestly (one stray byte in a UTF-8 file), say so with both readings
 * instead of guessing: silently garbled names are worse than a question.
 */
import type { CsvEncoding } from './decode';
import { detectDelimiter, type Delimiter } from './delimiter';
import { scanUtf8 } from './utf8';

export type SniffRefusal =
	| 'file_empty'
	| 'file_bom_only'
	| 'file_xlsx'
	| 'file_xls'
	| 'file_pdf'
	| 'file_image'
	| 'file_binary';

export interface EncodingCandidate {
	encoding: CsvEncoding;
	/** The line around the doubtful byte, read with this encoding. */
	excerpt: string;
}

export type SniffResult =
	| { ok: true; encoding: CsvEncoding; bom: boolean; delimiter: Delimiter }
	| { ok: false; code: SniffRefusal }
	| {
			ok: false;
			code: 'encoding_ambiguous';
			byteOffset: number;
			candidates: EncodingCandidate[];
	  };

export const SNIFF_BYTES = 64 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
	sig.every((x, i) => b[at + i] === x);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Containers and formats people pick by mistake in the file dialog. */
export function detectForeignFormat(b: Uint8Array): SniffRefusal | null {
	if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]))
		return 'file_xlsx';
	if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'file_xls';
	if (startsWith(b, ascii('%PDF-'))) return 'file_pdf';
	if (
		startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
		startsWith(b, [0xff, 0xd8, 0xff]) ||
		startsWith(b, ascii('GIF87a')) ||
		startsWith(b, ascii('GIF89a')) ||
		(startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8))
	)
		return 'file_image';
	return null;
}

const BOMS: readonly { sig: number[]; encoding: CsvEncoding }[] = [
	{ sig: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
	{ sig: [0xff, 0xfe], encoding: 'utf-16le' },
	{ sig: [0xfe, 0xff], encoding: 'utf-16be' }
];

/** UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. */
function guessUtf16(b: Uint8Array): CsvEncoding | null {
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

/** NULs never occur in text; other C0 controls (not tab, LF, VT, FF, CR, SUB, ESC) rarely. */
function looksBinary(b: Uint8Array): boolean {
	let controls = 0;
	for (let i = 0; i < b.length; i++) {
		const c = b[i] ?? 0;
		if (c === 0) return true;
		if (c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1a && c !== 0x1b) controls++;
	}
	return controls > b.length * 0.01;
}

function excerptAround(b: Uint8Array, at: number, encoding: CsvEncoding): string {
	let start = Math.max(0, at - 60);
	let end = Math.min(b.length, at + 60);
	for (let i = at - 1; i >= start; i--) if (b[i] === 0x0a) start = i + 1;
	for (let i = at; i < end; i++) if (b[i] === 0x0a || b[i] === 0x0d) end = i;
	return new TextDecoder(encoding).decode(b.subarray(start, end));
}

function decodesCleanly(b: Uint8Array, encoding: CsvEncoding): boolean {
	try {
		new TextDecoder(encoding, { fatal: true }).decode(b, { stream: true });
		return true;
	} catch {
		return false;
	}
}

/** Share of high bytes that pair up as GB2312-range double bytes (A1-FE, A1-FE), as Chinese does. */
function gbkPairShare(b: Uint8Array): number {
	let high = 0;
	let paired = 0;
	for (let i = 0; i < b.length; i++) {
		const c = b[i] ?? 0;
		if (c < 0x80) continue;
		high++;
		const t = b[i + 1] ?? 0;
		if (c >= 0xa1 && t >= 0xa1 && t !== 0xff) paired += 2;
		i++;
	}
	return high === 0 ? 0 : paired / (high * 2);
}

type EncodingGuess =
	| { ok: true; encoding: CsvEncoding }
	| { ok: false; byteOffset: number; candidates: CsvEncoding[] };

/** For bytes without a BOM that are not UTF-16. */
export function guessEncoding(b: Uint8Array): EncodingGuess {
	const scan = scanUtf8(b);
	const firstBad = scan.invalid[0];
	if (firstBad === undefined) return { ok: true, encoding: 'utf-8' };
	const bad = scan.invalidCount;
	// A stray byte in text that is otherwise clearly UTF-8: ask, do not guess.
	if (scan.multibyte > 0 && (bad <= 3 || bad * 10 <= scan.multibyte))
		return { ok: false, byteOffset: firstBad, candidates: ['utf-8', 'gb18030'] };
	const gbClean = decodesCleanly(b, 'gb18030');
	if (gbClean && gbkPairShare(b) >= 0.6) return { ok: true, encoding: 'gb18030' };
	return {
		ok: false,
		byteOffset: firstBad,
		candidates: gbClean ? ['gb18030', 'windows-1252'] : ['windows-1252', 'gb18030']
	};
}

export interface SniffOptions {
	/** True when `head` is the whole file (its last line is then complete). */
	complete?: boolean;
	/** Skip detection and use this encoding (after the person answered `encoding_ambiguous`). */
	encoding?: CsvEncoding;
}

const isBlankText = (s: string): boolean => s.replace(/[\s\uFEFF]/g, '') === '';

export function sniff(head: Uint8Array, options: SniffOptions = {}): SniffResult {
	if (head.length === 0) return { ok: false, code: 'file_empty' };
	const foreign = detectForeignFormat(head);
	if (foreign) return { ok: false, code: foreign };
	const bomMatch = BOMS.find((x) => startsWith(head, x.sig));
	const body = bomMatch ? head.subarray(bomMatch.sig.length) : head;
	let encoding = options.encoding ?? bomMatch?.encoding ?? guessUtf16(head);
	if (!encoding) {
		if (looksBinary(head)) return { ok: false, code: 'file_binary' };
		const guess = guessEncoding(head);
		if (!guess.ok) {
			return {
				ok: false,
				code: 'encoding_ambiguous',
				byteOffset: guess.byteOffset,
				candidates: guess.candidates.map((e) => ({
					encoding: e,
					excerpt: excerptAround(head, guess.byteOffset, e)
				}))
			};
		}
		encoding = guess.encoding;
	}
	const text = new TextDecoder(encoding).decode(body, { stream: !options.complete });
	if (isBlankText(text)) return { ok: false, code: bomMatch ? 'file_bom_only' : 'file_empty' };
	if (text.includes('\u0000')) return { ok: false, code: 'file_binary' };
	return {
		ok: true,
		encoding,
		bom: bomMatch !== undefined,
		delimiter: detectDelimiter(text, options.complete ?? false)
	};
}

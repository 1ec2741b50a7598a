/**
 * What kind of file is this? Decided from its first bytes (the caller passes up to 64 KiB):
 * refuse what is not delimited text, pick the encoding (detect-encoding.ts), then the delimiter.
 * When the encoding cannot be decided honestly (one stray byte in a UTF-8 file, a short file
 * that reads well as GB18030 and as Big5), say so with both readings instead of guessing:
 * silently garbled names are worse than a question.
 */
import type { CsvEncoding } from './decode';
import { detectDelimiter, type Delimiter } from './delimiter';
import { bomOf, guessEncoding, guessUtf16 } from './detect-encoding';

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
	/**
	 * Read with this encoding: the line around the doubtful byte of a file that is mostly UTF-8,
	 * else the first few lines with non-ASCII text (one per line).
	 */
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

/** The line around a doubtful byte, read with `encoding`. */
function excerptAround(b: Uint8Array, at: number, encoding: CsvEncoding): string {
	let start = Math.max(0, at - 60);
	let end = Math.min(b.length, at + 60);
	for (let i = at - 1; i >= start; i--) if (b[i] === 0x0a) start = i + 1;
	for (let i = at; i < end; i++) if (b[i] === 0x0a || b[i] === 0x0d) end = i;
	return new TextDecoder(encoding).decode(b.subarray(start, end));
}

/** The first few lines that hold non-ASCII bytes, read with `encoding`: what tells readings apart. */
function sampleLines(b: Uint8Array, encoding: CsvEncoding, count = 3, width = 80): string {
	const decoder = new TextDecoder(encoding);
	const lines: string[] = [];
	let start = 0;
	while (start < b.length && lines.length < count) {
		let end = b.indexOf(0x0a, start);
		if (end < 0) end = b.length;
		const line = b.subarray(start, end);
		if (line.some((x) => x >= 0x80)) {
			const text = decoder.decode(line).replace(/\r$/, '');
			lines.push(text.length > width ? `${text.slice(0, width)}…` : text);
		}
		start = end + 1;
	}
	return lines.join('\n');
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
	const bomMatch = bomOf(head);
	const body = bomMatch ? head.subarray(bomMatch.length) : head;
	let encoding = options.encoding ?? bomMatch?.encoding ?? guessUtf16(head);
	if (!encoding) {
		if (looksBinary(head)) return { ok: false, code: 'file_binary' };
		const guess = guessEncoding(head);
		if (!guess.ok) {
			const mostlyUtf8 = guess.candidates.includes('utf-8');
			return {
				ok: false,
				code: 'encoding_ambiguous',
				byteOffset: guess.byteOffset,
				candidates: guess.candidates.map((e) => ({
					encoding: e,
					excerpt: mostlyUtf8 ? excerptAround(head, guess.byteOffset, e) : sampleLines(head, e)
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
		bom: bomMatch !== null,
		delimiter: detectDelimiter(text, options.complete ?? false)
	};
}

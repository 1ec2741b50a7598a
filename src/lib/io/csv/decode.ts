/**
 * Streaming decode: bytes in, string chunks out, never the whole file as one string.
 * TextDecoder with `stream: true` carries a character cut between two chunks over to the next.
 * The BOM is dropped here, so it can never leak into the first header.
 */
import { firstInvalidUtf8 } from './utf8';

/**
 * Encodings the importer reads: Unicode, GB18030 (Simplified Chinese, GBK included) and Big5
 * (Traditional Chinese, as Windows in Taiwan and Hong Kong saves it). windows-1252 is offered
 * when a European file is not UTF-8.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export type DecodeErrorCode = 'encoding_invalid';

/** Thrown (and turned into an event by the codec) when `fatal` decoding meets a bad byte. */
export class CsvDecodeError extends Error {
	readonly code: DecodeErrorCode = 'encoding_invalid';
	constructor(readonly byteOffset: number) {
		super(`encoding_invalid at byte ${byteOffset}`);
	}
}

function isReadableStream(s: ByteSource): s is ReadableStream<Uint8Array> {
	return typeof (s as ReadableStream<Uint8Array>).getReader === 'function';
}

/** Reads a web ReadableStream with a reader (async iteration of streams is not in every browser). */
export async function* iterateBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
	if (!isReadableStream(source)) {
		yield* source;
		return;
	}
	const reader = source.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			if (value.length > 0) yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

/** Where in `chunk` (preceded by the last bytes of the previous chunk) UTF-8 first goes wrong. */
function utf8ErrorOffset(tail: Uint8Array, chunk: Uint8Array, chunkStart: number): number {
	let from = 0;
	// Start the check on a character boundary inside the carried-over tail.
	while (from < tail.length && ((tail[from] ?? 0) & 0xc0) === 0x80) from++;
	const joined = new Uint8Array(tail.length - from + chunk.length);
	joined.set(tail.subarray(from));
	joined.set(chunk, tail.length - from);
	const at = firstInvalidUtf8(joined);
	const base = chunkStart - (tail.length - from);
	return at < 0 ? chunkStart : base + at;
}

export interface DecodeOptions {
	/** Throw CsvDecodeError at the first invalid byte instead of writing U+FFFD. */
	fatal?: boolean;
}

export async function* decodeChunks(
	source: ByteSource,
	encoding: CsvEncoding,
	options: DecodeOptions = {}
): AsyncGenerator<string> {
	const fatal = options.fatal ?? false;
	const decoder = new TextDecoder(encoding, { fatal });
	let offset = 0;
	let tail: Uint8Array = new Uint8Array(0);
	// UTF-8/16 decoders drop their own BOM (only one: a second U+FEFF is text); a GB18030 BOM
	// (84 31 95 33) decodes to U+FEFF and is dropped here.
	let first = encoding === 'gb18030';
	const emit = (text: string): string => {
		if (first && text.length > 0) {
			first = false;
			if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
		}
		return text;
	};
	for await (const chunk of iterateBytes(source)) {
		let text: string;
		try {
			text = decoder.decode(chunk, { stream: true });
		} catch {
			throw new CsvDecodeError(
				encoding === 'utf-8' ? utf8ErrorOffset(tail, chunk, offset) : offset
			);
		}
		offset += chunk.length;
		tail = chunk.subarray(Math.max(0, chunk.length - 3));
		const out = emit(text);
		if (out) yield out;
	}
	let last: string;
	try {
		last = decoder.decode();
	} catch {
		// The text ended inside a character: point at its first byte.
		let at = tail.length - 1;
		while (at > 0 && ((tail[at] ?? 0) & 0xc0) === 0x80) at--;
		throw new CsvDecodeError(offset - tail.length + Math.max(0, at));
	}
	const out = emit(last);
	if (out) yield out;
}

/** Byte sources for the importer: whatever the caller has, as chunks, with the head peeked. */
import { iterateBytes } from './decode';

export type CsvInput =
	Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

const SLICE = 1 << 20;

async function* sliced(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += SLICE) yield bytes.subarray(i, i + SLICE);
}

export function totalBytes(input: CsvInput): number | null {
	if (input instanceof Uint8Array || input instanceof ArrayBuffer) return input.byteLength;
	if (input instanceof Blob) return input.size;
	return null;
}

export function chunksOf(input: CsvInput): AsyncIterable<Uint8Array> {
	if (input instanceof Uint8Array) return sliced(input);
	if (input instanceof ArrayBuffer) return sliced(new Uint8Array(input));
	if (input instanceof Blob) return iterateBytes(input.stream());
	return iterateBytes(input);
}

export interface Peeked {
	head: Uint8Array;
	/** True when the head is the whole input. */
	complete: boolean;
	/** All the bytes again, head included, without reading the input twice. */
	chunks: AsyncIterable<Uint8Array>;
}

/** Reads at least `size` bytes (or everything) and keeps them for replay. */
export async function peek(source: AsyncIterable<Uint8Array>, size: number): Promise<Peeked> {
	const it = source[Symbol.asyncIterator]();
	const buffered: Uint8Array[] = [];
	let length = 0;
	let complete = false;
	while (length < size) {
		const r = await it.next();
		if (r.done) {
			complete = true;
			break;
		}
		buffered.push(r.value);
		length += r.value.length;
	}
	const head = new Uint8Array(Math.min(length, size));
	let at = 0;
	for (const b of buffered) {
		if (at >= head.length) break;
		const part = b.subarray(0, head.length - at);
		head.set(part, at);
		at += part.length;
	}
	async function* replay(): AsyncGenerator<Uint8Array> {
		yield* buffered;
		if (complete) return;
		for (;;) {
			const r = await it.next();
			if (r.done) return;
			yield r.value;
		}
	}
	return { head, complete: complete && length <= size, chunks: replay() };
}

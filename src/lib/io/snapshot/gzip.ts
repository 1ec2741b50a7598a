import { SnapshotError } from './errors';

/**
 * gzip through the platform's CompressionStream / DecompressionStream (Node 20 and browsers), as
 * async generators so the codec pulls bytes one chunk at a time and memory stays flat.
 */

/**
 * The DOM typings give these a writable side of BufferSource and a readable side of
 * Uint8Array<ArrayBuffer>, which TypeScript does not relate to our Uint8Array streams; at run
 * time they take and give plain Uint8Array.
 */
const asPair = (t: CompressionStream | DecompressionStream) =>
	t as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;

function streamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
	const it = source[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			// An error thrown here errors the stream, and pipeThrough hands the same error on.
			const r = await it.next();
			if (r.done) controller.close();
			else controller.enqueue(r.value);
		},
		cancel() {
			// Not awaited: a generator's return() waits for a pull still in flight (one blocked on a
			// file that sends no more), and cancelling must never wait for data.
			void it.return?.()?.catch(() => undefined);
		}
	});
}

async function* drain(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	let finished = false;
	try {
		for (;;) {
			const r = await reader.read();
			if (r.done) break;
			yield r.value;
		}
		finished = true;
	} finally {
		// The consumer stopped early (or failed): stop the source instead of leaving it pending.
		// Not awaited, for the reason given in streamOf().
		if (!finished) void reader.cancel().catch(() => undefined);
	}
}

export function gzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	return drain(streamOf(source).pipeThrough(asPair(new CompressionStream('gzip'))));
}

/**
 * Inflates a gzip stream. Our own errors (truncated, tampered) pass through unchanged; anything
 * the decompressor says (bad header, bad data, CRC mismatch, early end) is a corrupt file.
 */
export async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	const out = drain(streamOf(source).pipeThrough(asPair(new DecompressionStream('gzip'))));
	try {
		yield* out;
	} catch (e) {
		if (e instanceof SnapshotError) throw e;
		throw new SnapshotError('snapshot_corrupt', e instanceof Error ? e.message : 'gzip');
	}
}

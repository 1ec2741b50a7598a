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
 * The gzip stream goes to the decompressor in slices of this size, one at a time: what one slice
 * inflates to (at most 1032 times its size) is the most that waits in memory.
 */
const SLICE_BYTES = 8 << 10;

/**
 * Inflates a gzip stream. Each slice is written once the one before has been taken in (a write
 * settles when the decompressor has consumed it, which waits while its output is unread), and
 * `onFed` hears of each slice as it is written: so the input counted so far is, whatever the
 * platform's queues, at most a slice or two ahead of what the output came from (inflate.ts caps
 * the output against it). Our own errors (truncated, tampered) pass through unchanged; anything
 * the decompressor says (bad header, bad data, CRC mismatch, early end) is a corrupt file.
 */
export async function* gunzip(
	source: AsyncIterable<Uint8Array>,
	onFed: (bytes: number) => void = () => undefined
): AsyncGenerator<Uint8Array> {
	const pair = asPair(new DecompressionStream('gzip'));
	const writer = pair.writable.getWriter();
	let failure: unknown = null;
	let stopped = false;
	const feeding = async () => {
		try {
			for await (const chunk of source)
				for (let at = 0; at < chunk.length && !stopped; at += SLICE_BYTES) {
					const slice = chunk.subarray(at, at + SLICE_BYTES);
					onFed(slice.length);
					await writer.write(slice);
				}
			if (!stopped) await writer.close();
		} catch (e) {
			// The source's error (truncated, tampered) is the one to report, not the abort it causes.
			failure ??= e;
			await writer.abort(e).catch(() => undefined);
		}
	};
	void feeding();
	const reader = pair.readable.getReader();
	let finished = false;
	try {
		for (;;) {
			const r = await reader.read();
			if (r.done) break;
			yield r.value;
		}
		finished = true;
	} catch (e) {
		const cause = failure ?? e;
		if (cause instanceof SnapshotError) throw cause;
		throw new SnapshotError('snapshot_corrupt', cause instanceof Error ? cause.message : 'gzip');
	} finally {
		// The consumer stopped early (or failed): stop feeding, and let the source go. Not awaited,
		// for the reason given in streamOf().
		if (!finished) {
			stopped = true;
			void reader.cancel().catch(() => undefined);
		}
	}
}

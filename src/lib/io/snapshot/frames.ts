import { ByteReader, equalBytes } from './bytes';
import { SnapshotError, type SnapshotErrorCode } from './errors';
import { Sha256 } from './sha256';

/**
 * The body of a `.rapport` file is a sequence of frames, then a trailer:
 *
 *   frame   = word (uint32 big-endian: bit 31 = last frame, bits 0-30 = payload length) | payload
 *   trailer = SHA-256 of every frame byte before it (words and payloads), 32 bytes
 *
 * A payload is a slice of the gzip stream: exactly `frameBytes` of it in every frame but the last
 * (plus the 16-byte tag when encrypted). Exactly one frame, the last, has bit 31 set, and nothing
 * follows the trailer. So a file that stops early is told apart from one that was changed, even
 * without encryption, and a changed byte anywhere in the body fails the trailer.
 */

export const LAST_FRAME = 0x80000000;
export const TRAILER_BYTES = 32;
/** 2^32 - 1 frames at most: frame indices go into a 4-byte nonce counter and must not wrap. */
const MAX_FRAMES = 0xffffffff;

export interface Frame {
	index: number;
	last: boolean;
	payload: Uint8Array;
}

/** Cuts a byte stream into frames of exactly `size` bytes, the last one shorter (maybe empty). */
export async function* cutFrames(
	source: AsyncIterable<Uint8Array>,
	size: number
): AsyncGenerator<Frame> {
	let index = 0;
	let current = new Uint8Array(size);
	let used = 0;
	/** A full frame kept back until we know whether anything follows it. */
	let full: Uint8Array | null = null;
	for await (const chunk of source) {
		let at = 0;
		while (at < chunk.length) {
			if (full) {
				yield { index: index++, last: false, payload: full };
				full = null;
			}
			const take = Math.min(size - used, chunk.length - at);
			current.set(chunk.subarray(at, at + take), used);
			used += take;
			at += take;
			if (used === size) {
				full = current;
				current = new Uint8Array(size);
				used = 0;
			}
		}
	}
	if (full) yield { index: index++, last: true, payload: full };
	else yield { index, last: true, payload: current.subarray(0, used) };
}

/** Frames as file bytes: each word and payload, then the trailer. */
export async function* writeFrames(frames: AsyncIterable<Frame>): AsyncGenerator<Uint8Array> {
	const digest = new Sha256();
	for await (const f of frames) {
		if (f.index >= MAX_FRAMES) throw new RangeError('snapshot too large');
		const word = new Uint8Array(4);
		new DataView(word.buffer).setUint32(0, (f.payload.length | (f.last ? LAST_FRAME : 0)) >>> 0);
		digest.update(word).update(f.payload);
		yield word;
		yield f.payload;
	}
	yield digest.digest();
}

export interface ReadFramesOptions {
	frameBytes: number;
	/** Bytes each payload carries besides its share of the gzip stream (the GCM tag). */
	overhead: number;
	/** What a changed byte is called: corrupt for a plain file, tampered for an encrypted one. */
	integrity: SnapshotErrorCode;
}

/** Reads frames and checks the trailer; throws truncated, or opts.integrity for a changed byte. */
export async function* readFrames(
	reader: ByteReader,
	opts: ReadFramesOptions
): AsyncGenerator<Frame> {
	const bad = (detail: string) => new SnapshotError(opts.integrity, detail);
	const truncated = () => new SnapshotError('snapshot_truncated');
	const full = opts.frameBytes + opts.overhead;
	const digest = new Sha256();
	for (let index = 0; ; index++) {
		if (index >= MAX_FRAMES) throw bad('frames');
		const word = await reader.read(4);
		if (word.length < 4) throw truncated();
		const value = new DataView(word.buffer, word.byteOffset, 4).getUint32(0);
		const last = (value & LAST_FRAME) !== 0;
		const length = value & ~LAST_FRAME;
		if (last ? length > full || length < opts.overhead : length !== full) throw bad('frame length');
		const payload = await reader.read(length);
		if (payload.length < length) throw truncated();
		digest.update(word).update(payload);
		yield { index, last, payload };
		if (last) break;
	}
	const trailer = await reader.read(TRAILER_BYTES);
	if (trailer.length < TRAILER_BYTES) throw truncated();
	if (!equalBytes(trailer, digest.digest())) throw bad('trailer');
	if (!(await reader.atEnd())) throw bad('bytes after the trailer');
}

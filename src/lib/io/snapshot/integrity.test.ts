import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes';
import { withHeader } from './crafted-files';
import { openSnapshot } from './decode';
import type { SnapshotErrorCode } from './errors';
import { LAST_FRAME, TRAILER_BYTES } from './frames';
import { FORMAT_VERSION } from './header';
import { sha256Hex } from './sha256';
import {
	decodeAll,
	decodeCode,
	encodeAll,
	FAST_KDF,
	layout,
	oneShot,
	sampleEntries
} from './test-util';

const PASS = { passphrase: 'pw', testOnly: FAST_KDF };
const enc = new TextEncoder();

interface Frame {
	word: Uint8Array;
	payload: Uint8Array;
}

/** The body split into frames and trailer, to reorder or drop them. */
function framesOf(bytes: Uint8Array): { head: Uint8Array; frames: Frame[]; trailer: Uint8Array } {
	const { bodyStart } = layout(bytes);
	const frames: Frame[] = [];
	let at = bodyStart;
	for (;;) {
		const word = bytes.subarray(at, at + 4);
		const v = new DataView(word.buffer, word.byteOffset, 4).getUint32(0);
		const len = v & ~LAST_FRAME;
		frames.push({ word, payload: bytes.subarray(at + 4, at + 4 + len) });
		at += 4 + len;
		if (v & LAST_FRAME) break;
	}
	return { head: bytes.subarray(0, bodyStart), frames, trailer: bytes.subarray(at) };
}

/** Frames written back, with a correct trailer (as someone who knows the format would forge). */
function rebuild(head: Uint8Array, frames: Frame[], lastIndex = frames.length - 1): Uint8Array {
	const parts: Uint8Array[] = [];
	frames.forEach((f, i) => {
		const word = new Uint8Array(4);
		const flag = i === lastIndex ? LAST_FRAME : 0;
		new DataView(word.buffer).setUint32(0, (f.payload.length | flag) >>> 0);
		parts.push(word, f.payload);
	});
	const body = concatBytes(parts);
	const trailer = Uint8Array.from(Buffer.from(sha256Hex(body), 'hex'));
	return concatBytes([head, body, trailer]);
}

describe('snapshot integrity', () => {
	it('one changed byte anywhere in a plain file is refused with a clear code', async () => {
		const bytes = await encodeAll(sampleEntries(), { frameBytes: 128 });
		const { headerEnd, bodyStart } = layout(bytes);
		const seen = new Map<string, number>();
		for (let i = 0; i < bytes.length; i++) {
			const copy = bytes.slice();
			copy[i] = (copy[i] ?? 0) ^ 0x20;
			const code = await decodeCode(copy);
			seen.set(code, (seen.get(code) ?? 0) + 1);
			// The first bytes are the magic: a file that does not start with it is not ours.
			const allowed: SnapshotErrorCode[] =
				i < 27
					? ['snapshot_not_rapport']
					: i < bodyStart
						? ['snapshot_corrupt', 'snapshot_truncated']
						: ['snapshot_corrupt', 'snapshot_truncated'];
			expect(allowed, `byte ${i} of ${bytes.length} (header ends ${headerEnd})`).toContain(code);
		}
		expect(seen.get('ok')).toBeUndefined();
		// Mostly "corrupt": truncated only where a length word now claims more than is left.
		expect(seen.get('snapshot_corrupt') ?? 0).toBeGreaterThan(bytes.length * 0.8);
	});

	it('one changed byte anywhere in an encrypted file is refused with a clear code', async () => {
		const bytes = await encodeAll(sampleEntries(), { frameBytes: 128, ...PASS });
		const { bodyStart } = layout(bytes);
		const seen = new Map<string, number>();
		for (let i = 0; i < bytes.length; i++) {
			const copy = bytes.slice();
			copy[i] = (copy[i] ?? 0) ^ 0x01;
			const code = await decodeCode(copy, PASS);
			seen.set(code, (seen.get(code) ?? 0) + 1);
			const allowed: SnapshotErrorCode[] =
				i < 27
					? ['snapshot_not_rapport']
					: i < bodyStart
						? ['snapshot_corrupt']
						: ['snapshot_tampered', 'snapshot_truncated'];
			expect(allowed, `byte ${i}`).toContain(code);
		}
		expect(seen.get('ok')).toBeUndefined();
		expect(seen.get('snapshot_tampered') ?? 0).toBeGreaterThan((bytes.length - bodyStart) * 0.8);
	});

	it('a file cut short anywhere is truncated (and an empty one is not a snapshot)', async () => {
		const variants: { passphrase?: string; testOnly?: typeof FAST_KDF }[] = [{}, PASS];
		for (const opts of variants) {
			const bytes = await encodeAll(sampleEntries(), { frameBytes: 100, ...opts });
			expect(await decodeCode(bytes.subarray(0, 0), opts)).toBe('snapshot_not_rapport');
			for (let len = 1; len < bytes.length; len++)
				expect(await decodeCode(bytes.subarray(0, len), opts), `cut at ${len}`).toBe(
					'snapshot_truncated'
				);
			expect(await decodeCode(bytes, opts)).toBe('ok');
		}
	});

	it('bytes appended after the trailer are refused', async () => {
		const plain = await encodeAll(sampleEntries());
		expect(await decodeCode(concatBytes([plain, new Uint8Array([0])]))).toBe('snapshot_corrupt');
		const sealed = await encodeAll(sampleEntries(), PASS);
		expect(await decodeCode(concatBytes([sealed, plain]), PASS)).toBe('snapshot_tampered');
	});

	it('encrypted frames reordered, dropped or cut at a frame boundary fail authentication', async () => {
		const bytes = await encodeAll(sampleEntries(), { frameBytes: 64, ...PASS });
		const { head, frames } = framesOf(bytes);
		expect(frames.length).toBeGreaterThan(3);
		expect(await decodeCode(rebuild(head, frames), PASS)).toBe('ok'); // the forgery tool works
		const [f0, f1, ...rest] = frames;
		if (!f0 || !f1) return;
		expect(await decodeCode(rebuild(head, [f1, f0, ...rest]), PASS)).toBe('snapshot_tampered');
		expect(await decodeCode(rebuild(head, [f0, ...rest]), PASS)).toBe('snapshot_tampered');
		// Cut after two frames, with the "last" bit and the trailer forged: the AAD says otherwise.
		expect(await decodeCode(rebuild(head, [f0, f1]), PASS)).toBe('snapshot_tampered');
		// The same on a plain file: gzip or the checksum notices.
		const plain = framesOf(await encodeAll(sampleEntries(), { frameBytes: 64 }));
		const [p0, p1, ...prest] = plain.frames;
		if (!p0 || !p1) return;
		expect(await decodeCode(rebuild(plain.head, [p1, p0, ...prest]))).toBe('snapshot_corrupt');
		expect(await decodeCode(rebuild(plain.head, [p0, p1]))).toBe('snapshot_corrupt');
	});

	it('an edited header of an encrypted file fails authentication even with a fixed digest', async () => {
		const bytes = await encodeAll(sampleEntries(), PASS);
		const later = withHeader(bytes, (h) => {
			h.exportedAt = 1_800_000_000_000;
		});
		const snap = await openSnapshot([later], { testOnly: FAST_KDF });
		await snap.unlock('pw'); // the key check still matches: only the body can tell
		expect(await decodeCode(later, PASS)).toBe('snapshot_tampered');
		const fewerCounts = withHeader(bytes, (h) => {
			h.counts = { customers: 1 };
		});
		expect(await decodeCode(fewerCounts, PASS)).toBe('snapshot_tampered');
	});

	it('a plain file whose checksum or counts do not match its body is corrupt', async () => {
		const bytes = await encodeAll(sampleEntries());
		const badSum = withHeader(bytes, (h) => {
			h.checksum = { alg: 'SHA-256', hex: '0'.repeat(64) };
		});
		expect(await decodeCode(badSum)).toBe('snapshot_corrupt');
		const badCounts = withHeader(bytes, (h) => {
			h.counts = { customers: 2, interactions: 1, x_future_table: 1, _tomb: 2 };
		});
		expect(await decodeCode(badCounts)).toBe('snapshot_corrupt');
		expect(await decodeCode(withHeader(bytes, () => undefined))).toBe('ok');
	});

	it('wrong passphrase, and no passphrase, are told apart from damage', async () => {
		const bytes = await encodeAll(sampleEntries(), PASS);
		expect(await decodeCode(bytes, { passphrase: 'PW', testOnly: FAST_KDF })).toBe(
			'snapshot_wrong_passphrase'
		);
		expect(await decodeCode(bytes, { testOnly: FAST_KDF })).toBe('snapshot_passphrase_required');
		expect(await decodeCode(bytes, { passphrase: '', testOnly: FAST_KDF })).toBe(
			'snapshot_passphrase_required'
		);
		// A plain file ignores a passphrase.
		expect(await decodeCode(await encodeAll(sampleEntries()), { passphrase: 'x' })).toBe('ok');
	});

	it('refuses a header asking for fewer than 600,000 PBKDF2 iterations', async () => {
		const bytes = await encodeAll(sampleEntries(), PASS); // 1,000 iterations
		// Without the test-only flag, the decoder holds the line: the app never opens such a file.
		expect(await decodeCode(bytes, { passphrase: 'pw' })).toBe('snapshot_weak_kdf');
		await expect(openSnapshot([bytes])).rejects.toMatchObject({ code: 'snapshot_weak_kdf' });
		const forged = withHeader(bytes, (h) => {
			(h.encryption as { iterations: number }).iterations = 599_999;
		});
		expect(await decodeCode(forged, { passphrase: 'pw' })).toBe('snapshot_weak_kdf');
		// Above the test flag's floor but below the real one: still refused without the flag.
		expect(await decodeCode(forged, { passphrase: 'pw', testOnly: FAST_KDF })).toBe(
			'snapshot_wrong_passphrase'
		);
	});

	it('a file from a newer Rapport asks for an update', async () => {
		const bytes = await encodeAll(sampleEntries());
		const newer = withHeader(bytes, (h) => {
			h.formatVersion = FORMAT_VERSION + 1;
			h.somethingNew = { x: 1 };
		});
		expect(await decodeCode(newer)).toBe('snapshot_newer_version');
		// Unknown header members within the same version are ignored.
		const extra = withHeader(bytes, (h) => {
			h.note = 'added by a later writer of the same version';
		});
		expect(await decodeCode(extra)).toBe('ok');
	});

	it('foreign files are not snapshots: PNG, CSV, JSON, a bare gzip, empty', async () => {
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const csv = enc.encode('姓名,电话\n张三,13800138000\n');
		const json = enc.encode('{"magic":"something-else","formatVersion":1}\n');
		const gz = new Uint8Array(gzipSync(enc.encode('{"t":"customers"}\n')));
		for (const f of [png, csv, json, gz, new Uint8Array()])
			expect(await decodeCode(f)).toBe('snapshot_not_rapport');
		// Our magic but a damaged header line.
		const broken = enc.encode('{"magic":"rapport-snapshot", oops}\n');
		const withDigest = concatBytes([
			broken.subarray(0, -1),
			enc.encode(`\n${sha256Hex(broken.subarray(0, -1))}\n`)
		]);
		expect(await decodeCode(withDigest)).toBe('snapshot_corrupt');
		expect(await decodeCode(broken)).toBe('snapshot_truncated'); // no digest line after it
	});

	it('a header line longer than 1 MiB is refused without reading on', async () => {
		const huge = enc.encode(`{"magic":"rapport-snapshot","pad":"${'x'.repeat(1 << 20)}"}\n`);
		expect(await decodeCode(huge)).toBe('snapshot_corrupt');
	});

	it('stopping early cancels the source, even one still waiting for data', async () => {
		const bytes = await encodeAll(sampleEntries(), { frameBytes: 64 });
		let cancelled = false;
		// Everything but the end, and then nothing: a stalled download.
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(bytes.subarray(0, bytes.length - 10));
			},
			cancel() {
				cancelled = true;
			}
		});
		const snap = await openSnapshot(stream);
		for await (const e of snap.entries()) {
			expect(e.t).toBe('customers');
			break;
		}
		expect(cancelled).toBe(true);
	});

	it('a one-shot source that fails mid-way does not produce a file', async () => {
		async function* failing() {
			yield* oneShot(sampleEntries());
			throw new Error('database closed');
		}
		await expect(encodeAll(failing())).rejects.toThrow('database closed');
		expect(TRAILER_BYTES).toBe(32);
		await expect(decodeAll(new Uint8Array())).rejects.toMatchObject({
			code: 'snapshot_not_rapport'
		});
	});
});

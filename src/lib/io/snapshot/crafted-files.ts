/**
 * Shared by the snapshot unit tests and the end-to-end tests (not used by the app): files that
 * someone who knows the format (docs/SNAPSHOT.md) could craft to make a reader work without end:
 * a header that lies, a gzip bomb. Node only (zlib, crypto), and no `$lib` imports, so that the
 * Playwright tests can import it too.
 */
import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const FRAME_BYTES = 1 << 20;
const LAST_FRAME = 0x80000000;

/** A plain header as the app writes it, `magic` first; `counts` and `checksum` are the caller's. */
export function craftedHeader(counts: Record<string, number>, checksumHex = '0'.repeat(64)) {
	return {
		magic: 'rapport-snapshot',
		formatVersion: 1,
		appVersion: 'crafted',
		exportedBy: { memberId: 'm-crafted', memberName: 'Crafted', deviceId: 'dev-crafted' },
		exportedAt: 1_700_000_000_000,
		scope: { kind: 'all' },
		counts,
		maxHlc: '',
		mask: { fields: [] },
		compression: 'gzip',
		frameBytes: FRAME_BYTES,
		checksum: { alg: 'SHA-256', hex: checksumHex }
	};
}

/** Header line, digest line, the gzip stream in frames, trailer: a file with every digest right. */
export function frameFile(header: object, gz: Uint8Array): Uint8Array {
	const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
	const parts: Buffer[] = [];
	for (let at = 0; at < gz.length || at === 0; at += FRAME_BYTES) {
		const payload = gz.subarray(at, at + FRAME_BYTES);
		const word = Buffer.alloc(4);
		word.writeUInt32BE((payload.length | (at + FRAME_BYTES >= gz.length ? LAST_FRAME : 0)) >>> 0);
		parts.push(word, Buffer.from(payload));
	}
	const frames = Buffer.concat(parts);
	return new Uint8Array(
		Buffer.concat([
			headerBytes,
			Buffer.from(`\n${sha256(headerBytes).toString('hex')}\n`),
			frames,
			sha256(frames)
		])
	);
}

/** The file with its header JSON edited and the digest line recomputed (a deliberate edit). */
export function withHeader(
	bytes: Uint8Array,
	edit: (h: Record<string, unknown>) => void
): Uint8Array {
	const headerEnd = bytes.indexOf(0x0a);
	const h = JSON.parse(Buffer.from(bytes.subarray(0, headerEnd)).toString('utf8')) as Record<
		string,
		unknown
	>;
	edit(h);
	const line = Buffer.from(JSON.stringify(h), 'utf8');
	return new Uint8Array(
		Buffer.concat([
			line,
			Buffer.from(`\n${sha256(line).toString('hex')}\n`),
			bytes.subarray(headerEnd + 1 + 65)
		])
	);
}

/**
 * A gzip bomb: `line` (one body line, newline included) repeated until the body is `bodyBytes`
 * long, in a gzip stream about a thousandth of that. One chunk of lines is deflated after a full
 * flush, which leaves no reference to what came before, so the same compressed bytes can follow
 * each other as often as wanted. The header counts the lines honestly; the body checksum and
 * the gzip trailer are not computed (that would mean hashing every byte of the bomb): a reader
 * that refuses the bomb stops long before it would check them.
 */
export function gzipBomb(table: string, line: string, bodyBytes: number): Uint8Array {
	const lineBytes = Buffer.byteLength(line);
	const perChunk = Math.max(1, Math.floor(FRAME_BYTES / lineBytes));
	const chunk = Buffer.from(line.repeat(perChunk), 'utf8');
	const flushed = gzipSync(chunk, {
		flush: constants.Z_FULL_FLUSH,
		finishFlush: constants.Z_FULL_FLUSH
	});
	const gzipHeader = flushed.subarray(0, 10);
	const block = flushed.subarray(10);
	const copies = Math.ceil(bodyBytes / chunk.length);
	// The final block (empty, fixed Huffman) and a trailer of zeros.
	const end = Buffer.from([0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
	const gz = Buffer.concat([gzipHeader, ...Array.from({ length: copies }, () => block), end]);
	return frameFile(craftedHeader({ [table]: copies * perChunk }), gz);
}

/** One body line of a members record padded to about `bytes`: valid, so a reader stages it. */
export function paddedMemberLine(id: string, bytes: number): string {
	const hlc = '001700000000000:0000:dev-crafted';
	const r = {
		id,
		_meta: { created: { hlc, by: 'm-crafted' }, updated: hlc },
		name: 'Crafted',
		role: 'manager',
		email: '',
		trashedAt: null,
		pad: ''
	};
	const base = JSON.stringify({ t: 'members', r }).length + 1;
	r.pad = 'x'.repeat(Math.max(0, bytes - base));
	return `${JSON.stringify({ t: 'members', r })}\n`;
}

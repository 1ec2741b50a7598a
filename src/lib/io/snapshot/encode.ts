import { withoutChangeNumber } from '../../sync/change-number';
import { withoutDerived } from '../../sync/merge';
import { asTombstone } from '../../sync/tombstone';
import { concatBytes, toBase64 } from './bytes';
import { deriveKeys, sealFrame } from './crypto';
import { isEntryShape, type SnapshotEntry } from './entry';
import { SnapshotError } from './errors';
import { cutFrames, writeFrames, type Frame } from './frames';
import { gzip } from './gzip';
import {
	DEFAULT_FRAME_BYTES,
	formatVersionFor,
	MAGIC,
	MAX_FRAME_BYTES,
	MIN_KDF_ITERATIONS,
	serializeHeader,
	SETTING,
	TOMB,
	type SnapshotChanges,
	type SnapshotHeader,
	type SnapshotScope,
	type TestOnlyOptions
} from './header';
import { maskPlan, maskRecord, plannedFields } from './mask';
import { asSetting } from './restore';
import { Sha256, toHex } from './sha256';
import { Spool } from './spool';

/**
 * Writes a `.rapport` file from table entries, as a stream of byte chunks (docs/SNAPSHOT.md).
 *
 * The header comes first and holds the body's checksum and counts, so the entries are read
 * before the first byte is written:
 * - a re-iterable source (an array, or an object whose [Symbol.asyncIterator]() starts over, such
 *   as a function that pages through the database) is read twice: once to hash and count, once to
 *   write. Memory stays flat; if the second pass differs (the data changed in between) the stream
 *   fails with snapshot_source_changed before its last frame, so the partial file never opens.
 * - a one-shot source (a generator object) is read once, and its gzip stream (about a tenth of the
 *   JSON size) is kept until the header can be written, in Blobs outside the JS heap (spool.ts).
 *   This is what the app uses: reading the database once costs half of reading it twice.
 *
 * Derived fields (customers.searchKeys, lastContactAt) are left out: they are never merged, the
 * importer recomputes them, and searchKeys would carry phone digits past a mask.
 */

export type EntrySource = AsyncIterable<SnapshotEntry> | Iterable<SnapshotEntry>;

export interface EncodeOptions {
	appVersion: string;
	exportedBy: SnapshotHeader['exportedBy'];
	/** Epoch ms. */
	exportedAt: number;
	scope: SnapshotScope;
	/** Which of the writer's changes the file carries (a file of changes, or a full one). */
	changes?: SnapshotChanges;
	/** `table.field` to mask (phones → *******8000, emails → z***@example.com); named in the header. */
	mask?: readonly string[];
	/** Encrypts the body (AES-256-GCM, key from PBKDF2 at 600,000 iterations) when given. */
	passphrase?: string;
	/** Plaintext bytes per frame; 1 MiB unless a test wants many frames from little data. */
	frameBytes?: number;
	testOnly?: TestOnlyOptions;
}

/** What the first pass learns about the body. */
class BodyStats {
	readonly digest = new Sha256();
	readonly counts = new Map<string, number>();
	maxHlc = '';

	same(other: BodyStats): boolean {
		if (this.counts.size !== other.counts.size) return false;
		for (const [t, n] of this.counts) if (other.counts.get(t) !== n) return false;
		return true;
	}
}

/** UTF-16 units per body chunk: 64 Ki characters, 64 to 192 KiB of UTF-8. */
const BATCH_CHARS = 64 << 10;
const invalid = (detail: string) => new SnapshotError('snapshot_invalid_entry', detail);

/**
 * One body line (with its newline), derived fields and the local change number left out and masks
 * applied; updates the stats.
 */
function lineOf(entry: unknown, plan: Map<string, Set<string>>, stats: BodyStats): string {
	if (!isEntryShape(entry)) throw invalid('shape');
	const { t } = entry;
	let r: Record<string, unknown> = entry.r;
	let hlc: unknown;
	if (t === TOMB) {
		const tomb = asTombstone(r);
		if (!tomb) throw invalid('tombstone');
		hlc = tomb.hlc;
		r = withoutChangeNumber(r);
	} else if (t === SETTING) {
		// Settings are the device's, not stamped records: no hlc, never masked.
		if (!asSetting(r)) throw invalid('setting');
	} else {
		const meta = r._meta as { updated?: unknown } | undefined;
		if (typeof r.id !== 'string' || typeof meta?.updated !== 'string') throw invalid('record');
		hlc = meta.updated;
		r = withoutChangeNumber(withoutDerived(t, r));
		const fields = plan.get(t);
		if (fields) r = maskRecord(r, fields, t);
	}
	if (typeof hlc === 'string' && hlc > stats.maxHlc) stats.maxHlc = hlc;
	stats.counts.set(t, (stats.counts.get(t) ?? 0) + 1);
	return `${JSON.stringify({ t, r })}\n`;
}

/**
 * The NDJSON body in chunks of about 64 KiB. Lines are joined as text and encoded and hashed once
 * per chunk: a Uint8Array per line (and copying them together) cost more than the JSON itself.
 */
async function* bodyLines(
	entries: AsyncIterable<unknown>,
	plan: Map<string, Set<string>>,
	stats: BodyStats
): AsyncGenerator<Uint8Array> {
	const encoder = new TextEncoder();
	const flush = (text: string) => {
		const bytes = encoder.encode(text);
		stats.digest.update(bytes);
		return bytes;
	};
	let batch = '';
	for await (const entry of entries) {
		batch += lineOf(entry, plan, stats);
		if (batch.length >= BATCH_CHARS) {
			yield flush(batch);
			batch = '';
		}
	}
	if (batch.length > 0) yield flush(batch);
}

async function* drainIterator(
	it: AsyncIterator<unknown> | Iterator<unknown>
): AsyncGenerator<unknown> {
	for (;;) {
		const r = await it.next();
		if (r.done) return;
		yield r.value;
	}
}

function iteratorOf(source: EntrySource): AsyncIterator<unknown> | Iterator<unknown> {
	return Symbol.asyncIterator in source
		? (source as AsyncIterable<SnapshotEntry>)[Symbol.asyncIterator]()
		: (source as Iterable<SnapshotEntry>)[Symbol.iterator]();
}

function checkOptions(opts: EncodeOptions): { frameBytes: number; iterations: number } {
	const frameBytes = opts.frameBytes ?? DEFAULT_FRAME_BYTES;
	if (!Number.isSafeInteger(frameBytes) || frameBytes < 1 || frameBytes > MAX_FRAME_BYTES)
		throw new RangeError('frameBytes out of range');
	const iterations = opts.testOnly?.unsafeKdfIterations ?? MIN_KDF_ITERATIONS;
	if (!Number.isSafeInteger(iterations) || iterations < 1)
		throw new RangeError('iterations out of range');
	if (opts.passphrase === '') throw new SnapshotError('snapshot_passphrase_required');
	return { frameBytes, iterations };
}

export async function* encodeSnapshot(
	source: EntrySource,
	opts: EncodeOptions
): AsyncGenerator<Uint8Array> {
	const { frameBytes, iterations } = checkOptions(opts);
	const plan = maskPlan(opts.mask ?? []);
	const first = iteratorOf(source);
	// A generator returns itself from [Symbol.asyncIterator](): it cannot be read twice.
	const reiterable = (first as unknown) !== source;

	const stats = new BodyStats();
	let kept: Spool | null = null;
	if (reiterable) {
		for await (const chunk of bodyLines(drainIterator(first), plan, stats)) void chunk;
	} else {
		kept = new Spool();
		for await (const chunk of gzip(bodyLines(drainIterator(first), plan, stats))) kept.push(chunk);
	}
	const checksum = stats.digest.hex();

	const header: SnapshotHeader = {
		magic: MAGIC,
		formatVersion: formatVersionFor(opts.scope, Object.fromEntries(stats.counts)),
		appVersion: opts.appVersion,
		exportedBy: opts.exportedBy,
		exportedAt: opts.exportedAt,
		scope: opts.scope,
		...(opts.changes ? { changes: opts.changes } : {}),
		counts: Object.fromEntries(stats.counts),
		maxHlc: stats.maxHlc,
		mask: { fields: plannedFields(opts.mask ?? [], plan) },
		compression: 'gzip',
		frameBytes,
		checksum: { alg: 'SHA-256', hex: checksum }
	};
	let seal: ((f: Frame) => Promise<Frame>) | null = null;
	let headerBytes: Uint8Array;
	if (opts.passphrase !== undefined) {
		const salt = crypto.getRandomValues(new Uint8Array(16));
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const keys = await deriveKeys(opts.passphrase, salt, iterations);
		header.encryption = {
			alg: 'AES-GCM',
			kdf: 'PBKDF2-SHA256',
			iterations,
			salt: toBase64(salt),
			iv: toBase64(iv),
			keyCheck: toBase64(keys.check)
		};
		headerBytes = serializeHeader(header);
		const aadHeader = headerBytes;
		seal = async (f) => ({
			...f,
			payload: await sealFrame(keys.key, iv, aadHeader, f.index, f.last, f.payload)
		});
	} else {
		headerBytes = serializeHeader(header);
	}
	const digestLine = new TextEncoder().encode(
		`\n${toHex(new Sha256().update(headerBytes).digest())}\n`
	);
	yield concatBytes([headerBytes, digestLine]);

	let gz: AsyncIterable<Uint8Array>;
	if (kept) {
		gz = kept.drain();
	} else {
		const again = new BodyStats();
		const second = bodyLines(drainIterator(iteratorOf(source)), plan, again);
		gz = (async function* () {
			yield* gzip(second);
			// Before the last frame is cut: a file whose header does not match its body never ends.
			if (again.digest.hex() !== checksum || !again.same(stats))
				throw new SnapshotError('snapshot_source_changed');
		})();
	}
	const frames = cutFrames(gz, frameBytes);
	yield* writeFrames(
		seal
			? (async function* (s) {
					for await (const f of frames) yield await s(f);
				})(seal)
			: frames
	);
}

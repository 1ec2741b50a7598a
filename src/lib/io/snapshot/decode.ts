import { ByteReader, equalBytes, fromBase64, type ByteSource } from './bytes';
import { checkMatches, deriveKeys, GCM_TAG_BYTES, openFrame } from './crypto';
import { isEntryShape, MAX_LINE_BYTES, type SnapshotEntry } from './entry';
import { SnapshotError } from './errors';
import { readFrames, type Frame } from './frames';
import {
	FILE_PREFIX,
	FORMAT_VERSION,
	MAGIC,
	MAX_HEADER_BYTES,
	MIN_KDF_ITERATIONS,
	validateHeader,
	versionOf,
	type SnapshotHeader,
	type TestOnlyOptions,
	entryCount
} from './header';
import { gunzipWithin } from './inflate';
import { SNAPSHOT_LIMITS, type SnapshotLimits } from './limits';
import { lineUpgrader, MIGRATIONS, upgradeHeader, type MigrationRegistry } from './migrate';
import { Sha256, toHex } from './sha256';

/**
 * Reads a `.rapport` file as a stream (docs/SNAPSHOT.md). openSnapshot() reads only the header,
 * so the import preview can show who exported what before asking for a passphrase; unlock()
 * checks a passphrase without reading the body (a wrong one can be retried); entries() then
 * yields the body lines one by one, and checks the checksum and counts after the last. A file is
 * refused as soon as it crosses a cap (limits.ts): a header counting too many lines, a line the
 * header did not count, a body that unpacks too far.
 *
 * Encrypted files yield only authenticated data. A plain file's checksum can only be checked at
 * the end, so callers stage what they read and commit only when entries() finished without
 * throwing (the import repository's staging table does this).
 */

export interface DecodeOptions {
	/** Upgrades of older format versions; the built-in registry unless a test injects one. */
	migrations?: MigrationRegistry;
	/** Caps a file is refused beyond: SNAPSHOT_LIMITS unless a test passes smaller ones. */
	limits?: SnapshotLimits;
	testOnly?: TestOnlyOptions;
}

export interface SnapshotReader {
	readonly header: SnapshotHeader;
	readonly encrypted: boolean;
	/** Throws snapshot_wrong_passphrase; may be called again with another passphrase. */
	unlock(passphrase: string): Promise<void>;
	/** The body, once. Throws snapshot_passphrase_required if encrypted and not unlocked. */
	entries(): AsyncGenerator<SnapshotEntry>;
	/** Stops reading the file (when the user cancels after the preview). */
	close(): Promise<void>;
}

const PREFIX = new TextEncoder().encode(FILE_PREFIX);
const DIGEST_LINE_BYTES = 65;

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Header line, digest line, parse, version, upgrade, validation, caps: in that order. */
async function readHeader(
	reader: ByteReader,
	opts: DecodeOptions,
	limits: SnapshotLimits
): Promise<{ header: SnapshotHeader; bytes: Uint8Array; version: number }> {
	const start = await reader.peek(PREFIX.length);
	if (start.length === 0 || !equalBytes(start, PREFIX.subarray(0, start.length)))
		throw new SnapshotError('snapshot_not_rapport');
	const line = await reader.readLine(MAX_HEADER_BYTES);
	if (line === 'eof') throw new SnapshotError('snapshot_truncated');
	if (line === 'too_long') throw new SnapshotError('snapshot_corrupt', 'header length');
	const digestLine = await reader.read(DIGEST_LINE_BYTES);
	if (digestLine.length < DIGEST_LINE_BYTES) throw new SnapshotError('snapshot_truncated');
	const expected = `${toHex(new Sha256().update(line).digest())}\n`;
	if (new TextDecoder().decode(digestLine) !== expected)
		throw new SnapshotError('snapshot_corrupt', 'header digest');

	let raw: unknown;
	try {
		raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(line));
	} catch {
		throw new SnapshotError('snapshot_corrupt', 'header json');
	}
	if (!isObj(raw) || raw.magic !== MAGIC) throw new SnapshotError('snapshot_not_rapport');
	const version = versionOf(raw);
	if (version > FORMAT_VERSION) throw new SnapshotError('snapshot_newer_version');
	const upgraded = upgradeHeader(raw, version, opts.migrations ?? MIGRATIONS);
	const test = opts.testOnly?.unsafeKdfIterations;
	const minIterations =
		test === undefined ? MIN_KDF_ITERATIONS : Math.min(test, MIN_KDF_ITERATIONS);
	const header = validateHeader(upgraded, minIterations);
	// Refused before anything is read or staged; the body may not hold more lines than counted.
	if (entryCount(header) > limits.maxRecords) throw new SnapshotError('snapshot_too_many_records');
	return { header, bytes: line, version };
}

export async function openSnapshot(
	source: ByteSource,
	opts: DecodeOptions = {}
): Promise<SnapshotReader> {
	const reader = new ByteReader(source);
	const limits = opts.limits ?? SNAPSHOT_LIMITS;
	try {
		const { header, bytes, version } = await readHeader(reader, opts, limits);
		const upgradeLine = lineUpgrader(version, opts.migrations ?? MIGRATIONS);
		return new Reader(reader, header, bytes, upgradeLine, limits);
	} catch (e) {
		await reader.cancel();
		throw e;
	}
}

/** Convenience for tools and tests: open, unlock if a passphrase is given, read every entry. */
export async function* decodeSnapshot(
	source: ByteSource,
	opts: DecodeOptions & { passphrase?: string } = {}
): AsyncGenerator<SnapshotEntry> {
	const snap = await openSnapshot(source, opts);
	if (opts.passphrase !== undefined) await snap.unlock(opts.passphrase);
	yield* snap.entries();
}

class Reader implements SnapshotReader {
	readonly encrypted: boolean;
	#key: CryptoKey | null = null;
	#started = false;

	constructor(
		readonly reader: ByteReader,
		readonly header: SnapshotHeader,
		readonly headerBytes: Uint8Array,
		readonly upgradeLine: (line: unknown) => unknown,
		readonly limits: SnapshotLimits
	) {
		this.encrypted = header.encryption !== undefined;
	}

	async unlock(passphrase: string): Promise<void> {
		const enc = this.header.encryption;
		if (!enc) return;
		if (passphrase === '') throw new SnapshotError('snapshot_passphrase_required');
		const keys = await deriveKeys(passphrase, fromBase64(enc.salt), enc.iterations);
		if (!checkMatches(keys, fromBase64(enc.keyCheck)))
			throw new SnapshotError('snapshot_wrong_passphrase');
		this.#key = keys.key;
	}

	close(): Promise<void> {
		return this.reader.cancel();
	}

	async *entries(): AsyncGenerator<SnapshotEntry> {
		if (this.#started) throw new Error('entries() reads the file once');
		this.#started = true;
		const enc = this.header.encryption;
		if (enc && !this.#key) throw new SnapshotError('snapshot_passphrase_required');
		let finished = false;
		try {
			const frames = readFrames(this.reader, {
				frameBytes: this.header.frameBytes,
				overhead: enc ? GCM_TAG_BYTES : 0,
				integrity: enc ? 'snapshot_tampered' : 'snapshot_corrupt'
			});
			const gz =
				enc && this.#key ? this.#open(frames, this.#key, fromBase64(enc.iv)) : payloads(frames);
			const digest = new Sha256();
			const counts = new Map<string, number>();
			for await (const line of splitLines(gunzipWithin(gz, this.limits), digest)) {
				const entry = this.#parse(line);
				// Refused at the first line the header did not count, not after reading on.
				const seen = (counts.get(entry.t) ?? 0) + 1;
				if (seen > statedCount(this.header.counts, entry.t))
					throw new SnapshotError('snapshot_corrupt', 'counts');
				counts.set(entry.t, seen);
				yield entry;
			}
			if (digest.hex() !== this.header.checksum.hex)
				throw new SnapshotError('snapshot_corrupt', 'checksum');
			if (!sameCounts(counts, this.header.counts))
				throw new SnapshotError('snapshot_corrupt', 'counts');
			finished = true;
		} finally {
			if (!finished) await this.reader.cancel();
		}
	}

	async *#open(frames: AsyncIterable<Frame>, key: CryptoKey, iv: Uint8Array) {
		for await (const f of frames) {
			const plain = await openFrame(key, iv, this.headerBytes, f.index, f.last, f.payload);
			if (!plain) throw new SnapshotError('snapshot_tampered', `frame ${f.index}`);
			yield plain;
		}
	}

	#parse(line: string): SnapshotEntry {
		let value: unknown;
		try {
			value = this.upgradeLine(JSON.parse(line));
		} catch {
			throw new SnapshotError('snapshot_corrupt', 'line');
		}
		if (!isEntryShape(value)) throw new SnapshotError('snapshot_corrupt', 'entry');
		return { t: value.t, r: value.r };
	}
}

async function* payloads(frames: AsyncIterable<Frame>): AsyncGenerator<Uint8Array> {
	for await (const f of frames) yield f.payload;
}

/**
 * Newline-terminated lines of the body as text, hashing every byte on the way. The complete lines
 * of each chunk are decoded in one go and split (a newline byte is never inside a UTF-8 sequence,
 * so each run of whole lines decodes on its own); a decoder per line cost as much as the JSON.
 */
async function* splitLines(
	chunks: AsyncIterable<Uint8Array>,
	digest: Sha256
): AsyncGenerator<string> {
	// ignoreBOM: a byte-order mark is not part of the format (docs/SNAPSHOT.md); kept, it fails the line.
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	for await (const chunk of chunks) {
		digest.update(chunk);
		const end = chunk.lastIndexOf(0x0a);
		if (end >= 0) {
			const head = chunk.subarray(0, end);
			const run = pending.length === 0 ? head : joinPending(pending, pendingBytes, head);
			pending = [];
			pendingBytes = 0;
			let text: string;
			try {
				text = decoder.decode(run);
			} catch {
				throw new SnapshotError('snapshot_corrupt', 'line');
			}
			for (const line of text.split('\n')) {
				if (line.length === 0) throw new SnapshotError('snapshot_corrupt', 'empty line');
				yield line;
			}
		}
		if (end + 1 < chunk.length) {
			pending.push(chunk.subarray(end + 1));
			pendingBytes += chunk.length - end - 1;
			if (pendingBytes > MAX_LINE_BYTES) throw new SnapshotError('snapshot_corrupt', 'line length');
		}
	}
	if (pendingBytes > 0) throw new SnapshotError('snapshot_corrupt', 'unterminated line');
}

function joinPending(parts: Uint8Array[], size: number, tail: Uint8Array): Uint8Array {
	const out = new Uint8Array(size + tail.length);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	out.set(tail, at);
	return out;
}

/** The header's count of a table; 0 for one it does not name (even `toString`). */
function statedCount(stated: Record<string, number>, table: string): number {
	return Object.hasOwn(stated, table) ? (stated[table] ?? 0) : 0;
}

function sameCounts(seen: Map<string, number>, stated: Record<string, number>): boolean {
	const entries = Object.entries(stated).filter(([, n]) => n > 0);
	return entries.length === seen.size && entries.every(([t, n]) => seen.get(t) === n);
}

import { SnapshotError } from './errors';

/**
 * The header of a `.rapport` file: one line of JSON at the start of the file (docs/SNAPSHOT.md).
 * It is readable without the passphrase, so the import preview can show who exported what, when.
 */

export const MAGIC = 'rapport-snapshot';
/**
 * The newest version this reader reads. Version 2 added the `backup` scope and `_setting` lines;
 * a file that uses neither is written as version 1, which older readers still open.
 */
export const FORMAT_VERSION = 2;
/** Every file starts with these bytes: the header JSON with `magic` as its first member. */
export const FILE_PREFIX = `{"magic":"${MAGIC}"`;
/** The body line table name of a tombstone. */
export const TOMB = '_tomb';
/** The body line table name of a setting (backups only): `{ key, value }`. */
export const SETTING = '_setting';

export const MIN_KDF_ITERATIONS = 600_000;
/** Refused above this: a header must not be able to make us spin for minutes. */
export const MAX_KDF_ITERATIONS = 10_000_000;
export const MAX_HEADER_BYTES = 1 << 20;
export const DEFAULT_FRAME_BYTES = 1 << 20;
export const MAX_FRAME_BYTES = 1 << 24;

export const SCOPE_KINDS = ['all', 'mine', 'selection', 'goals', 'backup'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * What the file holds: everything, one member's records, a hand-picked selection, goals, or a
 * backup (everything, the device's settings, and whose backup it is: Restore makes that member
 * "me" again on a new machine).
 */
export interface SnapshotScope {
	kind: ScopeKind;
	/** For 'mine' and 'backup' (required) and 'goals': whose records. */
	memberId?: string;
	/** A human label for 'selection' ("客户 A 级") or 'goals' ("2025-Q3"). */
	label?: string;
}

/**
 * Which of the writer's changes the file carries, in the writer's local change counter (each
 * device numbers what it stores: sync/change-number.ts): the changes numbered after `after` up to
 * `upTo`, for one exchange (`key`: who the file is for and what of the writer's data). A full file
 * carries everything up to `upTo` (`after` is 0). Absent from a file written without a range (an
 * export of a scope to no one in particular, a backup, an older writer). The writer is
 * `exportedBy.deviceId`. Readers that keep no coverage ignore it: a file of changes merges like any
 * other, record by record.
 */
export interface SnapshotChanges {
	/** The exchange, e.g. `team/all`, `member:<id>/mine:<id>` (at most 500 characters). */
	key: string;
	after: number;
	upTo: number;
	full: boolean;
	/**
	 * When the writer wrote the file of this exchange that ended at `after` (epoch ms), so that a
	 * reader missing that file can say of when the missing changes are. Absent in a full file.
	 */
	afterAt?: number;
}

export interface SnapshotEncryption {
	alg: 'AES-GCM';
	kdf: 'PBKDF2-SHA256';
	iterations: number;
	/** base64, 16 bytes. */
	salt: string;
	/** base64, 12 bytes: the nonce of frame 0 (frame i XORs i into the last four bytes). */
	iv: string;
	/** base64, 16 bytes: tells a wrong passphrase from a changed file (see crypto.ts). */
	keyCheck: string;
}

export interface SnapshotHeader {
	magic: typeof MAGIC;
	formatVersion: number;
	appVersion: string;
	exportedBy: { memberId: string; memberName: string; deviceId: string };
	/** Epoch ms. */
	exportedAt: number;
	scope: SnapshotScope;
	/** Which of the writer's changes the file carries; absent: not said. */
	changes?: SnapshotChanges;
	/** Body lines per table name; tombstones under `_tomb`. */
	counts: Record<string, number>;
	/** Greatest hlc in the file (records' `_meta.updated`, tombstones), '' when empty. */
	maxHlc: string;
	/** `table.field` whose values were masked on export: they never overwrite real values. */
	mask: { fields: string[] };
	compression: 'gzip';
	/** Plaintext bytes per body frame; every frame but the last holds exactly this many. */
	frameBytes: number;
	/** Of the uncompressed body (the NDJSON bytes). */
	checksum: { alg: 'SHA-256'; hex: string };
	encryption?: SnapshotEncryption;
}

/** The header as UTF-8 bytes, `magic` first, so that FILE_PREFIX identifies the file. */
export function serializeHeader(h: SnapshotHeader): Uint8Array {
	const ordered: SnapshotHeader = {
		magic: h.magic,
		formatVersion: h.formatVersion,
		appVersion: h.appVersion,
		exportedBy: h.exportedBy,
		exportedAt: h.exportedAt,
		scope: h.scope,
		...(h.changes ? { changes: h.changes } : {}),
		counts: Object.fromEntries(Object.entries(h.counts).sort(([a], [b]) => (a < b ? -1 : 1))),
		maxHlc: h.maxHlc,
		mask: h.mask,
		compression: h.compression,
		frameBytes: h.frameBytes,
		checksum: h.checksum
	};
	if (h.encryption) ordered.encryption = h.encryption;
	return new TextEncoder().encode(JSON.stringify(ordered));
}

const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const int = (v: unknown, min: number, max: number): v is number =>
	Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function base64Bytes(v: unknown): number {
	if (!str(v, 64) || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) return -1;
	return (v.length / 4) * 3 - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0);
}

function validScope(s: unknown): boolean {
	if (!isObj(s) || !SCOPE_KINDS.includes(s.kind as ScopeKind)) return false;
	if (s.memberId !== undefined && !str(s.memberId, 200)) return false;
	if (s.label !== undefined && !str(s.label, 500)) return false;
	return (s.kind !== 'mine' && s.kind !== 'backup') || typeof s.memberId === 'string';
}

function validChanges(c: unknown): boolean {
	if (!isObj(c) || !str(c.key, 500) || c.key === '' || typeof c.full !== 'boolean') return false;
	if (!int(c.after, 0, Number.MAX_SAFE_INTEGER) || !int(c.upTo, c.after, Number.MAX_SAFE_INTEGER))
		return false;
	if (c.full && c.after !== 0) return false;
	return c.afterAt === undefined || int(c.afterAt, 0, 8.64e15);
}

/** The lowest version that describes a file: older readers open what needs nothing newer. */
/** The lines the header says its body holds: records, tombstones and settings. */
export const entryCount = (header: Pick<SnapshotHeader, 'counts'>): number =>
	Object.values(header.counts).reduce((sum, n) => sum + n, 0);

export function formatVersionFor(scope: SnapshotScope, counts: Record<string, number>): number {
	return scope.kind === 'backup' || (counts[SETTING] ?? 0) > 0 ? 2 : 1;
}

/** The version a parsed header claims; corrupt when it is not a version number at all. */
export function versionOf(h: Record<string, unknown>): number {
	if (!int(h.formatVersion, 0, 1_000_000)) throw new SnapshotError('snapshot_corrupt', 'version');
	return h.formatVersion;
}

/**
 * Checks a header already upgraded to FORMAT_VERSION. Unknown members are ignored, so a later
 * writer may add optional ones without a new format version. `minIterations` is
 * MIN_KDF_ITERATIONS except in tests that pass the explicit test-only flag (see decode.ts).
 */
export function validateHeader(h: Record<string, unknown>, minIterations: number): SnapshotHeader {
	const corrupt = (what: string) => new SnapshotError('snapshot_corrupt', what);
	const by = h.exportedBy;
	if (!str(h.appVersion, 50)) throw corrupt('appVersion');
	if (!isObj(by) || !str(by.memberId, 200) || !str(by.memberName, 500) || !str(by.deviceId, 200))
		throw corrupt('exportedBy');
	if (!int(h.exportedAt, 0, 8.64e15)) throw corrupt('exportedAt');
	if (!validScope(h.scope)) throw corrupt('scope');
	if (h.changes !== undefined && !validChanges(h.changes)) throw corrupt('changes');
	const counts = h.counts;
	if (!isObj(counts) || !Object.entries(counts).every(([k, n]) => NAME.test(k) && int(n, 0, 1e12)))
		throw corrupt('counts');
	if (!str(h.maxHlc, 300)) throw corrupt('maxHlc');
	const mask = h.mask;
	if (
		!isObj(mask) ||
		!Array.isArray(mask.fields) ||
		!mask.fields.every((f) => str(f, 130) && /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(f))
	)
		throw corrupt('mask');
	if (h.compression !== 'gzip') throw corrupt('compression');
	if (!int(h.frameBytes, 1, MAX_FRAME_BYTES)) throw corrupt('frameBytes');
	const sum = h.checksum;
	if (!isObj(sum) || sum.alg !== 'SHA-256' || !str(sum.hex, 64) || !/^[0-9a-f]{64}$/.test(sum.hex))
		throw corrupt('checksum');
	if (h.encryption !== undefined) {
		const e = h.encryption;
		if (!isObj(e) || e.alg !== 'AES-GCM' || e.kdf !== 'PBKDF2-SHA256') throw corrupt('encryption');
		if (!int(e.iterations, 1, Number.MAX_SAFE_INTEGER)) throw corrupt('iterations');
		if (e.iterations < minIterations) throw new SnapshotError('snapshot_weak_kdf');
		if (e.iterations > MAX_KDF_ITERATIONS) throw corrupt('iterations');
		if (base64Bytes(e.salt) !== 16 || base64Bytes(e.iv) !== 12 || base64Bytes(e.keyCheck) !== 16)
			throw corrupt('encryption');
	}
	return h as unknown as SnapshotHeader;
}

/**
 * For tests only: PBKDF2 at 600,000 iterations takes about half a second, too slow for a suite
 * that encrypts many files. The encoder writes this many iterations instead, and the decoder
 * accepts at least this many instead of MIN_KDF_ITERATIONS: without the flag it still answers
 * snapshot_weak_kdf, so a file written this way never opens in the app. Never set it in app code.
 */
export interface TestOnlyOptions {
	unsafeKdfIterations: number;
}

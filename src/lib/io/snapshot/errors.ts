/**
 * What can go wrong reading or writing a `.rapport` file, as codes the UI translates.
 * - not_rapport: not a snapshot at all (a PNG, a CSV, an empty file);
 * - truncated: the file ends early (an interrupted download or copy);
 * - corrupt: a checksum, digest or parse failure in an unencrypted file, or a damaged header;
 * - newer_version: written by a newer Rapport: "update Rapport to open this file";
 * - wrong_passphrase: the key check in the header does not match the passphrase;
 * - tampered: the passphrase is right but an encrypted frame fails authentication (changed,
 *   reordered, dropped or appended data);
 * - weak_kdf: the header asks for fewer PBKDF2 iterations than the minimum (never accepted: a
 *   crafted file must not make a passphrase cheap to guess);
 * - passphrase_required: the file is encrypted and no passphrase was given;
 * - too_large: the body unpacks to more than MAX_BODY_BYTES (limits.ts);
 * - too_many_records: the header counts more than MAX_RECORDS lines;
 * - expands_too_much: the body unpacks far beyond what records compress to (a gzip bomb);
 * - source_changed (writing only): the records changed between the two passes of the encoder;
 * - invalid_entry (writing only): the caller passed something that is not a table entry.
 */
export const SNAPSHOT_ERROR_CODES = [
	'snapshot_not_rapport',
	'snapshot_truncated',
	'snapshot_corrupt',
	'snapshot_newer_version',
	'snapshot_wrong_passphrase',
	'snapshot_tampered',
	'snapshot_weak_kdf',
	'snapshot_passphrase_required',
	'snapshot_too_large',
	'snapshot_too_many_records',
	'snapshot_expands_too_much',
	'snapshot_source_changed',
	'snapshot_invalid_entry'
] as const;
export type SnapshotErrorCode = (typeof SNAPSHOT_ERROR_CODES)[number];

/** Thrown by the codec; `message` is the code (never a sentence), `detail` is for logs only. */
export class SnapshotError extends Error {
	constructor(
		readonly code: SnapshotErrorCode,
		readonly detail?: string
	) {
		super(code);
		this.name = 'SnapshotError';
	}
}

export function isSnapshotError(e: unknown): e is SnapshotError {
	return e instanceof SnapshotError;
}

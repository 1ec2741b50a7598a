import type { ByteSource } from '$lib/io/snapshot/bytes';
import { openSnapshot, type DecodeOptions, type SnapshotReader } from '$lib/io/snapshot/decode';
import { isSnapshotError, type SnapshotErrorCode } from '$lib/io/snapshot/errors';
import { toDbErrorCode } from '../errors';
import { SnapshotRefused, type SnapshotImportCode } from './snapshot-refused';

export type { SnapshotReader } from '$lib/io/snapshot/decode';
export type { SnapshotHeader } from '$lib/io/snapshot/header';

/** Why an export or import failed: the file's problem, the import's, or something else. */
export type SnapshotFailureCode = SnapshotErrorCode | SnapshotImportCode | 'snapshot_failed';

/**
 * Opens a `.rapport` file and reads only its header (who, when, what scope, encrypted or not),
 * so the import can ask for a passphrase before reading the body. Errors are SnapshotErrors
 * carrying a code (snapshot_not_rapport, snapshot_newer_version …).
 */
export function openSnapshotFile(
	source: ByteSource,
	opts: DecodeOptions = {}
): Promise<SnapshotReader> {
	return openSnapshot(source, opts);
}

/** The code to show for a failed open, preview or apply: a snapshot code, or a generic one. */
export function snapshotErrorCode(e: unknown): SnapshotFailureCode {
	if (isSnapshotError(e)) return e.code;
	if (e instanceof SnapshotRefused) return e.code;
	// A write refused for lack of space (also when wrapped in an AbortError): not a generic failure.
	if (toDbErrorCode(e) === 'storage_full') return 'snapshot_storage_full';
	return 'snapshot_failed';
}

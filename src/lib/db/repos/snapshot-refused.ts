/**
 * What can stop a snapshot import besides the file itself (whose problems are the codec's
 * SnapshotError codes): the browser's storage, and the records kept aside.
 * - no_room: the header's record count cannot fit in the free storage, checked before staging;
 * - storage_full: the browser refused a write for lack of space while staging or applying;
 * - aside_too_large: a kind this version does not know would grow past MAX_ASIDE_TABLE_BYTES.
 */
export const SNAPSHOT_IMPORT_CODES = [
	'snapshot_no_room',
	'snapshot_storage_full',
	'snapshot_aside_too_large'
] as const;
export type SnapshotImportCode = (typeof SNAPSHOT_IMPORT_CODES)[number];

/** Thrown by the import repositories; `message` is the code, `detail` is for logs only. */
export class SnapshotRefused extends Error {
	constructor(
		readonly code: SnapshotImportCode,
		readonly detail?: string
	) {
		super(code);
		this.name = 'SnapshotRefused';
	}
}

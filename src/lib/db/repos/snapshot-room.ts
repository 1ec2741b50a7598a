import { entryCount, type SnapshotHeader } from '$lib/io/snapshot/header';
import { storageInfo } from '../storage';
import { SnapshotRefused } from './snapshot-refused';

/**
 * The least storage a record of a snapshot takes once imported. The smallest line a file holds,
 * a tombstone, is about 150 bytes of JSON, and every record is written twice: staged, then merged
 * into its table; the browser may compress the staged pages, so 100 bytes is a floor. A file
 * whose header counts more records than fit at this rate cannot be imported and is refused
 * before anything is staged; one that passes may still fill the disk, which the import then
 * reports as storage full, removing what it staged.
 */
export const ROOM_BYTES_PER_RECORD = 100;

/** Free storage by the browser's estimate (quota less usage); null when it does not say. */
export async function freeStorageBytes(): Promise<number | null> {
	const { usage, quota } = await storageInfo();
	return usage === null || quota === null ? null : Math.max(0, quota - usage);
}

/** Throws snapshot_no_room when the header's records cannot fit in `free` bytes. */
export function checkRoom(header: SnapshotHeader, free: number | null): void {
	if (free === null) return;
	const needed = entryCount(header) * ROOM_BYTES_PER_RECORD;
	if (needed > free) throw new SnapshotRefused('snapshot_no_room', `${needed} > ${free} bytes`);
}

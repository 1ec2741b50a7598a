/**
 * One body line of a snapshot: `{"t": table, "r": record}`, or `{"t": "_tomb", "r": tombstone}`.
 * The codec carries `r` as JSON; restore.ts checks it before anything is merged.
 */
export interface SnapshotEntry {
	t: string;
	r: unknown;
}

/** Table names: what IndexedDB stores are called, and `_tomb`. */
export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** At most this many bytes in one line (a record with several 100,000-character notes fits). */
export const MAX_LINE_BYTES = 64 << 20;

export function isEntryShape(v: unknown): v is SnapshotEntry & { r: Record<string, unknown> } {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const e = v as Record<string, unknown>;
	return (
		typeof e.t === 'string' &&
		TABLE_NAME.test(e.t) &&
		e.t !== '__proto__' &&
		typeof e.r === 'object' &&
		e.r !== null &&
		!Array.isArray(e.r)
	);
}

/**
 * A permanent delete (from the trash, or a person's request to erase their data).
 *
 * The record's content is purged and only this marker remains. A tombstone wins over every edit,
 * whatever the order files arrive in: an old snapshot imported later never brings the record back.
 * Moving to the trash is NOT a tombstone: it is an ordinary edit of `trashedAt` and merges like any
 * other field.
 */
export interface Tombstone {
	table: string;
	id: string;
	/** Encoded hlc of the delete. */
	hlc: string;
	/** Member id of who deleted. */
	by: string;
}

/** Map key of a record or tombstone: `customers/5b0c…`. */
export function recordKey(table: string, id: string): string {
	return `${table}/${id}`;
}

/**
 * Two tombstones of the same record (erased on two devices): keep the earlier one, so that the
 * result does not depend on the order of arrival (min is commutative, associative, idempotent).
 * Ties on hlc (same delete) fall back to `by` so the choice stays total.
 */
export function mergeTombstone(a: Tombstone | undefined, b: Tombstone): Tombstone {
	if (!a) return b;
	if (a.hlc !== b.hlc) return a.hlc < b.hlc ? a : b;
	return a.by <= b.by ? a : b;
}

/** Folds `incoming` into a copy of `local`; returns the keys that were not tombstoned before. */
export function mergeTombstones(
	local: ReadonlyMap<string, Tombstone>,
	incoming: Iterable<Tombstone>
): { tombstones: Map<string, Tombstone>; added: string[] } {
	const tombstones = new Map(local);
	const added: string[] = [];
	for (const t of incoming) {
		const key = recordKey(t.table, t.id);
		const before = tombstones.get(key);
		if (!before) added.push(key);
		tombstones.set(key, mergeTombstone(before, t));
	}
	return { tombstones, added };
}

/** A well-formed tombstone, or null (used when reading snapshot lines). */
export function asTombstone(v: unknown): Tombstone | null {
	if (typeof v !== 'object' || v === null) return null;
	const o = v as Record<string, unknown>;
	const { table, id, hlc, by } = o;
	const ok = (s: unknown, max: number) => typeof s === 'string' && s.length > 0 && s.length <= max;
	if (!ok(table, 64) || !ok(id, 128) || !ok(hlc, 128) || typeof by !== 'string' || by.length > 128)
		return null;
	return { table: table as string, id: id as string, hlc: hlc as string, by: by as string };
}

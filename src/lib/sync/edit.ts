import type { Stamp, SyncMeta, Synced } from './stamp';

/**
 * The only two ways a synced record changes: it is created (one `created` stamp covers every
 * field) or fields are edited (each field whose value actually changed gets its own stamp).
 * Unchanged fields keep their old stamp, so a teammate's concurrent edit of another field is not
 * overwritten when files are merged. Derived fields are never stamped (they are recomputed).
 */

type Data<T extends Synced> = Omit<T, 'id' | '_meta'>;

export function createRecord<T extends Synced>(id: string, data: Data<T>, stamp: Stamp): T {
	const meta: SyncMeta = { created: stamp, updated: stamp.hlc };
	return { ...data, id, _meta: meta } as unknown as T;
}

/** Structural equality for stored values (strings, numbers, null, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	return ka.every((k) =>
		sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
	);
}

export interface Edit<T> {
	next: T;
	/** Names of the fields whose value changed (stamped unless derived). */
	changed: string[];
}

export function editRecord<T extends Synced>(
	current: T,
	patch: Partial<Data<T>>,
	stamp: Stamp,
	derived: readonly string[] = []
): Edit<T> {
	const changed: string[] = [];
	const fields: Record<string, Stamp> = { ...current._meta.fields };
	const next = { ...current } as Record<string, unknown>;
	for (const [key, value] of Object.entries(patch)) {
		if (key === 'id' || key === '_meta' || value === undefined) continue;
		if (sameValue(next[key], value)) continue;
		next[key] = value;
		changed.push(key);
		if (!derived.includes(key)) fields[key] = stamp;
	}
	const stamped = changed.some((k) => !derived.includes(k));
	if (!stamped) return { next: next as T, changed };
	const meta: SyncMeta = {
		created: current._meta.created,
		fields,
		updated: stamp.hlc > current._meta.updated ? stamp.hlc : current._meta.updated
	};
	return { next: { ...next, _meta: meta } as T, changed };
}

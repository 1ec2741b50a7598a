import { editRecord, type Edit } from './edit';
import type { Stamp, Synced } from './stamp';

/**
 * Two people changed the same field since they last shared, with different values: the later
 * stamp won and the other value was overwritten. It is listed so the user can review it and, if
 * the wrong one won, flip it (write the lost value again).
 */
export interface Conflict {
	table: string;
	id: string;
	field: string;
	lostValue: unknown;
	lostStamp: Stamp;
	wonStamp: Stamp;
}

/**
 * Importing the same file twice reports a conflict that the local side won again; keying the
 * stored list by this makes the second report replace the first instead of adding a duplicate.
 */
export function conflictKey(c: Pick<Conflict, 'table' | 'id' | 'field' | 'lostStamp'>): string {
	return `${c.table}/${c.id}/${c.field}/${c.lostStamp.hlc}`;
}

export type FlipResult<T> = { ok: true; edit: Edit<T> } | { ok: false; code: 'conflict_stale' };

/**
 * Puts the lost value back as a new edit. `stamp` comes from the local clock, so it is later than
 * every stamp this device has seen, and the flipped value wins the next merge everywhere.
 * Refused as stale when the field has been written again since the conflict (its stamp is no
 * longer the winner's): the user should look at the current value first.
 */
export function flipConflict<T extends Synced>(
	record: T,
	conflict: Conflict,
	stamp: Stamp,
	derived: readonly string[] = []
): FlipResult<T> {
	const current = record._meta.fields?.[conflict.field] ?? record._meta.created;
	if (current.hlc !== conflict.wonStamp.hlc) return { ok: false, code: 'conflict_stale' };
	const patch = { [conflict.field]: conflict.lostValue } as Partial<Omit<T, 'id' | '_meta'>>;
	return { ok: true, edit: editRecord(record, patch, stamp, derived) };
}

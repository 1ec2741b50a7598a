import type { Synced } from '../../sync/stamp';
import { parseIsoDate } from '../shared/dates';
import type { EpochMs, FieldError, Id, IsoDate } from '../shared/types';
import { zonedDateStart } from './zone';

/**
 * Dated records: a member's level, who they report to and their status are each a history of
 * (member, value, from) records rather than one field, so that a period is always judged with
 * the values in force during it, and a change made today never rewrites last quarter.
 *
 * The value in force on a date is the one of the record with the latest `from` on or before it.
 * Two records from the same date (two devices, or a correction) are ordered by their write stamp
 * and then by id, so that every device that merged the same records reads the same value.
 * Trashed records and records with a malformed date are left out.
 */
export interface DatedValue<V> extends Synced {
	memberId: Id;
	value: V;
	/** First day the value is in force (in the team zone). */
	from: IsoDate;
	trashedAt: EpochMs | null;
}

/** The fields the rules read, so callers and tests may pass lean rows. */
export type DatedEntry<V> = Pick<DatedValue<V>, 'id' | 'memberId' | 'value' | 'from'> & {
	_meta?: { updated: string };
	trashedAt?: EpochMs | null;
};

export const MEMBER_STATUSES = ['active', 'on_leave', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

// The stored records of each kind (a level, a reporting line, a status) are the member facts of
// member-fact.ts: DatedValues of a level id, a manager's id or null, and a MemberStatus.

export type DatedErrorCode = 'member_required' | 'from_invalid';

/** Codes for a record a person is about to save (the value is checked by its own rule). */
export function validateDated(
	entry: Pick<DatedEntry<unknown>, 'memberId' | 'from'>
): FieldError<DatedErrorCode>[] {
	const errors: FieldError<DatedErrorCode>[] = [];
	if (!entry.memberId) errors.push({ field: 'memberId', code: 'member_required' });
	if (!parseIsoDate(entry.from)) errors.push({ field: 'from', code: 'from_invalid' });
	return errors;
}

/** Whether a record takes part in the history at all. */
export function isLive(entry: DatedEntry<unknown>): boolean {
	return entry.trashedAt == null && parseIsoDate(entry.from) !== null;
}

/** Order of force: by date, then write stamp, then id; the greatest wins on its date. */
export function compareDated(a: DatedEntry<unknown>, b: DatedEntry<unknown>): number {
	return (
		cmp(a.from, b.from) || cmp(a._meta?.updated ?? '', b._meta?.updated ?? '') || cmp(a.id, b.id)
	);
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The value in force on `date` in one member's history (records of other members are the
 * caller's mistake and are not filtered); undefined before the first record.
 */
export function valueAt<V>(history: Iterable<DatedEntry<V>>, date: IsoDate): V | undefined {
	let best: DatedEntry<V> | undefined;
	for (const r of history) {
		if (!isLive(r) || r.from > date) continue;
		if (!best || compareDated(r, best) > 0) best = r;
	}
	return best?.value;
}

/** Each member's live records, in order of force. */
export function historiesByMember<V, R extends DatedEntry<V>>(records: Iterable<R>): Map<Id, R[]> {
	const out = new Map<Id, R[]>();
	for (const r of records) {
		if (!isLive(r)) continue;
		let list = out.get(r.memberId);
		if (!list) out.set(r.memberId, (list = []));
		list.push(r);
	}
	for (const list of out.values()) list.sort(compareDated);
	return out;
}

/** A history turned into instants in the team zone: each value from the start of its day. */
export interface Timeline<V> {
	/** Ascending; one entry per distinct day (the winner of that day). */
	at: EpochMs[];
	values: V[];
}

export function timelineOf<V>(history: Iterable<DatedEntry<V>>, zone: string): Timeline<V> {
	const sorted = [...history].filter(isLive).sort(compareDated);
	const at: EpochMs[] = [];
	const values: V[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const r = sorted[i];
		if (!r || sorted[i + 1]?.from === r.from) continue;
		const d = parseIsoDate(r.from);
		if (!d) continue;
		at.push(zonedDateStart(zone, d));
		values.push(r.value);
	}
	return { at, values };
}

/** The value in force at an instant (binary search); undefined before the first record. */
export function timelineValueAt<V>(t: Timeline<V>, at: EpochMs): V | undefined {
	let lo = 0;
	let hi = t.at.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((t.at[mid] ?? Infinity) <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo === 0 ? undefined : t.values[lo - 1];
}

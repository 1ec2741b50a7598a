/**
 * Whether a trashed record can come back, decided from where its customer is. A record of a
 * customer still in the trash comes back with its customer (a call restored to a customer nobody
 * sees would be lost again); a record whose customer is gone stays in the trash and says why,
 * since restoring it would bring back data about a person who was deleted for good (an erasure)
 * or who is not on this device.
 */

/** Where a trashed record's customer is. */
export type CustomerState =
	/** Stored and not in the trash. */
	| 'here'
	/** Stored, in the trash. */
	| 'trashed'
	/** Deleted for good: only its tombstone is left (purged or erased). */
	| 'erased'
	/** Never here: it may come with a teammate's file. */
	| 'missing';

/** Why a record stays in the trash. */
export type RestoreRefusal =
	/** The record itself is no longer stored (deleted for good meanwhile). */
	| 'gone'
	/** It is private to a member this person may not see (team-access rules). */
	| 'private'
	| 'customer_erased'
	| 'customer_missing';

export type RestoreVerdict =
	{ ok: true; withCustomer: boolean } | { ok: false; code: RestoreRefusal };

/**
 * `stored`: whether the record is still stored; `customer`: its customer's state, null for a
 * record that belongs to no customer; `visible`: whether this person may see it at all.
 */
export function restoreVerdict(
	stored: boolean,
	customer: CustomerState | null,
	visible = true
): RestoreVerdict {
	if (!stored) return { ok: false, code: 'gone' };
	if (!visible) return { ok: false, code: 'private' };
	switch (customer) {
		case null:
		case 'here':
			return { ok: true, withCustomer: false };
		case 'trashed':
			return { ok: true, withCustomer: true };
		case 'erased':
			return { ok: false, code: 'customer_erased' };
		case 'missing':
			return { ok: false, code: 'customer_missing' };
	}
}

/** A customer's state from its stored record (or undefined) and whether a tombstone names it. */
export function customerStateOf(
	customer: { trashedAt: number | null } | undefined,
	tombstoned: boolean
): CustomerState {
	if (customer) return customer.trashedAt === null ? 'here' : 'trashed';
	return tombstoned ? 'erased' : 'missing';
}

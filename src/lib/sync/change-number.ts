/**
 * The local change number: this device's own count of its writes, set on every stored record and
 * tombstone by the database layer (db/change-counter-middleware.ts), so that "everything written
 * here after N" is one index range, whoever authored the values. It says nothing about when or by
 * whom a value was written (the stamps do) and differs from one device to the next, so it never
 * leaves the device: a snapshot writer strips it, a reader drops it from a file, and the merge
 * neither compares nor keeps it.
 */
export const CHANGE_FIELD = '_chg';

/** The record without its change number; the same object when it has none. */
export function withoutChangeNumber<R extends object>(r: R): R {
	if (!Object.hasOwn(r, CHANGE_FIELD)) return r;
	const out = { ...r };
	Reflect.deleteProperty(out, CHANGE_FIELD);
	return out;
}

/**
 * Whether a string read from a record, a file or a form is one of a closed list of codes, and so
 * of the list's type: the guard that lets a code read as `string` be used where its type is asked
 * for (a typed message key, a lookup in a map over the codes) without a cast.
 */
export function isOneOf<C extends string>(codes: readonly C[], value: string): value is C {
	return codes.some((c) => c === value);
}

/** Problems found in a row. Codes only; the UI translates them. */

/** `error` rejects the row; `warning` keeps it (the field is left empty or defaulted). */
export type Severity = 'error' | 'warning';

export interface FieldIssue<C extends string = string> {
	field: string;
	code: C;
	severity: Severity;
	/** The offending cell text (for "this phone was not understood: …"). */
	value?: string;
	/** The column of a cell over a cap (1-based), named in the message instead of its text. */
	column?: number;
}

/** Column indexes per field, computed once per import rather than per row. */
export function columnsByField(mapping: readonly (string | null)[]): Map<string, number[]> {
	const m = new Map<string, number[]>();
	mapping.forEach((f, i) => {
		if (f !== null) m.set(f, [...(m.get(f) ?? []), i]);
	});
	return m;
}

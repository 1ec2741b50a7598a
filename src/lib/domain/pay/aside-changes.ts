import { canonical } from '../../sync/merge';

/**
 * What a version set aside would change in the lead's record: each field whose value differs,
 * with the lead's value (null when the record is not stored) and the manager's. The stamps
 * (`_meta`) and the id are not content.
 */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

export function asideChanges(
	stored: Record<string, unknown> | null,
	incoming: Record<string, unknown>
): FieldChange[] {
	const fields = new Set([...Object.keys(stored ?? {}), ...Object.keys(incoming)]);
	const out: FieldChange[] = [];
	for (const field of [...fields].sort()) {
		if (field === 'id' || field === '_meta') continue;
		const before = stored ? stored[field] : null;
		const after = incoming[field];
		if (canonical(before ?? null) !== canonical(after ?? null))
			out.push({ field, before: before ?? null, after: after ?? null });
	}
	return out;
}

/** The record's content as a lead's edit writes it: every field but the id and the stamps. */
export function contentFields(record: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(record)) if (k !== 'id' && k !== '_meta') out[k] = v;
	return out;
}

/**
 * Merging two or more customer files into one: the survivor keeps its id (so everything already
 * linked to it stays linked) and, field by field, the value the user chose. List fields (phones,
 * emails, tags) default to the union of all records, because dropping a number someone used is
 * worse than keeping one too many; a scalar field defaults to the survivor's value, or to the
 * first other record's value when the survivor's is empty.
 */
import type { Customer, CustomerDraft } from './customer';
import { emailKey } from './email';

export const MERGE_FIELDS = [
	'kind',
	'name',
	'company',
	'phones',
	'emails',
	'wechat',
	'address',
	'city',
	'industry',
	'source',
	'tier',
	'stage',
	'tags',
	'ownerId',
	'birthday',
	'needs',
	'notes'
] as const satisfies readonly (keyof CustomerDraft)[];

export type MergeField = (typeof MERGE_FIELDS)[number];

export const LIST_FIELDS = ['phones', 'emails', 'tags'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export const isListField = (f: MergeField): f is ListField =>
	(LIST_FIELDS as readonly string[]).includes(f);

/** Per field: the id of the record whose value stays, or 'union' (list fields only). */
export type FieldChoice = string;
export const UNION = 'union';
export type MergeChoices = Partial<Record<MergeField, FieldChoice>>;

export type MergeSource = Pick<Customer, 'id' | MergeField>;

export type MergeError =
	'merge_needs_two' | 'merge_survivor_missing' | 'merge_duplicate_id' | 'merge_choice_invalid';

export type MergePlan =
	| { ok: true; draft: CustomerDraft; choices: Record<MergeField, FieldChoice> }
	| { ok: false; code: MergeError; field?: MergeField };

const isEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : v === '');

/** The union of a list field, in record order, without repeats (emails case-insensitively). */
function unionOf(field: ListField, records: readonly MergeSource[]): string[] {
	const key = field === 'emails' ? emailKey : (s: string) => s;
	const seen = new Set<string>();
	const out: string[] = [];
	for (const r of records)
		for (const v of r[field]) {
			const k = key(v);
			if (seen.has(k)) continue;
			seen.add(k);
			out.push(v);
		}
	return out;
}

/** Survivor first, then the others in the order given. */
function ordered(records: readonly MergeSource[], survivorId: string): MergeSource[] {
	const survivor = records.find((r) => r.id === survivorId);
	return survivor ? [survivor, ...records.filter((r) => r.id !== survivorId)] : [...records];
}

/** What the form starts with: unions for lists, the survivor's (or first non-empty) value else. */
export function defaultChoices(
	records: readonly MergeSource[],
	survivorId: string
): Record<MergeField, FieldChoice> {
	const list = ordered(records, survivorId);
	const out = {} as Record<MergeField, FieldChoice>;
	for (const f of MERGE_FIELDS) {
		if (isListField(f)) out[f] = UNION;
		else out[f] = (list.find((r) => !isEmpty(r[f])) ?? list[0])?.id ?? survivorId;
	}
	return out;
}

/** The fields whose values differ between the records: the only ones worth asking about. */
export function differingFields(records: readonly MergeSource[]): MergeField[] {
	return MERGE_FIELDS.filter((f) => {
		const first = JSON.stringify(records[0]?.[f]);
		return records.some((r) => JSON.stringify(r[f]) !== first);
	});
}

/**
 * The survivor's new values. Refuses fewer than two distinct records, a survivor not among them,
 * and a choice naming a record outside the merge (or 'union' for a field that is not a list).
 */
export function planMerge(
	records: readonly MergeSource[],
	survivorId: string,
	choices: MergeChoices = {}
): MergePlan {
	const ids = new Set(records.map((r) => r.id));
	if (ids.size !== records.length) return { ok: false, code: 'merge_duplicate_id' };
	if (records.length < 2) return { ok: false, code: 'merge_needs_two' };
	if (!ids.has(survivorId)) return { ok: false, code: 'merge_survivor_missing' };
	const list = ordered(records, survivorId);
	const chosen = { ...defaultChoices(list, survivorId), ...choices };
	const draft = {} as Record<MergeField, unknown>;
	for (const f of MERGE_FIELDS) {
		const choice = chosen[f];
		if (choice === UNION) {
			if (!isListField(f)) return { ok: false, code: 'merge_choice_invalid', field: f };
			draft[f] = unionOf(f, list);
			continue;
		}
		const from = list.find((r) => r.id === choice);
		if (!from) return { ok: false, code: 'merge_choice_invalid', field: f };
		const v = from[f];
		draft[f] = Array.isArray(v) ? [...v] : v;
	}
	return { ok: true, draft: draft as CustomerDraft, choices: chosen };
}

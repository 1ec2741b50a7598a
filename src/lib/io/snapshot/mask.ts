/**
 * Masks for snapshots that leave the team. A masked value keeps just enough to recognise it
 * (*******8000), never enough to guess it, and keeps its field's kind so the importer accepts it;
 * it is marked in the header, so an importer never lets it overwrite a real value.
 */
import { normalizeEmail } from '../../domain/customer/email';
import { fieldKinds, type FieldKind } from '../../sync/tables';

/**
 * Only the last digits stay, so the number cannot be guessed: '+8613800138000' → '*******8000'
 * (a mainland mobile's first three digits name its carrier and would leave 10,000 guesses).
 * Numbers are counted in their national form ('+861062345678' is 010 6234 5678: 11 digits); a
 * short number keeps two digits or none. Not the domain's maskPhone, which keeps +86 for screens.
 */
export function maskPhone(phone: string): string {
	const number = phone.replace(/;ext=\d+$/, '');
	let digits = number.replace(/\D/g, '');
	if (number.trim().startsWith('+86') && digits.startsWith('86')) {
		digits = digits.slice(2);
		// A mainland mobile is 11 digits from 13x-19x; anything else is a landline, written
		// nationally with its trunk 0 (Beijing +86 10 … is 010 …, not a mobile).
		if (!/^1[3-9]\d{9}$/.test(digits)) digits = `0${digits}`;
	}
	const keep = digits.length >= 10 ? 4 : digits.length >= 6 ? 2 : 0;
	return '*'.repeat(digits.length - keep) + digits.slice(digits.length - keep);
}

/**
 * 'zhangsan@example.com' → 'z***@example.com': still a valid address (the importer's checks
 * and mail links keep working). A value that is no address becomes '': nothing to recognise.
 */
export function maskEmail(email: string): string {
	const valid = normalizeEmail(email);
	if (!valid.ok) return '';
	const at = valid.value.lastIndexOf('@');
	return `${valid.value.slice(0, 1)}***${valid.value.slice(at)}`;
}

/** Chinese ID number (18 characters) and the like: '110101199003071234' → '110***********1234'. */
export function maskIdNumber(id: string): string {
	const s = id.trim();
	if (s.length < 8) return '*'.repeat(s.length);
	return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** Any other text: first character kept ('张三' → '张***'); '' stays ''. */
export function maskText(text: string): string {
	const first = [...text][0];
	return first === undefined ? '' : `${first}***`;
}

export type Masker = (value: string) => string;

/** Which masker applies to a field name; anything else is masked as text. */
export function maskerFor(field: string): Masker {
	if (/phone/i.test(field)) return maskPhone;
	if (/email/i.test(field)) return maskEmail;
	if (/idNumber|idCard/i.test(field)) return maskIdNumber;
	return maskText;
}

/** The kind this app version knows for a field, if any (restore() checks values against it). */
export function kindOf(table: string, field: string): FieldKind | undefined {
	const fields = fieldKinds(table);
	return fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/**
 * Kinds a mask can keep: text and lists of text are masked; a date, or a field that may be null,
 * is emptied (a masked birthday is '', not text). Numbers, booleans, amounts and ids cannot be
 * masked without breaking their kind or a link, so a request to mask them is left out.
 */
const MASKABLE_KINDS: ReadonlySet<FieldKind> = new Set([
	'string',
	'strings',
	'date?',
	'number?',
	'id?'
]);

/**
 * Masks one value. A field this version knows keeps its kind: text and each text of a list is
 * masked, a date becomes '' (null stays null), a nullable number or id becomes null. A field it
 * does not know (kept in `_extra`): strings and lists of strings are masked, anything else → null.
 */
export function maskValue(field: string, value: unknown, kind?: FieldKind): unknown {
	if (kind === 'date?') return typeof value === 'string' ? '' : null;
	if (kind === 'number?' || kind === 'id?') return null;
	const m = maskerFor(field);
	if (typeof value === 'string') return value === '' ? '' : m(value);
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? m(v) : null));
	return null;
}

/**
 * `table.field` entries grouped by table. Fields whose known kind cannot be masked are left out
 * (and so out of the header: the file never claims a mask it did not apply).
 */
export function maskPlan(fields: readonly string[]): Map<string, Set<string>> {
	const plan = new Map<string, Set<string>>();
	for (const tf of fields) {
		const dot = tf.indexOf('.');
		// `__proto__` is a valid identifier but would be a prototype write, not a field.
		if (dot <= 0 || tf.endsWith('.__proto__')) continue;
		const table = tf.slice(0, dot);
		const field = tf.slice(dot + 1);
		const kind = kindOf(table, field);
		if (kind && !MASKABLE_KINDS.has(kind)) continue;
		const set = plan.get(table) ?? new Set<string>();
		plan.set(table, set.add(field));
	}
	return plan;
}

/** The `table.field` entries of a plan, in the order they were asked for. */
export function plannedFields(
	fields: readonly string[],
	plan: ReadonlyMap<string, ReadonlySet<string>>
): string[] {
	return fields.filter((tf) => {
		const dot = tf.indexOf('.');
		return plan.get(tf.slice(0, dot))?.has(tf.slice(dot + 1)) ?? false;
	});
}

/**
 * A copy of the record with the planned fields masked, wherever they sit (top level or `_extra`).
 * Stamps are kept: the importer marks these values masked at exactly those stamps, so they fill a
 * gap but never overwrite a real value, and any later real write replaces them.
 */
export function maskRecord<R extends Record<string, unknown>>(
	record: R,
	fields: ReadonlySet<string>,
	table = ''
): R {
	if (fields.size === 0) return record;
	const out: Record<string, unknown> = { ...record };
	const mask = (f: string, v: unknown) => maskValue(f, v, kindOf(table, f));
	for (const f of fields) if (Object.hasOwn(out, f)) out[f] = mask(f, out[f]);
	const extra = out._extra;
	if (typeof extra === 'object' && extra !== null) {
		const copy: Record<string, unknown> = { ...extra };
		for (const f of fields) if (Object.hasOwn(copy, f)) copy[f] = mask(f, copy[f]);
		out._extra = copy;
	}
	return out as R;
}

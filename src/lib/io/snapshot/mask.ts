/**
 * Masks for snapshots that leave the team. A masked value keeps just enough to recognise it
 * (138****8000) and is marked in the header, so an importer never lets it overwrite a real value.
 */

/**
 * '+8613800138000' → '138****8000'; '+861062345678' → '010****5678'; short → '****78'. Not the
 * domain's maskPhone (which keeps +86): the national form is what people recognise on paper.
 */
export function maskPhone(phone: string): string {
	let digits = phone.replace(/\D/g, '');
	if (phone.trim().startsWith('+86') && digits.startsWith('86')) {
		digits = digits.slice(2);
		// A mainland mobile is 11 digits from 13x-19x; anything else is a landline, written
		// nationally with its trunk 0 (Beijing +86 10 … is 010 …, not a mobile).
		if (!/^1[3-9]\d{9}$/.test(digits)) digits = `0${digits}`;
	}
	if (digits.length < 7) return `****${digits.slice(-2)}`;
	return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** 'zhangsan@example.com' → 'z***@example.com'. */
export function maskEmail(email: string): string {
	const at = email.lastIndexOf('@');
	if (at <= 0) return maskText(email);
	return `${email.slice(0, 1)}***${email.slice(at)}`;
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

/** Masks one value: strings, and arrays of strings, element by element; other values → null. */
export function maskValue(field: string, value: unknown): unknown {
	const m = maskerFor(field);
	if (typeof value === 'string') return value === '' ? '' : m(value);
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? m(v) : null));
	return null;
}

/** `table.field` entries grouped by table. */
export function maskPlan(fields: readonly string[]): Map<string, Set<string>> {
	const plan = new Map<string, Set<string>>();
	for (const tf of fields) {
		const dot = tf.indexOf('.');
		// `__proto__` is a valid identifier but would be a prototype write, not a field.
		if (dot <= 0 || tf.endsWith('.__proto__')) continue;
		const table = tf.slice(0, dot);
		const set = plan.get(table) ?? new Set<string>();
		plan.set(table, set.add(tf.slice(dot + 1)));
	}
	return plan;
}

/**
 * A copy of the record with the planned fields masked, wherever they sit (top level or `_extra`).
 * Stamps are kept: the importer marks these values masked at exactly those stamps, so they fill a
 * gap but never overwrite a real value, and any later real write replaces them.
 */
export function maskRecord<R extends Record<string, unknown>>(
	record: R,
	fields: ReadonlySet<string>
): R {
	if (fields.size === 0) return record;
	const out: Record<string, unknown> = { ...record };
	for (const f of fields) if (Object.hasOwn(out, f)) out[f] = maskValue(f, out[f]);
	const extra = out._extra;
	if (typeof extra === 'object' && extra !== null) {
		const copy: Record<string, unknown> = { ...extra };
		for (const f of fields) if (Object.hasOwn(copy, f)) copy[f] = maskValue(f, copy[f]);
		out._extra = copy;
	}
	return out as R;
}

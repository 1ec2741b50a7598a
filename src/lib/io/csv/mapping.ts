/**
 * Column mapping: which field each CSV column feeds. `suggestMapping` proposes one from the
 * headers; the person corrects it; `headerSignature` lets the corrected mapping be saved as a
 * template and offered again for the next file with the same columns.
 */
import {
	FIELDS,
	MULTI_FIELDS,
	type ColumnMapping,
	type FieldsOf,
	type ImportTarget
} from './fields';
import { headerKey, RULES } from './synonyms';

type Lookup<F> = { exact: Map<string, F>; patterns: [RegExp, F][] };
const lookups = new Map<ImportTarget, Lookup<string>>();

function lookupFor<T extends ImportTarget>(target: T): Lookup<FieldsOf[T]> {
	let l = lookups.get(target);
	if (!l) {
		l = { exact: new Map(), patterns: [] };
		for (const [field, names, patterns] of RULES[target]) {
			for (const n of names.split('|'))
				if (!l.exact.has(headerKey(n))) l.exact.set(headerKey(n), field);
			for (const p of patterns ?? []) l.patterns.push([p, field]);
		}
		lookups.set(target, l);
	}
	return l as Lookup<FieldsOf[T]>;
}

/** The field a header names, ignoring a trailing number ("手机2", "Email 3"). */
export function fieldForHeader<T extends ImportTarget>(
	header: string,
	target: T
): FieldsOf[T] | null {
	const l = lookupFor(target);
	const key = headerKey(header);
	if (!key) return null;
	const direct = l.exact.get(key) ?? l.patterns.find(([p]) => p.test(key))?.[1];
	if (direct) return direct;
	const bare = key.replace(/\d+$/, '');
	return bare && bare !== key ? (l.exact.get(bare) ?? null) : null;
}

export function suggestMapping<T extends ImportTarget>(
	headers: readonly string[],
	target: T
): ColumnMapping<T> {
	const taken = new Set<string>();
	const mapping = headers.map((h) => {
		const f = fieldForHeader(h, target);
		if (!f || (taken.has(f) && !MULTI_FIELDS.has(f))) return null;
		taken.add(f);
		return f;
	});
	if (target === 'customer' && !['name', 'firstName', 'lastName'].some((f) => taken.has(f))) {
		// No name column: a company list (Zoho/Salesforce "Account Name") or a contact list.
		const promote = taken.has('contactName') ? 'contactName' : 'company';
		const i = mapping.indexOf(promote as FieldsOf[T]);
		if (i >= 0) mapping[i] = 'name' as FieldsOf[T];
	}
	return mapping;
}

/** Drops unknown field names (a template saved by an older version) and repeated single fields. */
export function sanitizeMapping<T extends ImportTarget>(
	mapping: readonly (string | null)[],
	width: number,
	target: T
): ColumnMapping<T> {
	const known = new Set<string>(FIELDS[target]);
	const taken = new Set<string>();
	return Array.from({ length: width }, (_, i) => {
		const f = mapping[i] ?? null;
		if (f === null || !known.has(f) || (taken.has(f) && !MULTI_FIELDS.has(f))) return null;
		taken.add(f);
		return f as FieldsOf[T];
	});
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable across sessions and platforms. */
function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A stable key for a header row, for saving mapping templates: order-sensitive (mappings are by
 * column), insensitive to case, full/half width and surrounding spaces.
 */
export function headerSignature(headers: readonly string[]): string {
	const norm = headers.map((h) => h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' '));
	return `h1-${headers.length}-${fnv1a(norm.join('\u001f'))}`;
}

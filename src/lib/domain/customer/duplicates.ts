/**
 * The duplicate rules, shared by the CSV import (a row that is a stored customer, a row repeating
 * an earlier one) and by finding and merging duplicate customers (duplicate-groups.ts), so that the
 * two never disagree. Two customers are the same when they share an email (case-insensitive), a
 * phone (normalised E.164, extension ignored), or a name together with a company (both compared
 * loosely; companies by companyKey, so 北京某某科技有限公司 ≈ 某某科技 ≈ 某某).
 * A name alone is never enough: 张伟 is the most common name in China.
 *
 * For a company customer, the company IS the name, so its name is compared with companyKey.
 */
import { emailKey } from './email';
import { companyKey, looseKey } from './company-key';

export type DuplicateRule = 'same_email' | 'same_phone' | 'same_name_company';

export interface DuplicateCandidate {
	id: string;
	/** A company customer is matched on its name as a company; a person needs a company too. */
	kind: 'person' | 'company';
	name: string;
	company: string;
	phones: readonly string[];
	emails: readonly string[];
}

export interface DuplicateMatch {
	id: string;
	rule: DuplicateRule;
}

const phoneKey = (p: string): string => {
	const ext = p.indexOf(';ext=');
	return ext < 0 ? p : p.slice(0, ext);
};

/** Keys by rule. */
export function duplicateKeys(c: Omit<DuplicateCandidate, 'id'>): DuplicateKeys {
	const keys: DuplicateKeys = [];
	for (const e of c.emails) if (e.trim()) keys.push(['same_email', emailKey(e)]);
	for (const p of c.phones) if (p.trim()) keys.push(['same_phone', phoneKey(p)]);
	const name = looseKey(c.name);
	const company = c.company.trim() ? companyKey(c.company) : '';
	if (c.kind === 'company') {
		if (name) keys.push(['same_name_company', `\u0000${companyKey(c.name)}`]);
	} else if (name && company) keys.push(['same_name_company', `${name}\u0000${company}`]);
	return keys;
}

/** Keys are computed once per row and shared by the existing-customer and in-file checks. */
export type DuplicateKeys = [DuplicateRule, string][];

export class DuplicateIndex {
	/** One map per rule (no key concatenation); a key usually has one id, kept unboxed. */
	private readonly maps = new Map<DuplicateRule, Map<string, string | string[]>>();

	constructor(existing: Iterable<DuplicateCandidate> = []) {
		for (const c of existing) this.add(c);
	}

	add(c: DuplicateCandidate): void {
		this.addKeys(c.id, duplicateKeys(c));
	}

	addKeys(id: string, keys: DuplicateKeys): void {
		for (const [rule, key] of keys) {
			let map = this.maps.get(rule);
			if (!map) this.maps.set(rule, (map = new Map()));
			const ids = map.get(key);
			if (ids === undefined) map.set(key, id);
			else if (typeof ids === 'string') {
				if (ids !== id) map.set(key, [ids, id]);
			} else if (!ids.includes(id)) ids.push(id);
		}
	}

	/** Every indexed record sharing a key with the candidate, once per id (strongest rule first). */
	match(c: Omit<DuplicateCandidate, 'id'> & { id?: string }): DuplicateMatch[] {
		return this.matchKeys(duplicateKeys(c), c.id);
	}

	matchKeys(keys: DuplicateKeys, self?: string): DuplicateMatch[] {
		const found: DuplicateMatch[] = [];
		for (const [rule, key] of keys) {
			const ids = this.maps.get(rule)?.get(key);
			if (ids === undefined) continue;
			if (typeof ids === 'string') {
				if (ids !== self && !found.some((f) => f.id === ids)) found.push({ id: ids, rule });
				continue;
			}
			for (const id of ids) {
				if (id !== self && !found.some((f) => f.id === id)) found.push({ id, rule });
			}
		}
		return found;
	}
}

/** Within one file: for each row, the earlier rows it duplicates (by line number). */
export class FileDuplicates {
	private readonly index = new DuplicateIndex();

	check(
		line: number,
		c: Omit<DuplicateCandidate, 'id'>,
		keys: DuplicateKeys = duplicateKeys(c)
	): { line: number; rule: DuplicateRule }[] {
		const hits = this.index.matchKeys(keys).map((m) => ({ line: Number(m.id), rule: m.rule }));
		this.index.addKeys(String(line), keys);
		return hits;
	}
}

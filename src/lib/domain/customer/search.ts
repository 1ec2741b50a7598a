import type { CustomerRow } from './customer-row';
import { foldText } from './text';

/**
 * Instant search over the in-memory rows: every whitespace-separated term must occur in the
 * row's searchKeys (name, company, pinyin full and initials, phone digits, emails, WeChat).
 * A term that is mostly digits is matched by its digits only, so "138-1234" finds 13812345678.
 * Best match first: names that start with the query, then everything else in list order.
 */
export function searchRows<R extends Pick<CustomerRow, 'searchKeys' | 'name'>>(
	rows: readonly R[],
	query: string
): R[] {
	const terms = termsOf(query);
	if (terms.length === 0) return [...rows];
	const first: R[] = [];
	const rest: R[] = [];
	const head = terms[0] ?? '';
	outer: for (const row of rows) {
		const keys = row.searchKeys;
		for (const term of terms) if (!keys.includes(term)) continue outer;
		(keys.startsWith(head) || foldText(row.name).startsWith(head) ? first : rest).push(row);
	}
	return first.concat(rest);
}

export function termsOf(query: string): string[] {
	return foldText(query)
		.split(' ')
		.filter(Boolean)
		.map((term) => {
			const digits = term.replace(/\D/g, '');
			return digits.length >= 3 && /^[\d\s()+\-.]+$/.test(term) ? digits : term;
		});
}

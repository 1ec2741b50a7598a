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
	return ranked(matching(rows, terms), terms[0] ?? '');
}

/** The rows whose searchKeys contain every term, in list order. */
function matching<R extends Pick<CustomerRow, 'searchKeys'>>(
	rows: readonly R[],
	terms: readonly string[]
): R[] {
	const out: R[] = [];
	outer: for (const row of rows) {
		const keys = row.searchKeys;
		for (const term of terms) if (!keys.includes(term)) continue outer;
		out.push(row);
	}
	return out;
}

/** Names that start with the first term first, each group in list order. */
function ranked<R extends Pick<CustomerRow, 'searchKeys'>>(
	matches: readonly R[],
	head: string
): R[] {
	const first: R[] = [];
	const rest: R[] = [];
	// searchKeys begins with the folded name, so this is "the name starts with the query"
	// without folding 100,000 names per keystroke.
	for (const row of matches) (row.searchKeys.startsWith(head) ? first : rest).push(row);
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

/**
 * True when every row that matches `next` also matches `prev` (the user typed on), so `next`
 * can be answered by searching only `prev`'s hits instead of the whole list.
 */
export function narrows(prev: readonly string[], next: readonly string[]): boolean {
	if (prev.length === 0 || next.length < prev.length) return false;
	for (let i = 0; i < prev.length - 1; i++) if (next[i] !== prev[i]) return false;
	const last = prev.length - 1;
	return (next[last] ?? '').includes(prev[last] ?? '');
}

/**
 * Search as you type: remembers the last query and its hits, and answers a query that narrows
 * it from those hits only. The result is exactly what searchRows gives over the whole list.
 */
export class IncrementalSearch<R extends Pick<CustomerRow, 'searchKeys' | 'name'>> {
	#rows: readonly R[] = [];
	// The last query's matches in list order (not ranked), so narrowing them keeps list order
	// without sorting tens of thousands of hits back into place.
	#last: { terms: string[]; matches: R[] } | null = null;

	search(rows: readonly R[], query: string): R[] {
		if (rows !== this.#rows) {
			this.#rows = rows;
			this.#last = null;
		}
		const terms = termsOf(query);
		if (terms.length === 0) {
			this.#last = null;
			return [...rows];
		}
		const last = this.#last;
		const matches = matching(last && narrows(last.terms, terms) ? last.matches : rows, terms);
		this.#last = { terms, matches };
		return ranked(matches, terms[0] ?? '');
	}
}

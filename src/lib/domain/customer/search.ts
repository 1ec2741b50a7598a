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
	#position = new Map<R, number>();
	#last: { terms: string[]; hits: R[] } | null = null;

	search(rows: readonly R[], query: string): R[] {
		if (rows !== this.#rows) {
			this.#rows = rows;
			this.#position = new Map(rows.map((r, i) => [r, i]));
			this.#last = null;
		}
		const terms = termsOf(query);
		if (terms.length === 0) {
			this.#last = null;
			return [...rows];
		}
		const last = this.#last;
		let hits: R[];
		if (last && narrows(last.terms, terms)) {
			// Hits of the narrower query, back in list order, then ranked as searchRows ranks.
			const inOrder = searchRows(last.hits, query).sort(
				(a, b) => (this.#position.get(a) ?? 0) - (this.#position.get(b) ?? 0)
			);
			hits = searchRows(inOrder, query);
		} else {
			hits = searchRows(rows, query);
		}
		this.#last = { terms, hits };
		return hits;
	}
}

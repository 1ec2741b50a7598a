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

const ROW_SEP = '\u0002';

/**
 * Every row's searchKeys in one string (rows separated by \u0002, which no key contains): a term
 * is found by indexOf jumping from hit to hit over one string, instead of one includes call per
 * row, which is what made a keystroke slow at 100,000 customers.
 */
export class KeyText {
	readonly #text: string;
	/** starts[i]: where row i's keys begin; starts[n]: past the end. */
	readonly #starts: Int32Array;

	constructor(keys: readonly string[]) {
		this.#text = keys.join(ROW_SEP);
		this.#starts = new Int32Array(keys.length + 1);
		let at = 0;
		keys.forEach((k, i) => {
			this.#starts[i] = at;
			at += k.length + 1;
		});
		this.#starts[keys.length] = at;
	}

	/** Indexes of the rows whose keys contain `term`, ascending. */
	rowsWith(term: string): number[] {
		const out: number[] = [];
		if (!term || term.includes(ROW_SEP)) return out;
		let pos = this.#text.indexOf(term);
		while (pos !== -1) {
			const row = this.#rowAt(pos);
			out.push(row);
			pos = this.#text.indexOf(term, this.#starts[row + 1]);
		}
		return out;
	}

	/**
	 * The rows of `among` (indexes, ascending) whose keys contain `term`. Each indexOf starts at
	 * the next candidate and its hit skips every candidate before the row it lands in, so the
	 * text is read at most once whatever the number of candidates.
	 */
	rowsAmongWith(among: readonly number[], term: string): number[] {
		const out: number[] = [];
		if (!term || term.includes(ROW_SEP)) return out;
		let k = 0;
		while (k < among.length) {
			const pos = this.#text.indexOf(term, this.#starts[among[k] ?? 0]);
			if (pos === -1) break;
			const row = this.#rowAt(pos);
			while (k < among.length && (among[k] ?? 0) < row) k++;
			if (among[k] === row) {
				out.push(row);
				k++;
			}
		}
		return out;
	}

	/** True when row i's keys begin with `head` (its folded name does: see searchKeysOf). */
	startsWith(i: number, head: string): boolean {
		return this.#text.startsWith(head, this.#starts[i]);
	}

	/** The row whose keys span `pos` (binary search over the starts). */
	#rowAt(pos: number): number {
		let lo = 0;
		let hi = this.#starts.length - 2;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((this.#starts[mid] ?? 0) <= pos) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}

/**
 * Search as you type: remembers the last query and its matches, and answers a query that narrows
 * a small enough set of them from those only; anything else is looked up in the KeyText of the
 * whole list, built once per rows array. The result is exactly what searchRows gives.
 */
export class IncrementalSearch<R extends Pick<CustomerRow, 'searchKeys' | 'name'>> {
	#rows: readonly R[] = [];
	#text: KeyText | null = null;
	// The last query's matches as row indexes in list order (not ranked), so narrowing them keeps
	// list order without sorting tens of thousands of hits back into place.
	#last: { terms: string[]; matches: number[] } | null = null;

	/*
	 * Rows are never read here, only their positions in the KeyText: a row keeps its keys in a
	 * packed page (list/packed-customer-rows.ts) and cuts them out anew on every read, which for
	 * every match of a one-letter query is tens of thousands of strings per keystroke.
	 */
	search(rows: readonly R[], query: string): R[] {
		this.#use(rows);
		const terms = termsOf(query);
		if (terms.length === 0) {
			this.#last = null;
			return [...rows];
		}
		// A term holding the row separator matches no row's keys; searchRows gives the same.
		if (terms.some((t) => t.includes(ROW_SEP))) return searchRows(rows, query);
		const text = (this.#text ??= keyTextOf(rows));
		const last = this.#last;
		const narrowing = last && narrows(last.terms, terms) && last.matches.length * 8 < rows.length;
		const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
		let matches = narrowing ? last.matches : text.rowsWith(longest);
		for (const term of terms)
			if (narrowing || term !== longest) matches = text.rowsAmongWith(matches, term);
		this.#last = { terms, matches };
		const head = terms[0] ?? '';
		const first: R[] = [];
		const rest: R[] = [];
		for (const i of matches) {
			const row = rows[i];
			if (row) (text.startsWith(i, head) ? first : rest).push(row);
		}
		return first.concat(rest);
	}

	/**
	 * Builds the search text of `rows` ahead of the first query (the caller picks an idle
	 * moment): over the whole list it is a long task that the first keystroke would wait for.
	 */
	prepare(rows: readonly R[]): void {
		this.#use(rows);
		this.#text ??= keyTextOf(rows);
	}

	#use(rows: readonly R[]): void {
		if (rows === this.#rows) return;
		this.#rows = rows;
		this.#text = null;
		this.#last = null;
	}
}

const keyTextOf = (rows: readonly Pick<CustomerRow, 'searchKeys'>[]) =>
	new KeyText(rows.map((r) => r.searchKeys));

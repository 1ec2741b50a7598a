import type { CustomerRow } from '$lib/domain/customer/customer-row';
import {
	filterRows,
	sortRows,
	type CustomerFilter,
	type SortColumn
} from '$lib/domain/customer/filter-sort';

export interface ListSource {
	readonly rows: readonly CustomerRow[];
	search(query: string): CustomerRow[];
}

/**
 * What the customer list shows: search → filter → sort, each step a $derived so that a keystroke
 * recomputes synchronously (same frame) and an unchanged step is not recomputed.
 * With a query and no chosen sort, rows keep the search index's best-match-first order.
 */
export class CustomerListState {
	query = $state('');
	filter = $state<CustomerFilter>({});
	sort = $state<{ col: SortColumn; dir: 'asc' | 'desc' } | null>(null);

	readonly #source: ListSource;
	readonly #now: () => number;

	constructor(source: ListSource, now: () => number) {
		this.#source = source;
		this.#now = now;
	}

	readonly searched = $derived.by((): readonly CustomerRow[] => {
		const q = this.query.trim();
		return q ? this.#source.search(q) : this.#source.rows;
	});

	readonly filtered = $derived.by((): readonly CustomerRow[] =>
		isEmptyFilter(this.filter) ? this.searched : filterRows(this.searched, this.filter, this.#now())
	);

	readonly visible = $derived.by((): readonly CustomerRow[] => {
		const sort = this.sort;
		return sort ? sortRows(this.filtered, sort.col, sort.dir) : this.filtered;
	});

	/** Click on a header: first ascending, then descending, then back to ascending. */
	toggleSort(col: SortColumn): void {
		const current = this.sort;
		this.sort =
			current !== null && current.col === col && current.dir === 'asc'
				? { col, dir: 'desc' }
				: { col, dir: 'asc' };
	}
}

export function isEmptyFilter(f: CustomerFilter): boolean {
	return !(f.tier || f.stage || f.ownerId || f.tag || f.city || f.industry || f.notContactedDays);
}

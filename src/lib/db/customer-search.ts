import type { CustomerRow } from '$lib/domain/customer/customer-row';
import { IncrementalSearch } from '$lib/domain/customer/search';
import { customerStore } from './customer-store.svelte';

/**
 * Search over the customer store's rows, answered from memory. Kept apart from the store so that
 * the pages that only read rows (Home, the first page most visits open) do not load the search
 * code: the first page's JavaScript has a budget (the customer list bench suite, first-load JS).
 *
 * Reading `customerStore.rows` here makes a `$derived` that searches re-run when the list changes.
 */
const incremental = new IncrementalSearch<CustomerRow>();

export const customerSearch = {
	/** Answers from memory; a query that extends the previous one searches only its hits. */
	search(query: string): CustomerRow[] {
		return incremental.search(customerStore.rows, query);
	},
	/** Builds the search structure of the rows now loaded (call it when the browser is idle). */
	prepare(): void {
		incremental.prepare(customerStore.rows);
	}
};

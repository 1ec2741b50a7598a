import { rowOf, type CustomerRow } from '$lib/domain/customer/customer-row';
import { searchRows } from '$lib/domain/customer/search';
import { onCustomersChanged } from './changes';
import { getCustomers, listActiveCustomers } from './repos/customer-reads';
import { dbStatus } from './status.svelte';

/**
 * The customer list in memory: one small row per customer not in the trash, so that search,
 * filters and sorting over 100,000 customers never wait for IndexedDB. Loaded once per tab;
 * kept current by change notices from this and other tabs (only the changed rows are re-read).
 */
class CustomerStore {
	rows = $state.raw<CustomerRow[]>([]);
	ready = $state(false);
	#loading: Promise<void> | null = null;
	#listening = false;

	load(): Promise<void> {
		this.#loading ??= this.#readAll().catch((e: unknown) => {
			this.#loading = null;
			dbStatus.report(e);
			throw e;
		});
		return this.#loading;
	}

	search(query: string): CustomerRow[] {
		return searchRows(this.rows, query);
	}

	async #readAll(): Promise<void> {
		if (!this.#listening) {
			// Lives as long as the tab: the store is a module singleton.
			onCustomersChanged((ids) => void this.#refresh(ids));
			this.#listening = true;
		}
		const all = await listActiveCustomers();
		this.rows = all.map(rowOf);
		this.ready = true;
	}

	async #refresh(ids: string[] | 'all'): Promise<void> {
		if (!this.ready) return;
		if (ids === 'all') return this.#readAll();
		const fresh = await getCustomers(ids);
		// A local scratch map, never read reactively.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byId = new Map<string, CustomerRow | null>();
		ids.forEach((id, i) => {
			const c = fresh[i];
			byId.set(id, c && c.trashedAt === null ? rowOf(c) : null);
		});
		const next: CustomerRow[] = [];
		for (const r of this.rows) {
			if (!byId.has(r.id)) next.push(r);
			else {
				const row = byId.get(r.id);
				if (row) next.push(row);
				byId.delete(r.id);
			}
		}
		// Rows not in the list yet (created, restored, imported) go first: the newest on top.
		const added = [...byId.values()].filter((r): r is CustomerRow => r !== null);
		this.rows = added.length ? [...added, ...next] : next;
	}
}

export const customerStore = new CustomerStore();

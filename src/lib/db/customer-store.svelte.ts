import type { Customer } from '$lib/domain/customer/customer';
import type { CustomerRow } from '$lib/domain/customer/customer-row';
import { countByOwner } from '$lib/domain/customer/owner-counts';
import { IdIndex } from '$lib/list/id-index';
import { Interner } from '$lib/list/interner';
import { rowsOf, type RowInterning } from '$lib/list/packed-customer-rows';
import { onCustomersChanged } from './changes';
import { getCustomers, readCustomerPage } from './repos/customer-reads';
import { dbStatus } from './status.svelte';

const FIRST_PAGE = 200;
/**
 * Later pages are kept small: turning a page of records into rows is one task on the main thread,
 * and a click that arrives meanwhile (a navigation) waits for it.
 */
const PAGE = 2_500;
/** Rows loaded so far are published at most this often: every reader of `rows` re-derives. */
const PUBLISH_MS = 300;

/**
 * The customer list in memory: one small row per customer not in the trash, so that search,
 * filters and sorting over 100,000 customers never wait for IndexedDB. Loaded once per tab;
 * kept current by change notices from this and other tabs (only the changed rows are re-read).
 */
class CustomerStore {
	#rows = $state.raw<CustomerRow[]>([]);
	#ready = $state(false);
	#complete = $state(false);

	/**
	 * The rows loaded so far. Reading any of the list's state starts the load: the list is read
	 * on first use, not when the app starts, so that pages which never show customers (the
	 * lead's team pages) do not share IndexedDB and the main thread with a read of 100,000 of
	 * them.
	 */
	get rows(): CustomerRow[] {
		this.#wanted();
		return this.#rows;
	}
	/** True once the first page is in: the list can paint. */
	get ready(): boolean {
		this.#wanted();
		return this.#ready;
	}
	/** True once every customer is in: until then search and counts cover what is loaded. */
	get complete(): boolean {
		this.#wanted();
		return this.#complete;
	}
	/**
	 * Rows by id, kept with `rows`: filled as pages load and patched on refresh, so that looking
	 * up one customer (a name on a card) never builds a map of 100,000 rows. Never read
	 * reactively on its own: get() reads `rows` for that. An IdIndex, not a Map keyed by id:
	 * see id-index.ts for what 100,000 id keys cost every garbage collection.
	 */
	#byId = rowIndex();
	/** Changes announced while loading, applied once loading ends (never read reactively). */
	#pending = new Set<string>();
	/** One copy of each repeated text (city, tag, stage…) and tag list across all rows. */
	#interning: RowInterning = sharedCopies();
	#loading: Promise<void> | null = null;
	/** A load is queued for after the current task (#wanted). */
	#scheduled = false;
	#listening = false;

	load(): Promise<void> {
		this.#loading ??= this.#readAll().catch((e: unknown) => {
			this.#loading = null;
			dbStatus.report(e);
			throw e;
		});
		return this.#loading;
	}

	/**
	 * Starts the load after the current task: a getter may be read while a `$derived` or a
	 * template is evaluated, where writing state is not allowed.
	 */
	#wanted(): void {
		if (this.#loading || this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			void this.load().catch(() => undefined);
		});
	}

	/** One customer's row (not in the trash), or undefined; re-read when the list changes. */
	get(id: string): CustomerRow | undefined {
		void this.rows;
		return this.#byId.get(id);
	}

	#owned: { rows: CustomerRow[]; ownerId: string; list: CustomerRow[] } | null = null;
	#ownerCounts: { rows: CustomerRow[]; counts: ReadonlyMap<string, number> } | null = null;

	/**
	 * Customers per owner id, for each version of the list: every visit to Home (and to the pages
	 * of tasks, deals, tickets and goals) picks whose records to show from it. Counted while the list loads; after a change,
	 * counted again on the first ask (one pass over the rows).
	 */
	ownerCounts(): ReadonlyMap<string, number> {
		const rows = this.rows;
		if (this.#ownerCounts?.rows !== rows) this.#ownerCounts = { rows, counts: countByOwner(rows) };
		return this.#ownerCounts.counts;
	}

	/** The rows of one owner: Home's cards each ask, and the list is filtered once per change. */
	ownedBy(ownerId: string): CustomerRow[] {
		const rows = this.rows;
		const last = this.#owned;
		if (last && last.rows === rows && last.ownerId === ownerId) return last.list;
		const list = rows.filter((r) => r.ownerId === ownerId);
		this.#owned = { rows, ownerId, list };
		return list;
	}

	async #readAll(): Promise<void> {
		if (!this.#listening) {
			// Lives as long as the tab: the store is a module singleton.
			onCustomersChanged((ids) => void this.#refresh(ids));
			this.#listening = true;
		}
		performance.mark('rapport:customers-load-start');
		this.#complete = false;
		const rows: CustomerRow[] = [];
		// Swapped in with the first rows it belongs to (a reload keeps the old one until then).
		const byId = rowIndex();
		// Counted as the rows come in (a map update beside the work each record costs anyway).
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- never read reactively
		const counts = new Map<string, number>();
		let after: string | undefined;
		let published = -Infinity;
		// A small first page paints the list at once; then larger pages, published now and then.
		for (let limit = FIRST_PAGE; ; limit = PAGE) {
			const page = await readCustomerPage(after, limit);
			const listed = page.filter((c) => c.trashedAt === null);
			for (const row of rowsOf(listed, this.#interning)) {
				rows.push(row);
				byId.set(row);
				counts.set(row.ownerId, (counts.get(row.ownerId) ?? 0) + 1);
			}
			after = page.at(-1)?.id;
			const last = page.length < limit;
			if (last || performance.now() - published >= PUBLISH_MS) {
				this.#rows = rows.slice();
				this.#byId = byId;
				this.#ready = true;
				published = performance.now();
			}
			if (last) break;
		}
		this.#ownerCounts = { rows: this.#rows, counts };
		this.#complete = true;
		performance.measure('rapport:customers-load', 'rapport:customers-load-start');
		if (this.#pending.size) {
			const ids = [...this.#pending];
			this.#pending.clear();
			await this.#refresh(ids);
		}
	}

	async #refresh(ids: string[] | 'all'): Promise<void> {
		if (ids === 'all') {
			this.#loading = this.#readAll();
			return this.#loading;
		}
		if (!this.#complete) {
			for (const id of ids) this.#pending.add(id);
			return;
		}
		const fresh = await getCustomers(ids);
		// The changed customers still listed, and the ids of those that left (trashed or gone).
		const listed = fresh.filter((c): c is Customer => c !== undefined && c.trashedAt === null);
		const changed = rowIndex(rowsOf(listed, this.#interning));
		const gone = new IdIndex<string>((id) => id);
		for (const id of ids) if (!changed.has(id)) gone.set(id);
		for (const row of changed.values()) this.#byId.set(row);
		for (const id of gone.values()) this.#byId.delete(id);
		const next: CustomerRow[] = [];
		for (const r of this.#rows) {
			const row = changed.get(r.id);
			if (row) {
				next.push(row);
				changed.delete(r.id);
			} else if (!gone.has(r.id)) next.push(r);
		}
		// Rows not in the list yet (created, restored, imported) go first: the newest on top.
		const added = [...changed.values()];
		this.#rows = added.length ? [...added, ...next] : next;
	}
}

const rowIndex = (rows: readonly CustomerRow[] = []) => new IdIndex<CustomerRow>((r) => r.id, rows);

function sharedCopies(): RowInterning {
	const interner = new Interner();
	return { text: interner.intern, list: interner.internList };
}

export const customerStore = new CustomerStore();

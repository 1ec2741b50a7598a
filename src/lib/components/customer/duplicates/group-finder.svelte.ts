import {
	DuplicateGrouper,
	type DuplicateReason,
	type DuplicateSource
} from '$lib/domain/customer/duplicate-groups';

/** A group ready to show: its members as the list holds them, and why they matched. */
export interface FoundGroup<T extends DuplicateSource> {
	key: string;
	members: T[];
	reasons: DuplicateReason[];
}

/**
 * Finds duplicate groups over the in-memory customer list in slices, yielding between them, so
 * that 100,000 customers never block the page for long (about 2,000 customers per slice).
 */
const SLICE = 2000;

export class GroupFinder<T extends DuplicateSource> {
	groups = $state.raw<FoundGroup<T>[]>([]);
	/** False until the first search has finished (later ones keep showing the previous groups). */
	ready = $state(false);
	checked = $state(0);
	total = $state(0);
	#run = 0;

	async find(rows: readonly T[]): Promise<void> {
		const run = ++this.#run;
		this.total = rows.length;
		this.checked = 0;
		const grouper = new DuplicateGrouper();
		for (let i = 0; i < rows.length; i++) {
			grouper.add(rows[i]!);
			if ((i + 1) % SLICE === 0) {
				this.checked = i + 1;
				await new Promise((resolve) => setTimeout(resolve, 0));
				// A newer list (after a merge, an edit in another tab) replaced this one.
				if (run !== this.#run) return;
			}
		}
		const found = grouper.groups();
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, never reactive
		const wanted = new Map<string, T | null>();
		for (const g of found) for (const id of g.ids) wanted.set(id, null);
		for (const r of rows) if (wanted.has(r.id)) wanted.set(r.id, r);
		this.groups = found.map((g) => ({
			key: g.ids.join(' '),
			members: g.ids.map((id) => wanted.get(id)).filter((r): r is T => !!r),
			reasons: g.reasons
		}));
		this.checked = rows.length;
		this.ready = true;
	}
}

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
 * Finds duplicate groups over the in-memory customer list in slices of at most ~12 ms, yielding
 * to the browser between them, so that 100,000 customers never freeze the page (a slice is
 * bounded by time, not by count: a busy two-core laptop is many times slower than a desktop).
 */
const SLICE_MS = 12;

/** A new task without setTimeout's 4 ms clamp on nested timers. */
function nextTask(): Promise<void> {
	if (typeof MessageChannel === 'undefined')
		return new Promise((resolve) => setTimeout(resolve, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

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
		let sliceStart = performance.now();
		for (let i = 0; i < rows.length; i++) {
			grouper.add(rows[i]!);
			// Reading the clock every 64 rows keeps its own cost out of the loop.
			if ((i & 63) === 63 && performance.now() - sliceStart > SLICE_MS) {
				this.checked = i + 1;
				await nextTask();
				// A newer list (after a merge, an edit in another tab) replaced this one.
				if (run !== this.#run) return;
				sliceStart = performance.now();
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

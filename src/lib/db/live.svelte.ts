import { liveQuery } from 'dexie';

/**
 * A Dexie live query as Svelte state: re-runs when the tables it read change (in this tab or
 * another). Call it during component initialisation; the subscription ends with the component.
 * Dexie may first run `query` later, outside the effect that subscribed, so the reactive values it
 * reads are not reliably tracked: a query that depends on one takes it as a key (`keyedLive`,
 * keyed-live.svelte.ts, built on this), or its component is re-created when it changes
 * (`{#key id}`).
 */
export interface Live<T> {
	readonly current: T | undefined;
	readonly isLoading: boolean;
	readonly error: unknown;
}

class LiveQuery<T> implements Live<T> {
	// Raw: results are plain records straight from IndexedDB, replaced whole on each change. A
	// deep proxy would cost time on large lists and break structuredClone in forms.
	current = $state.raw<T | undefined>(undefined);
	isLoading = $state(true);
	error = $state.raw<unknown>(null);
}

export function live<T>(query: () => Promise<T> | T): Live<T> {
	const state = new LiveQuery<T>();
	$effect(() => {
		state.isLoading = true;
		const sub = liveQuery(query).subscribe({
			next: (value) => {
				state.current = value;
				state.isLoading = false;
				state.error = null;
			},
			error: (e: unknown) => {
				state.error = e;
				state.isLoading = false;
			}
		});
		return () => sub.unsubscribe();
	});
	return state;
}

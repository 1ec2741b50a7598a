import { live, type Live } from './live.svelte';

/**
 * A live query that starts over when `key` changes (the owner chosen in a select, or the result
 * of another live query). Dexie may run a live query's function outside the effect that
 * subscribed, so reactive values read inside it are not reliably tracked (live.svelte.ts): the key
 * is read here, in an effect of our own, and passed in.
 *
 * Dexie observes only the reads a query starts before its first `await` of another async function
 * (after it, the observation context is lost): a query that needs the result of a read to make the
 * next one is split in two, the second keyed on the first.
 */
export function keyedLive<K, T>(key: () => K, query: (k: K) => Promise<T>): Live<T> {
	let inner = $state.raw<Live<T> | null>(null);
	// The last value stays on screen while a new key's first result is on its way.
	let last = $state.raw<T | undefined>(undefined);
	$effect(() => {
		const value = inner?.current;
		if (value !== undefined) last = value;
	});
	$effect(() => {
		const k = key();
		// The query's own effect is a child of this one: it ends when the key changes.
		inner = live(() => query(k));
	});
	return {
		get current() {
			return inner?.current ?? last;
		},
		get isLoading() {
			return inner?.isLoading ?? true;
		},
		get error() {
			return inner?.error ?? null;
		}
	};
}

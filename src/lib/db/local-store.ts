/**
 * Small values kept in localStorage, outside IndexedDB: what must survive the database being
 * wiped (the browser's eviction, a deleted database). localStorage may be missing (Node, a
 * worker) or refuse access (storage disabled by the user): then nothing is remembered, and
 * nothing throws.
 */
export function readLocal(key: string): string | null {
	try {
		return globalThis.localStorage?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

export function writeLocal(key: string, value: string | null): void {
	try {
		if (value === null) globalThis.localStorage?.removeItem(key);
		else globalThis.localStorage?.setItem(key, value);
	} catch {
		// Storage disabled or full: the value is a hint, the app works without it.
	}
}

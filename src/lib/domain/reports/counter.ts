/**
 * Streaming tallies for chart numbers. Counts can come one record at a time (a cursor's `each`) or
 * already counted (`[key, n]` pairs from index counts), so nothing has to be held in memory.
 */
export interface CountRow<K extends string = string> {
	key: K;
	value: number;
}

export class Counter<K extends string = string> {
	readonly #counts = new Map<K, number>();
	#total = 0;

	/** Adds `n` (default 1) to `key`; non-finite or negative amounts are ignored. */
	add(key: K, n = 1): void {
		if (!Number.isFinite(n) || n < 0) return;
		this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
		this.#total += n;
	}

	get(key: K): number {
		return this.#counts.get(key) ?? 0;
	}

	get total(): number {
		return this.#total;
	}

	/**
	 * Rows in the order of `keys` (zeros included, so charts keep a stable axis), then any other key
	 * seen, sorted; without `keys`, every key seen, largest first.
	 */
	rows(keys?: readonly K[]): CountRow<K>[] {
		if (!keys) {
			return [...this.#counts]
				.map(([key, value]) => ({ key, value }))
				.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		}
		const known = new Set(keys);
		const extra = [...this.#counts.keys()].filter((k) => !known.has(k)).sort();
		return [...keys, ...extra].map((key) => ({ key, value: this.get(key) }));
	}
}

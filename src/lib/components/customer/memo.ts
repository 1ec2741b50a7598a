/**
 * `f` with its results kept by argument, for texts that many rows share (a tier, a stage,
 * "3 days ago"): a fast scroll of the customer list shows 16 new rows a frame, and making each
 * of their texts again (a message lookup, an Intl call) costs time and garbage every frame.
 * Keep the memo only as long as what `f` reads does not change (make a new one when it does).
 */
export function memo<K, V>(f: (key: K) => V): (key: K) => V {
	const kept = new Map<K, V>();
	return (key) => {
		if (kept.has(key)) return kept.get(key) as V;
		const value = f(key);
		kept.set(key, value);
		return value;
	};
}

/**
 * Header clean-up. Headers are only ever used as strings in arrays and Maps (never as keys of a
 * plain object), so `__proto__`, `constructor` and `prototype` are ordinary column names.
 */

/** Trims (full-width spaces too), drops any BOM, names empty headers and numbers duplicates. */
export function cleanHeaders(raw: readonly string[]): string[] {
	const used = new Set<string>();
	return raw.map((cell, i) => {
		const base = cell.replace(/\uFEFF/g, '').trim() || `column_${i + 1}`;
		let name = base;
		for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
		used.add(name);
		return name;
	});
}

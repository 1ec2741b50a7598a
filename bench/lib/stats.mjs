// Small statistics and number formatting for the tables.
const sorted = (xs) => [...xs].sort((a, b) => a - b);

export const median = (xs) => (xs.length ? sorted(xs)[Math.floor(xs.length / 2)] : undefined);
export const p95 = (xs) => {
	if (!xs.length) return undefined;
	const s = sorted(xs);
	return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
};
export const max = (xs) => (xs.length ? Math.max(...xs) : undefined);
export const fmt = (n, digits = 1) =>
	n === undefined || n === null || Number.isNaN(n) ? 'n/a' : n.toFixed(digits);
export const int = (n) => (n === undefined ? 'n/a' : Math.round(n).toLocaleString('en'));
/** "met" / "missed" against a target, for the notes. */
export const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : '**missed**');

// The table that opens RESULTS.md: every target (targets.mjs) at every size it is set for, its
// latest figure (figures.json), the ratio to its anchor where it has one, met or missed, and the
// date it was measured. Pure: figures in, rows and markdown out.
import { TARGETS } from './targets.mjs';

/** Whether `value` meets a target of `op` ('<', '≤' or '≥') `limit`. */
export function isMet(value, op, limit) {
	if (op === '≥') return value >= limit;
	return op === '<' ? value < limit : value <= limit;
}

const num = (n, digits) =>
	n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const keyOf = (name, size) => (size === undefined ? name : `${name}@${size}`);

/** The figure of target `t` at `size` and its ratio to the anchor, or undefined if not measured. */
function reading(figures, t, size) {
	const f = figures[keyOf(t.figure, size)];
	if (!f) return undefined;
	const get = (name) => figures[keyOf(name, size)]?.value;
	const anchor = t.anchor?.(get, figures, size);
	const detail = t.detail?.(get);
	return {
		value: f.value,
		figure: `${num(f.value, t.digits)} ${t.unit}${detail ? ` (${detail})` : ''}`,
		ratio: anchor
			? `${num(f.value / anchor, 2)} × ${t.anchorName} (${num(anchor, t.digits)} ${t.unit})`
			: '',
		date: f.measured.slice(0, 10)
	};
}

/** For a target whose size was not measured: its reading at the nearest size that was. */
function nearest(figures, t, size) {
	const sizes = Object.keys(figures)
		.filter((k) => k.startsWith(`${t.figure}@`))
		.map((k) => Number(k.split('@')[1]))
		.sort((a, b) => Math.abs(a - size) - Math.abs(b - size));
	if (size === undefined || sizes.length === 0) return '—';
	const r = reading(figures, t, sizes[0]);
	const ratio = r.ratio ? `, ${r.ratio}` : '';
	return `— (at ${num(sizes[0], 0)} ${t.noun}: ${r.figure}${ratio}, ${r.date})`;
}

/**
 * One row per target and size: `{ target, figure, ratio, status, date }`, status 'met',
 * 'missed' or 'not measured'.
 */
export function summaryRows(figures, targets = TARGETS) {
	const rows = [];
	for (const t of targets)
		for (const size of t.sizes ?? [undefined]) {
			const sized = size === undefined ? '' : `, ${num(size, 0)} ${t.noun}`;
			const target = `${t.what}${sized} (${t.op} ${num(t.limit, 0)} ${t.unit})`;
			const r = reading(figures, t, size);
			rows.push(
				r
					? {
							target,
							figure: r.figure,
							ratio: r.ratio,
							status: isMet(r.value, t.op, t.limit) ? 'met' : 'missed',
							date: r.date
						}
					: {
							target,
							figure: nearest(figures, t, size),
							ratio: '',
							status: 'not measured',
							date: ''
						}
			);
		}
	return rows;
}

/** The summary as markdown: the table and what its anchors are. */
export function summaryMarkdown(figures, targets = TARGETS) {
	const cell = (s) => s || '—';
	const lines = summaryRows(figures, targets).map(
		(r) =>
			`| ${r.target} | ${r.figure} | ${cell(r.ratio)} | ${r.status === 'missed' ? '**missed**' : r.status} | ${cell(r.date)} |`
	);
	return `## Targets

| target | latest figure | ratio to its anchor | met or missed | measured |
| --- | --- | --- | --- | --- |
${lines.join('\n')}

Anchors: *the storage floor* is the time raw IndexedDB in this Chromium (no Dexie, no app code) takes to write or read the same records: where the path's suite measures it (CSV commit, snapshot apply), the very values the path wrote, written again into the same stores of the same database right after it, in the same run; else the storage suite's latest run on records shaped like them. A ratio near 1 means the rest is the browser's; a share of the floor (%) is the floor's time over the path's. *The control* is the slowest of the list suite's frames of a fixed computation, as long as the sweeps' median and as many: the machine alone; a ratio near 1 means the slowest frame is the machine's. Each figure's machine and load are in its suite's section below.`;
}

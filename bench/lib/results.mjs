// bench/RESULTS.md is shared by the suites: each owns the text between its two marker comments
// and rewrites only that, so a suite can be rerun alone without losing the others' figures.
// Inside a section, table rows are keyed by their first cell (the size): rows for sizes not
// measured in this run are kept, with the date and load they were measured at.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_SUITES, root } from './config.mjs';

const FILE = path.join(root, 'bench', 'RESULTS.md');
const HEAD = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs; see bench/README.md). Each suite rewrites only its own
section, between its marker comments; the text after a section's end marker is written by hand
(analysis of what missed and why) and is never touched by the runner.
`;

const start = (name) => `<!-- bench:${name}:start -->`;
const end = (name) => `<!-- bench:${name}:end -->`;

function read() {
	let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
	// A file from before the sections (or one missing a suite) gets the missing sections appended.
	for (const name of ALL_SUITES) {
		if (!text.includes(start(name)))
			text = `${text.trimEnd()}\n\n${start(name)}\n## ${name}: not measured yet\n${end(name)}\n`;
	}
	return text;
}

/**
 * The body rows of every table in a section, keyed by `<table number>:<first cell>` (tables
 * counted from 0 in the order they appear).
 */
function rowsByKey(section) {
	const rows = new Map();
	const lines = section.split('\n');
	let table = -1;
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i];
		if (!l.startsWith('|')) continue;
		if (lines[i + 1]?.startsWith('|---')) {
			table++; // a header row
			i++;
			continue;
		}
		rows.set(`${table}:${l.split('|')[1].trim()}`, l);
	}
	return rows;
}

/**
 * Rewrites the section of `name`. `render(keptRows)` returns the new section text; `keptRows`
 * are the previous table rows (by first cell) so that the renderer can keep those it did not
 * measure again. Row keys are compared as the renderer formats them.
 */
export function updateSection(name, render) {
	const text = read();
	const a = text.indexOf(start(name));
	const b = text.indexOf(end(name));
	const previous = text.slice(a + start(name).length, b);
	const body = render(rowsByKey(previous)).trim();
	const next = `${text.slice(0, a)}${start(name)}\n${body}\n${text.slice(b)}`;
	writeFileSync(FILE, next);
	return body;
}

/**
 * The rows of table `table`: the fresh ones (first cell → line) and the kept ones of sizes not
 * measured again, sorted by the number in the first cell.
 */
export function mergeRows(kept, table, fresh) {
	const all = new Map();
	for (const [k, line] of kept)
		if (k.startsWith(`${table}:`)) all.set(k.slice(`${table}:`.length), line);
	for (const [k, line] of fresh) all.set(k, line);
	const num = (k) => Number(String(k).replace(/[^0-9.]/g, '')) || 0;
	return [...all.entries()].sort((x, y) => num(x[0]) - num(y[0])).map(([, l]) => l);
}

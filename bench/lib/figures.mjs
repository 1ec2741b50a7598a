// bench/figures.json: the latest value of every figure a target is read from (targets.mjs), keyed
// `<suite>.<name>` or `<suite>.<name>@<size>`, each with when it was measured. A suite's run
// replaces only the figures it measured, so the summary of RESULTS.md can be written again from
// this file at any time without measuring (`npm run bench -- --report-only`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './config.mjs';

const FILE = path.join(root, 'bench', 'figures.json');

export function readFigures() {
	return existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
}

/**
 * Stores `list` ({ name, size?, value }, as a suite's `figures()` returns them) under `suite`,
 * measured at `measured` ("YYYY-MM-DD HH:MM UTC"). Values that are not numbers are left out, so a
 * failed measurement keeps the previous figure with its own date.
 */
export function recordFigures(suite, list, measured) {
	const figures = readFigures();
	for (const { name, size, value } of list) {
		if (typeof value !== 'number' || !Number.isFinite(value)) continue;
		const key = `${suite}.${name}${size === undefined ? '' : `@${size}`}`;
		figures[key] = { value: Math.round(value * 1000) / 1000, measured };
	}
	const sorted = Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
	writeFileSync(FILE, `${JSON.stringify(sorted, null, '\t')}\n`);
	return sorted;
}

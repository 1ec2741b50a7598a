// Each page loads the message tables it needs in its +page.ts (i18n.load([...])) before it renders;
// a component that shows a rare message (an error after a lazy import) may load its table itself
// with i18n.load before it sets the text. This test follows every page's imports (components,
// helpers, lazy imports too) and checks that those loads name every namespace whose keys appear
// in them, so a page never flashes a key.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_NAMESPACES, NAMESPACES } from './catalog';

const src = fileURLToPath(new URL('../..', import.meta.url));
const routes = path.join(src, 'routes');
// Data and rule code returns codes, never messages: strings there that look like keys are not.
const NO_MESSAGES = /[/\\]lib[/\\](db|domain|io|sync|i18n|testing)[/\\]/;

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib/')) base = path.join(src, 'lib', spec.slice(5));
	else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
	else return null;
	for (const file of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')])
		if (existsSync(file) && statSync(file).isFile()) return file;
	return null;
}

function closure(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const text = readFileSync(file, 'utf8');
	for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
		const next = resolveImport(file, m[1] ?? '');
		if (next) closure(next, seen);
	}
	return seen;
}

function namespacesUsed(files: Iterable<string>): string[] {
	const used = new Set<string>();
	for (const file of files) {
		if (NO_MESSAGES.test(file)) continue;
		for (const m of readFileSync(file, 'utf8').matchAll(/['"`]([a-z]+)\.[a-z_$]/g))
			if (m[1] && (NAMESPACES as readonly string[]).includes(m[1])) used.add(m[1]);
	}
	return [...used].sort();
}

/** Namespaces named in i18n.load([...]) calls in these files, plus the core ones. */
function loaded(files: Iterable<string>): Set<string> {
	const names = new Set<string>(CORE_NAMESPACES);
	for (const file of files) {
		if (!existsSync(file)) continue;
		for (const call of readFileSync(file, 'utf8').matchAll(/i18n\.load\(\[([^\]]*)\]\)/g))
			for (const m of (call[1] ?? '').matchAll(/'([a-z]+)'/g)) if (m[1]) names.add(m[1]);
	}
	return names;
}

const missing = (files: Set<string>): string[] => {
	const have = loaded(files);
	return namespacesUsed(files).filter((ns) => !have.has(ns));
};

function pages(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = path.join(dir, name);
		if (statSync(p).isDirectory()) return pages(p);
		return name === '+page.svelte' ? [p] : [];
	});
}

describe('message tables per page', () => {
	it('the layout (on every page) needs only the core namespaces', () => {
		expect(missing(closure(path.join(routes, '+layout.svelte')))).toEqual([]);
	});

	for (const page of pages(routes)) {
		const route = path.relative(routes, path.dirname(page)) || '/';
		it(`${route} loads every namespace it uses`, () => {
			const files = closure(page).add(path.join(path.dirname(page), '+page.ts'));
			expect(missing(files)).toEqual([]);
		});
	}
});

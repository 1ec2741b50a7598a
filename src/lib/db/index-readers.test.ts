// The indexes of the latest schema and the reads that need them (index-readers.ts): the list must
// be the schema's, each reader it names must read through the index, and no query in src/lib/db
// may name an index the schema does not have.
//
// How strict the source check is: queries are found in the text of src/lib/db (tests and
// migrations left out: an upgrade of an older version reads that version's indexes) as
// `.where(…)` and `.orderBy(…)` with a string literal, or a constant declared in the same file.
// When the table is written just before the call (`db().tasks.where`, `tx.table('tasks').where`),
// the index must be that table's own index or its primary key; otherwise (a table in a variable,
// `d.table(t).where`) it must be one of some table. An index in a variable (`.where(field)`) or
// a template is not checked; a query by an object (`.where({ … })`) is refused: it names no index.
// Dexie answers a plain field that is not indexed from a compound index starting with it, and
// such a compound index may hold only some of the records ([ownerId+doneAt]: done tasks): the
// check asks for the index itself, so no query relies on that silently.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { INDEX_READERS, REFERENCE_LOOKUP, type IndexUse } from './index-readers';
import { openDatabase } from './schema';
import { storeSpecs, type StoreSpec } from './store-specs';

const DB_DIR = fileURLToPath(new URL('.', import.meta.url));
const DOC = fileURLToPath(new URL('../../../docs/ARCHITECTURE.md', import.meta.url));

async function openedStores(): Promise<StoreSpec[]> {
	const db = openDatabase(`readers-${crypto.randomUUID()}`);
	await db.open();
	// IndexedDB's own lists, so that an index Dexie does not know of would show as well.
	const idb = db.backendDB();
	const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
	const stored = [...idb.objectStoreNames].map((name) => ({
		name,
		indexes: [...tx.objectStore(name).indexNames].sort()
	}));
	const specs = storeSpecs(db);
	db.close();
	expect(stored).toEqual(
		specs
			.map((s) => ({ name: s.name, indexes: s.indexes.map((i) => i.name).sort() }))
			// IndexedDB lists store names in code unit order ('checklistTicks' before 'checklists').
			.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
	);
	return specs;
}

const registered = (): [string, string, IndexUse][] =>
	Object.entries(INDEX_READERS).flatMap(([table, indexes]) =>
		Object.entries(indexes).map(([index, use]): [string, string, IndexUse] => [table, index, use])
	);

const pair = (table: string, index: string) => `${table}.${index}`;

/** A query found in a source file: the index it names and its table when the text says which. */
interface Read {
	file: string;
	line: number;
	table: string | null;
	index: string;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(full);
		return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
	});
}

/** The text without comments, each one replaced by blanks so that offsets keep their lines. */
const withoutComments = (text: string) =>
	text.replace(/\/\*[\s\S]*?\*\/|(?<![:'"\\])\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));

function readsIn(file: string, tables: ReadonlySet<string>) {
	const rel = path.relative(DB_DIR, file).split(path.sep).join('/');
	return scanText(rel, readFileSync(file, 'utf8'), tables);
}

/** The queries of one file's text, and where it queries by an object (no index named). */
function scanText(rel: string, source: string, tables: ReadonlySet<string>) {
	const text = withoutComments(source);
	const constants = new Map(
		[...text.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*'([^']*)'/g)].map((m) => [m[1], m[2]])
	);
	const reads: Read[] = [];
	const refused: string[] = [];
	const lineOf = (at: number) => text.slice(0, at).split('\n').length;
	for (const m of text.matchAll(
		/\.(where|orderBy)\(\s*('([^']*)'|"([^"]*)"|[A-Za-z_$][\w$]*|\{)/g
	)) {
		const at = m.index;
		const [, , arg, single, double] = m;
		if (arg === '{') {
			refused.push(`${rel}:${lineOf(at)}`);
			continue;
		}
		const index = single ?? double ?? constants.get(arg ?? '');
		if (index === undefined) continue;
		const before = text.slice(Math.max(0, at - 200), at).trimEnd();
		const named = /(?:\.([A-Za-z_$][\w$]*)|\btable\(\s*'([^']+)'\s*\))$/.exec(before);
		const table = named ? (named[1] ?? named[2] ?? '') : '';
		reads.push({ file: rel, line: lineOf(at), table: tables.has(table) ? table : null, index });
	}
	return { reads, refused };
}

/** The reads naming an index that is not there: on their table, or on any when it is unknown. */
function unknownReads(reads: readonly Read[], stores: readonly StoreSpec[]): string[] {
	const keysOf = (s: StoreSpec) => [
		':id',
		...(typeof s.keyPath === 'string' ? [s.keyPath] : []),
		...s.indexes.map((i) => i.name)
	];
	const byTable = new Map(stores.map((s) => [s.name, new Set(keysOf(s))]));
	const anywhere = new Set(stores.flatMap(keysOf));
	return reads
		.filter((r) => !(r.table ? byTable.get(r.table)?.has(r.index) : anywhere.has(r.index)))
		.map((r) => `${r.table ?? '?'}.${r.index} at ${r.file}:${r.line}`);
}

describe('indexes and their readers', async () => {
	const stores = await openedStores();
	const tables = new Set(stores.map((s) => s.name));
	const schemaPairs = stores.flatMap((s) => s.indexes.map((i) => pair(s.name, i.name)));
	const scanned = sourceFiles(DB_DIR).map((f) => readsIn(f, tables));
	const reads = scanned.flatMap((s) => s.reads);

	it('lists every index of the latest schema, and only those', () => {
		expect(
			registered()
				.map(([t, i]) => pair(t, i))
				.sort()
		).toEqual([...schemaPairs].sort());
	});

	it('names, for each index, files that query it', () => {
		const missing: string[] = [];
		for (const [table, index, use] of registered()) {
			if (use === REFERENCE_LOOKUP) continue;
			expect(use.readers.length, pair(table, index)).toBeGreaterThan(0);
			for (const file of use.readers) {
				const found = reads.some(
					(r) => r.file === file && r.index === index && (r.table ?? table) === table
				);
				if (!found) missing.push(`${pair(table, index)} in ${file}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('keeps without a reader only the reference lookups, which no query names yet', () => {
		const kept = registered().filter(([, , use]) => use.readers.length === 0);
		expect(kept.every(([, , use]) => use === REFERENCE_LOOKUP)).toBe(true);
		// Once a query names one of them, its entry must name that query's file.
		const named = kept.flatMap(([table, index]) =>
			reads
				.filter((r) => r.table === table && r.index === index)
				.map((r) => `${pair(table, index)} at ${r.file}:${r.line}`)
		);
		expect(named).toEqual([]);
	});

	it('finds the queries of src/lib/db (the scan is not vacuous)', () => {
		expect(reads.length).toBeGreaterThan(60);
		expect(reads).toContainEqual(
			expect.objectContaining({ file: 'session.ts', index: '_meta.updated' })
		);
		expect(reads).toContainEqual(
			expect.objectContaining({
				file: 'repos/home.ts',
				table: null,
				index: '[ownerId+stage+amount.currency+amount.minor+probability]'
			})
		);
		expect(reads).toContainEqual(
			expect.objectContaining({ file: 'repos/goals.ts', table: 'customers', index: 'ownerId' })
		);
	});

	it('every index a query names exists (on its table when the query says which)', () => {
		expect(unknownReads(reads, stores)).toEqual([]);
		expect(scanned.flatMap((s) => s.refused)).toEqual([]);
	});

	it("would refuse a query of a dropped index, of a compound key's first part, by an object", () => {
		const probe = scanText(
			'probe.ts',
			[
				"db().tasks.where('dueAt');",
				"d.table('tombstones')\n\t.where('table');",
				"db().goals.where('periodStart');",
				"table.where('tier');",
				"table.where('ownerId'); // where('nothing')",
				'db().deals.where({ ownerId: me });'
			].join('\n'),
			tables
		);
		expect(unknownReads(probe.reads, stores)).toEqual([
			'tasks.dueAt at probe.ts:1',
			'tombstones.table at probe.ts:3',
			'goals.periodStart at probe.ts:4',
			'?.tier at probe.ts:5'
		]);
		expect(probe.refused).toEqual(['probe.ts:7']);
	});

	it('is the table of docs/ARCHITECTURE.md, "Indexes and their readers"', () => {
		const doc = readFileSync(DOC, 'utf8');
		const start = doc.indexOf('<!-- index-readers:start -->');
		const end = doc.indexOf('<!-- index-readers:end -->');
		expect(start, 'the markers of the table').toBeGreaterThan(-1);
		const rows = doc
			.slice(start, end)
			.split('\n')
			.filter((l) => l.startsWith('|'))
			.slice(2)
			.map((l) =>
				l
					.slice(1, -1)
					.split('|')
					.map((c) => c.trim())
			);
		const expected = docRows();
		expect(rows, `expected:\n${expected.map((r) => `| ${r.join(' | ')} |`).join('\n')}`).toEqual(
			expected
		);
	});
});

/**
 * The doc's rows (tables, index, reading files, why): the tables that share an index and the same
 * use in one row (every synced table's `_meta.updated`; theirs and the tombstones' `_chg`), in the
 * order of the list.
 */
function docRows(): string[][] {
	const rows = new Map<string, { tables: string[]; index: string; use: IndexUse }>();
	const uses = new Map<IndexUse, number>();
	for (const [table, index, use] of registered()) {
		if (!uses.has(use)) uses.set(use, uses.size);
		const key = `${uses.get(use)} ${index}`;
		const row = rows.get(key) ?? { tables: [], index, use };
		row.tables.push(table);
		rows.set(key, row);
	}
	const synced = SYNCED_TABLES.join(', ');
	const named = (tables: string[]) => {
		const list = tables.join(', ');
		return list === synced || list.startsWith(`${synced}, `)
			? `every synced table${list.slice(synced.length)}`
			: list;
	};
	return [...rows.values()].map(({ tables, index, use }) => [
		named(tables),
		`\`${index}\``,
		use.readers.length ? use.readers.map((f) => `\`${f}\``).join(', ') : '—',
		use.why
	]);
}

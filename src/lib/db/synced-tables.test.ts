// The registry of synced tables ($lib/sync/tables) against the latest schema. The schema names its
// tables itself (a migration is dated history and never reads the registry), so the two are
// held together here: every table of the registry is a store with the indexes its lookups read,
// and every store is either in the registry or named below as not synced. A table added to the
// schema and forgotten in the registry fails here, so does one added to the registry only.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OWNED_TABLES, PART_LINKS, SYNCED_TABLES } from '$lib/sync/tables';
import { openDatabase } from './schema';
import { storeSpecs, type StoreSpec } from './store-specs';

/** The stores that hold no synced records, and why. */
const NOT_SYNCED: Record<string, string> = {
	settings: "this install's settings, bookkeeping and the record kinds kept aside",
	tombstones: 'deletions: carried in snapshots, but as tombstones, not records',
	conflicts: 'values that lost a merge here, for review',
	audit: "this device's log of imports, merges and erasures",
	imports: 'the imports made here and their state',
	importBatches: 'rows staged by an import, and its undo data',
	tallies: 'running sums of the records, kept by a middleware',
	checklistFlags: 'merged changes that skipped a required checklist item, flagged on this device',
	payAside: "versions of the lead's pay records a manager's file changed, set aside for the lead",
	changeCounter:
		'the last local change number this device gave a write (db/change-counter-middleware.ts)'
};

async function latestStores(): Promise<StoreSpec[]> {
	const db = openDatabase(`synced-tables-${crypto.randomUUID()}`);
	await db.open();
	const specs = storeSpecs(db);
	db.close();
	return specs;
}

describe('the synced tables and the schema', async () => {
	const stores = new Map((await latestStores()).map((s) => [s.name, s]));
	/** Plain indexes only: a compound one starting with the field may hold only some records. */
	const indexed = (table: string, field: string) =>
		stores.get(table)?.indexes.some((i) => i.name === field && i.keyPath === field) ?? false;

	it('has a store for every synced table, keyed by id', () => {
		for (const table of SYNCED_TABLES) expect(stores.get(table)?.keyPath, table).toBe('id');
	});

	it('has every store either in the registry or named as not synced', () => {
		const synced = new Set<string>(SYNCED_TABLES);
		const unclaimed = [...stores.keys()].filter((s) => !synced.has(s) && !(s in NOT_SYNCED));
		expect(unclaimed).toEqual([]);
		expect(Object.keys(NOT_SYNCED).filter((s) => !stores.has(s))).toEqual([]);
		expect(Object.keys(NOT_SYNCED).filter((s) => synced.has(s))).toEqual([]);
	});

	it("indexes each table's stamps, owner field and parent fields, which lookups read", () => {
		const missing: string[] = [];
		// The clock resumes after the greatest stamp of every synced table (session.ts).
		for (const table of SYNCED_TABLES)
			if (!indexed(table, '_meta.updated')) missing.push(`${table}._meta.updated`);
		// Whose records a member has (snapshot-restore.ts), what refers to a record (undo-plan.ts).
		for (const { table, field } of OWNED_TABLES)
			if (!indexed(table, field)) missing.push(`${table}.${field}`);
		// A parent's parts: purged, erased and exported with it (purge.ts, person-find.ts …).
		for (const { table, field } of PART_LINKS)
			if (!indexed(table, field)) missing.push(`${table}.${field}`);
		expect(missing).toEqual([]);
		expect(OWNED_TABLES.length + PART_LINKS.length).toBeGreaterThan(10);
	});

	it('would find an owner field without a plain index', () => {
		// [ownerId+doneAt] starts with ownerId but holds done tasks only: not an owner index.
		expect(stores.get('tasks')?.indexes.some((i) => i.name === '[ownerId+doneAt]')).toBe(true);
		expect(indexed('tasks', 'doneAt')).toBe(false);
		expect(indexed('contacts', 'ownerId')).toBe(false);
		expect(indexed('tasks', 'ownerId')).toBe(true);
	});
});

describe('the migrations', () => {
	it('never read the registry of synced tables: each names the tables of its own version', () => {
		const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
		const readers = readdirSync(dir)
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
			.filter((f) => /sync\/tables['"]/.test(readFileSync(`${dir}${f}`, 'utf8')));
		expect(readers).toEqual([]);
	});
});

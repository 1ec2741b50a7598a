import type Dexie from 'dexie';

/** One index of a store, as IndexedDB's `createIndex` takes it. */
export interface IndexSpec {
	name: string;
	keyPath: string | string[];
	multiEntry: boolean;
	unique: boolean;
}

/** One store of the schema: its primary key and its indexes. */
export interface StoreSpec {
	name: string;
	keyPath: string | string[] | null;
	indexes: IndexSpec[];
}

/**
 * The stores of a database at the latest version it declares, read from Dexie itself so that
 * whoever needs the index lists (the index readers' test, the bench's raw IndexedDB floor) follows
 * the schema instead of keeping a copy of it.
 */
export function storeSpecs(db: Dexie): StoreSpec[] {
	return db.tables.map((t) => ({
		name: t.name,
		keyPath: t.schema.primKey.keyPath ?? null,
		indexes: t.schema.indexes.map((i) => ({
			name: i.name,
			keyPath: i.keyPath ?? i.name,
			multiEntry: i.multi ?? false,
			unique: i.unique ?? false
		}))
	}));
}

import type { Page } from '@playwright/test';

/**
 * Direct access to the app's IndexedDB from a test, for what no page shows: the stamps stored
 * with each record. Only for a database the app has already created (opening it without a
 * version would otherwise create an empty one).
 */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
	return requestStore(page, store, 'getAll') as Promise<T[]>;
}

/** How many records a store holds, without sending them to the test. */
export function countStore(page: Page, store: string): Promise<number> {
	return requestStore(page, store, 'count') as Promise<number>;
}

/** One read request on a store of the app's database, its result sent back to the test. */
function requestStore(page: Page, store: string, request: 'getAll' | 'count'): Promise<unknown> {
	return page.evaluate(
		({ name, request }) =>
			new Promise<unknown>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name).objectStore(name)[request]();
					req.onsuccess = () => {
						db.close();
						done(req.result);
					};
					req.onerror = () => {
						db.close();
						fail(req.error);
					};
				};
			}),
		{ name: store, request }
	);
}

/**
 * A change to one object store: records to put, keys to delete, or `count` records made in the
 * page from one template (see putNumbered).
 */
type StoreChange =
	| { put: readonly unknown[] }
	| { delete: readonly unknown[] }
	| { count: number; template: Record<string, unknown>; plus: Record<string, number> };

/** Makes one change to one object store, in one transaction. */
function changeStore(page: Page, store: string, change: StoreChange): Promise<void> {
	return page.evaluate(
		({ name, change }) =>
			new Promise<void>((done, fail) => {
				const numbered = (value: unknown, i: number): unknown => {
					if (typeof value === 'string') return value.replaceAll('{i}', String(i));
					if (Array.isArray(value)) return value.map((v) => numbered(v, i));
					if (value && typeof value === 'object')
						return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbered(v, i)]));
					return value;
				};
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(name, 'readwrite');
					const os = tx.objectStore(name);
					if ('put' in change) for (const item of change.put) os.put(item);
					else if ('delete' in change)
						for (const key of change.delete) os.delete(key as IDBValidKey);
					else
						for (let i = 0; i < change.count; i++) {
							const record = numbered(change.template, i) as Record<string, unknown>;
							for (const [field, base] of Object.entries(change.plus)) record[field] = base + i;
							os.put(record);
						}
					tx.oncomplete = () => {
						db.close();
						done();
					};
					tx.onerror = () => {
						db.close();
						fail(tx.error);
					};
				};
			}),
		{ name: store, change }
	);
}

/** Writes records into one object store as they are (no stamping, no checks). */
export function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
	return changeStore(page, store, { put: records });
}

/** Deletes records of one object store by key, as they are (no tombstones, no checks). */
export function deleteRecords(page: Page, store: string, keys: IDBValidKey[]): Promise<void> {
	return changeStore(page, store, { delete: keys });
}

/** The wall time of a stamp; Infinity for what is not a stamp (a wall past 15 digits). */
export function wallOf(hlc: string): number {
	const m = /^(\d{15}):[0-9a-z]{4}:[^:]+$/.exec(hlc);
	return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/**
 * Writes `count` records made in the page from one template, in one transaction: each string
 * `{i}` in it becomes the record's number (0 to count − 1), and each field named in `plus` is its
 * number added to the given base. Many records this way cost the test no copying of them from
 * Node into the page.
 */
export function putNumbered(
	page: Page,
	store: string,
	count: number,
	template: object,
	plus: Record<string, number> = {}
): Promise<void> {
	return changeStore(page, store, { count, template: { ...template }, plus });
}

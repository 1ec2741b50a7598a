import type { Page } from '@playwright/test';

/**
 * Direct access to the app's IndexedDB from a test, for what no page shows: the stamps stored
 * with each record. Only for a database the app has already created (opening it without a
 * version would otherwise create an empty one).
 */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<unknown[]>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const all = db.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => {
						db.close();
						done(all.result);
					};
					all.onerror = () => {
						db.close();
						fail(all.error);
					};
				};
			}),
		store
	) as Promise<T[]>;
}

/** Puts records into, or deletes keys from, one object store in one transaction. */
function changeStore(
	page: Page,
	store: string,
	op: 'put' | 'delete',
	items: readonly unknown[]
): Promise<void> {
	return page.evaluate(
		([name, how, list]) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(name, 'readwrite');
					const os = tx.objectStore(name);
					for (const item of list) {
						if (how === 'put') os.put(item);
						else os.delete(item as IDBValidKey);
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
		[store, op, items] as const
	);
}

/** Writes records into one object store as they are (no stamping, no checks). */
/** How many records a store holds, without sending them to the test. */
export function countStore(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const count = db.transaction(name).objectStore(name).count();
					count.onsuccess = () => {
						db.close();
						done(count.result);
					};
					count.onerror = () => {
						db.close();
						fail(count.error);
					};
				};
			}),
		store
	);
}

export function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
	return changeStore(page, store, 'put', records);
}

/** Deletes records of one object store by key, as they are (no tombstones, no checks). */
export function deleteRecords(page: Page, store: string, keys: IDBValidKey[]): Promise<void> {
	return changeStore(page, store, 'delete', keys);
}

/** The wall time of a stamp; Infinity for what is not a stamp (a wall past 15 digits). */
export function wallOf(hlc: string): number {
	const m = /^(\d{15}):[0-9a-z]{4}:[^:]+$/.exec(hlc);
	return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

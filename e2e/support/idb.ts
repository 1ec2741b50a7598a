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

/** Writes records into one object store as they are (no stamping, no checks). */
export function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
	return page.evaluate(
		([name, rows]) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(name, 'readwrite');
					for (const r of rows) tx.objectStore(name).put(r);
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
		[store, records] as const
	);
}

/** The wall time of a stamp; Infinity for what is not a stamp (a wall past 15 digits). */
export function wallOf(hlc: string): number {
	const m = /^(\d{15}):[0-9a-z]{4}:[^:]+$/.exec(hlc);
	return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/** Deletes records of one object store by key, as they are (no tombstones, no checks). */
export function deleteRecords(page: Page, store: string, keys: IDBValidKey[]): Promise<void> {
	return page.evaluate(
		([name, ids]) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('rapport');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(name, 'readwrite');
					for (const k of ids) tx.objectStore(name).delete(k);
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
		[store, keys] as const
	);
}

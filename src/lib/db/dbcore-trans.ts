import type { DBCoreTransaction } from 'dexie';

/*
 * What a DBCore middleware may ask of the transaction it is handed. Dexie's DBCore transaction is
 * the IDBTransaction itself, so its store names and mode are IndexedDB's own.
 */
const idb = (trans: DBCoreTransaction) => trans as unknown as Partial<IDBTransaction>;

/** Whether the transaction's scope holds the store. */
export function hasStore(trans: DBCoreTransaction, name: string): boolean {
	const names = idb(trans).objectStoreNames;
	return !!names && names.contains(name);
}

/** A schema upgrade's transaction (Dexie runs every version's upgrade function inside it). */
export function isUpgrade(trans: DBCoreTransaction): boolean {
	return idb(trans).mode === 'versionchange';
}

import type { DBCore, DBCoreTransaction } from 'dexie';

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

/**
 * A DBCore `transaction` that adds `store` to every read-write transaction over one of the stores
 * `covers` names, so that a middleware writing there in the same transaction needs no caller to
 * name it (the way dexie-cloud adds its mutation log).
 */
export function widenedTo(
	down: DBCore,
	store: string,
	covers: (name: string) => boolean
): DBCore['transaction'] {
	return (stores, mode, options) => {
		const widen = mode === 'readwrite' && !stores.includes(store) && stores.some(covers);
		return down.transaction(widen ? [...stores, store] : stores, mode, options);
	};
}

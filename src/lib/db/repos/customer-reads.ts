import type { Customer } from '$lib/domain/customer/customer';
import { db } from '../db';
import type { RapportDB } from '../schema';

/**
 * Reads of customers, apart from the writes so that the start-up path (the in-memory list) does
 * not load validation, phone metadata or pinyin.
 */

export function getCustomer(id: string): Promise<Customer | undefined> {
	return db().customers.get(id);
}

/** All customers not in the trash, for the in-memory list. */
export async function listActiveCustomers(): Promise<Customer[]> {
	const all = await db().customers.toArray();
	return all.filter((c) => c.trashedAt === null);
}

export async function getCustomers(ids: string[]): Promise<(Customer | undefined)[]> {
	return db().customers.bulkGet(ids);
}

/**
 * One page of customers in primary-key order, after `after` (exclusive): the in-memory list is
 * read in pages so the first rows paint at once and no single read blocks the main thread long.
 */
export function readCustomerPage(after: string | undefined, limit: number): Promise<Customer[]> {
	const table = db().customers;
	return (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
		.limit(limit)
		.toArray();
}

/** Whether any customer is stored (trashed ones too): one key read. */
export async function hasAnyCustomer(): Promise<boolean> {
	return (await db().customers.limit(1).primaryKeys()).length > 0;
}

/**
 * Whether `ownerId` owns a customer not in the trash: one index lookup, so a day page can open
 * on its owner before the whole customer list is in memory.
 */
export async function ownsAnyCustomer(ownerId: string): Promise<boolean> {
	const first = await db()
		.customers.where('ownerId')
		.equals(ownerId)
		.filter((c) => c.trashedAt === null)
		.first();
	return first !== undefined;
}

/** The ids of every customer `ownerId` owns, trashed ones too (a scope of one member's customers). */
export async function customerIdsOf(ownerId: string, d: RapportDB = db()): Promise<string[]> {
	return (await d.customers.where('ownerId').equals(ownerId).primaryKeys()) as string[];
}

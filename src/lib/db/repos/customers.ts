import type { Customer, CustomerDraft } from '$lib/domain/customer/customer';
import { searchKeysOf } from '$lib/domain/customer/search-keys';
import { validateCustomerDraft } from '$lib/domain/customer/validate';
import { createRecord, editRecord } from '$lib/sync/edit';
import { customersChanged } from '../changes';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { DERIVED_FIELDS } from '../tables';
import { guarded } from '../write';
import { purgeRecords } from './purge';

export { ValidationFailed } from '../errors';

/** Days a customer stays restorable in the trash before it is purged for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

function checked(draft: CustomerDraft): CustomerDraft {
	const r = validateCustomerDraft(draft, Date.now());
	if (!r.ok) throw new ValidationFailed(r.errors);
	return r.value;
}

export async function createCustomer(draft: CustomerDraft): Promise<string> {
	const value = checked(draft);
	const id = newId();
	const stamp = await nextStamp();
	const record = createRecord<Customer>(
		id,
		{
			...value,
			createdAt: Date.now(),
			lastContactAt: null,
			trashedAt: null,
			searchKeys: searchKeysOf(value)
		},
		stamp
	);
	await guarded(() => db().customers.add(record));
	customersChanged([id]);
	return id;
}

export function getCustomer(id: string): Promise<Customer | undefined> {
	return db().customers.get(id);
}

async function edit(id: string, patch: Partial<Omit<Customer, 'id' | '_meta'>>): Promise<void> {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.customers, async () => {
			const current = await d.customers.get(id);
			if (!current) throw new NotFound(`customer ${id}`);
			const merged = { ...current, ...patch };
			const { next, changed } = editRecord(
				current,
				{ ...patch, searchKeys: searchKeysOf(merged) },
				stamp,
				DERIVED_FIELDS.customers
			);
			if (changed.length) await d.customers.put(next);
		})
	);
	customersChanged([id]);
}

export async function updateCustomer(id: string, draft: CustomerDraft): Promise<void> {
	await edit(id, checked(draft));
}

/** Moves to the trash: an ordinary, stamped edit of trashedAt (merges like any field). */
export function trashCustomer(id: string): Promise<void> {
	return edit(id, { trashedAt: Date.now() });
}

export function restoreCustomer(id: string): Promise<void> {
	return edit(id, { trashedAt: null });
}

/** Customers in the trash, newest first. */
export async function listTrash(): Promise<Customer[]> {
	const list = await db().customers.where('trashedAt').above(0).toArray();
	return list.sort((a, b) => (b.trashedAt ?? 0) - (a.trashedAt ?? 0));
}

/** Purges customers trashed more than TRASH_DAYS ago, with their contacts, log and tasks. */
export async function purgeExpiredTrash(now = Date.now()): Promise<number> {
	const d = db();
	const ids = (await d.customers
		.where('trashedAt')
		.between(0, now - TRASH_DAYS * DAY_MS, false, true)
		.primaryKeys()) as string[];
	if (ids.length === 0) return 0;
	await purgeRecords(ids);
	customersChanged(ids);
	return ids.length;
}

/** All customers not in the trash, for the in-memory list. */
export async function listActiveCustomers(): Promise<Customer[]> {
	const all = await db().customers.toArray();
	return all.filter((c) => c.trashedAt === null);
}

export async function getCustomers(ids: string[]): Promise<(Customer | undefined)[]> {
	return db().customers.bulkGet(ids);
}

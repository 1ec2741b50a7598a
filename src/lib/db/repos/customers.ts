import type { Customer, CustomerDraft } from '$lib/domain/customer/customer';
import { validateCustomerDraft } from '$lib/domain/customer/validate';
import { createRecord, editRecord } from '$lib/sync/edit';
import { derivedFields } from '$lib/sync/tables';
import { customersChanged } from '../changes';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';

export { ValidationFailed } from '../errors';
export { purgeExpiredTrash } from './trash-expiry';
export { getCustomer, getCustomers, listActiveCustomers } from './customer-reads';

function checked(draft: CustomerDraft): CustomerDraft {
	const r = validateCustomerDraft(draft, Date.now());
	if (!r.ok) throw new ValidationFailed(r.errors);
	return r.value;
}

/** pinyin-pro's dictionary is large: loaded when the first customer is written, not at start-up. */
const searchKeys = () => import('$lib/domain/customer/search-keys');

export async function createCustomer(draft: CustomerDraft): Promise<string> {
	const value = checked(draft);
	const { searchKeysOf } = await searchKeys();
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

async function edit(id: string, patch: Partial<Omit<Customer, 'id' | '_meta'>>): Promise<void> {
	const { searchKeysOf } = await searchKeys();
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
				derivedFields('customers')
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

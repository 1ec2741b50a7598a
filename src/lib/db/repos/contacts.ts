import type { ContactPerson } from '$lib/domain/customer/customer';
import { validateContactDraft, type ContactDraftFields } from '$lib/domain/customer/validate';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';

function checked(draft: ContactDraftFields): ContactDraftFields {
	const r = validateContactDraft(draft);
	if (!r.ok) throw new ValidationFailed(r.errors);
	return r.value;
}

/** Contact people of a customer, primary first, then by name. */
export async function listContacts(customerId: string): Promise<ContactPerson[]> {
	const list = await db().contacts.where('customerId').equals(customerId).toArray();
	return list
		.filter((c) => c.trashedAt === null)
		.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name));
}

export async function addContact(customerId: string, draft: ContactDraftFields): Promise<string> {
	const value = checked(draft);
	const id = newId();
	const stamp = await nextStamp();
	await guarded(() =>
		db().contacts.add(
			createRecord<ContactPerson>(id, { ...value, customerId, trashedAt: null }, stamp)
		)
	);
	return id;
}

async function edit(id: string, patch: Partial<Omit<ContactPerson, 'id' | '_meta'>>) {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.contacts, async () => {
			const current = await d.contacts.get(id);
			if (!current) throw new NotFound(`contact ${id}`);
			const { next, changed } = editRecord(current, patch, stamp);
			if (changed.length) await d.contacts.put(next);
		})
	);
}

export function updateContact(id: string, draft: ContactDraftFields): Promise<void> {
	return edit(id, checked(draft));
}

export function trashContact(id: string): Promise<void> {
	return edit(id, { trashedAt: Date.now() });
}

import type { ContactPerson } from '$lib/domain/customer/customer';

/** The fields of a contact person the form edits (what addContact takes). */
export type ContactDraft = Omit<
	ContactPerson,
	'id' | '_meta' | 'customerId' | 'trashedAt' | 'demo'
>;

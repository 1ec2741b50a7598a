import type { Customer, CustomerDraft } from '$lib/domain/customer/customer';

/** The editable part of a stored customer, as a fresh copy the form may mutate. */
export function draftOf(c: Customer): CustomerDraft {
	const {
		id: _id,
		_meta,
		createdAt: _createdAt,
		lastContactAt: _lastContactAt,
		trashedAt: _trashedAt,
		demo: _demo,
		searchKeys: _searchKeys,
		...draft
	} = c;
	return structuredClone(draft);
}

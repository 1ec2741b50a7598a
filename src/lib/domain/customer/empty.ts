import type { CustomerDraft } from './customer';

/** A blank customer for the "new customer" form, owned by whoever creates it. */
export function emptyCustomerDraft(ownerId: string): CustomerDraft {
	return {
		kind: 'person',
		name: '',
		company: '',
		phones: [],
		emails: [],
		wechat: '',
		address: '',
		city: '',
		industry: '',
		source: '',
		tier: '',
		stage: 'lead',
		tags: [],
		ownerId,
		birthday: '',
		needs: '',
		notes: ''
	};
}

/**
 * Customers as CSV rows, with headers an import maps back by itself (the import field labels in
 * the person's language), so that export → import reproduces the same records. Lists (phones,
 * emails, tags) are joined with "; ", which the importer splits; codes (tier A, stage lead, kind
 * person, source referral) are written as codes, which the importer reads in any language.
 */
import type { Customer } from '../../domain/customer/customer';
import type { CustomerRow } from '../../domain/customer/customer-row';

export const CUSTOMER_EXPORT_FIELDS = [
	'name',
	'kind',
	'company',
	'phone',
	'email',
	'wechat',
	'address',
	'city',
	'industry',
	'source',
	'tier',
	'stage',
	'tags',
	'owner',
	'birthday',
	'needs',
	'notes'
] as const;
export type CustomerExportField = (typeof CUSTOMER_EXPORT_FIELDS)[number];

export function customerExportRows(
	customers: Iterable<Customer>,
	label: (field: CustomerExportField) => string,
	ownerName: (id: string) => string
): string[][] {
	const rows: string[][] = [CUSTOMER_EXPORT_FIELDS.map(label)];
	for (const c of customers) {
		rows.push(
			CUSTOMER_EXPORT_FIELDS.map((f) => {
				switch (f) {
					case 'phone':
						return c.phones.join('; ');
					case 'email':
						return c.emails.join('; ');
					case 'tags':
						return c.tags.join('; ');
					case 'owner':
						return ownerName(c.ownerId);
					default:
						return c[f];
				}
			})
		);
	}
	return rows;
}

/**
 * The columns the customer list shows, in its order: what a person who exports "what I see"
 * expects. Codes and lists are written as in the full export, so the file still imports (the
 * last contact, derived from the log, is left out of an import).
 */
export const CUSTOMER_LIST_FIELDS = [
	'name',
	'company',
	'tier',
	'stage',
	'city',
	'phone',
	'owner',
	'last_contact',
	'tags'
] as const;
export type CustomerListField = (typeof CUSTOMER_LIST_FIELDS)[number];

/** The list's rows as shown, straight from memory (no record is read). */
export function customerListRows(
	rows: Iterable<CustomerRow>,
	label: (field: CustomerListField) => string,
	ownerName: (id: string) => string,
	date: (at: number) => string
): string[][] {
	const out: string[][] = [CUSTOMER_LIST_FIELDS.map(label)];
	for (const r of rows) {
		out.push(
			CUSTOMER_LIST_FIELDS.map((f) => {
				switch (f) {
					case 'phone':
						return r.phones.join('; ');
					case 'tags':
						return r.tags.join('; ');
					case 'owner':
						return ownerName(r.ownerId);
					case 'last_contact':
						return r.lastContactAt === null ? '' : date(r.lastContactAt);
					default:
						return r[f];
				}
			})
		);
	}
	return out;
}

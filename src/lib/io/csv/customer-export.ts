/**
 * Customers as CSV rows, with headers an import maps back by itself (the import field labels in
 * the person's language), so that export → import reproduces the same records. Lists (phones,
 * emails, tags) are joined with "; ", which the importer splits; codes (tier A, stage lead, kind
 * person, source referral) are written as codes, which the importer reads in any language.
 */
import type { Customer } from '../../domain/customer/customer';

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

/** The fields a CSV column can be mapped to, per import target. */

export const CUSTOMER_FIELDS = [
	'name',
	'firstName',
	'lastName',
	'company',
	'kind',
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
	'notes',
	'contactName',
	'contactTitle',
	'contactPhone',
	'contactEmail'
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const INTERACTION_FIELDS = [
	'customerKey',
	'type',
	'at',
	'durationMinutes',
	'summary',
	'outcome',
	'satisfaction',
	'nextFollowUp'
] as const;
export type InteractionField = (typeof INTERACTION_FIELDS)[number];

export const ORDER_FIELDS = [
	'customerKey',
	'orderNo',
	'date',
	'amount',
	'currency',
	'product',
	'quantity',
	'note'
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export type ImportTarget = 'customer' | 'interaction' | 'order';

export interface FieldsOf {
	customer: CustomerField;
	interaction: InteractionField;
	order: OrderField;
}

export const FIELDS: { [T in ImportTarget]: readonly FieldsOf[T][] } = {
	customer: CUSTOMER_FIELDS,
	interaction: INTERACTION_FIELDS,
	order: ORDER_FIELDS
};

/** Fields that several columns may feed (all values are kept, in column order). */
export const MULTI_FIELDS: ReadonlySet<string> = new Set([
	'phone',
	'email',
	'tags',
	'notes',
	'contactPhone',
	'contactEmail',
	'product'
]);

/** One entry per column: the field it feeds, or null when the column is ignored. */
export type ColumnMapping<T extends ImportTarget> = readonly (FieldsOf[T] | null)[];

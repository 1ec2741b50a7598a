/**
 * Version 1: every table of the domain, even those later issues fill. Ids are random strings
 * (never auto-increment) so records from several teammates merge. `_meta.updated` is indexed on
 * every synced table so a snapshot can take "everything changed since".
 *
 * IndexedDB cannot index null or booleans: `trashedAt` (null when not trashed) is indexed so that
 * `where('trashedAt').above(0)` lists exactly the trash.
 */
export const v1 = {
	version: 1,
	stores: {
		members: 'id, _meta.updated',
		customers: 'id, ownerId, tier, stage, city, lastContactAt, trashedAt, *tags, _meta.updated',
		contacts: 'id, customerId, _meta.updated',
		interactions: 'id, customerId, [customerId+at], at, ownerId, type, _meta.updated',
		tasks: 'id, customerId, dealId, dueAt, ownerId, _meta.updated',
		deals: 'id, customerId, stage, expectedClose, ownerId, _meta.updated',
		orders: 'id, customerId, dealId, at, ownerId, _meta.updated',
		tickets: 'id, customerId, status, deadlineAt, ownerId, _meta.updated',
		feedback: 'id, customerId, at, ownerId, _meta.updated',
		goals: 'id, ownerId, periodStart, _meta.updated',
		reviews: 'id, memberId, periodStart, _meta.updated',
		settings: 'key'
	}
} as const;

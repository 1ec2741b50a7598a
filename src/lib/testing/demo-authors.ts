import type { Synced } from '../sync/stamp';

/**
 * The demo's records as their owners' own work: written on this device, they would all carry
 * this device's member as author, and the team dashboard, which tells when each member's latest
 * work arrived from the authors of the stamps (domain/team/staleness.ts), would flag every demo
 * manager as not heard from. Each record of an owner is re-authored to that owner; the times of
 * the stamps stay as written.
 */
export function authoredByOwner<T extends Synced & { ownerId: string }>(records: T[]): T[] {
	return records.map((r) => {
		const by = r.ownerId;
		const fields = r._meta.fields;
		return {
			...r,
			_meta: {
				...r._meta,
				created: { ...r._meta.created, by },
				...(fields && {
					fields: Object.fromEntries(Object.entries(fields).map(([f, s]) => [f, { ...s, by }]))
				})
			}
		};
	});
}

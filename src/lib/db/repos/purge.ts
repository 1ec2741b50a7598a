import { expiredUpTo } from '$lib/domain/trash/days';
import type { Tombstone } from '$lib/sync/tombstone';
import { customersChanged } from '../changes';
import { db } from '../db';
import { nextStamp } from '../session';
import { guarded } from '../write';

/**
 * Permanently deletes customers and everything stored about them, leaving tombstones so that an
 * old snapshot imported later never brings them back. One transaction: all or nothing.
 */
export async function purgeRecords(customerIds: string[]): Promise<void> {
	const d = db();
	const stamp = await nextStamp();
	const children = [d.contacts, d.interactions, d.tasks, d.deals, d.orders, d.tickets, d.feedback];
	await guarded(() =>
		d.transaction('rw', [d.customers, d.tombstones, ...children], async () => {
			const tombs: Tombstone[] = customerIds.map((id) => ({
				table: 'customers',
				id,
				hlc: stamp.hlc,
				by: stamp.by
			}));
			for (const table of children) {
				const childIds = (await table
					.where('customerId')
					.anyOf(customerIds)
					.primaryKeys()) as string[];
				for (const id of childIds)
					tombs.push({ table: table.name, id, hlc: stamp.hlc, by: stamp.by });
				await table.bulkDelete(childIds);
			}
			await d.customers.bulkDelete(customerIds);
			await d.tombstones.bulkPut(tombs);
		})
	);
}

/** Purges customers trashed more than TRASH_DAYS ago, with everything stored about them. */
export async function purgeExpiredTrash(now = Date.now()): Promise<number> {
	const ids = (await db()
		.customers.where('trashedAt')
		.between(0, expiredUpTo(now), false, true)
		.primaryKeys()) as string[];
	if (ids.length === 0) return 0;
	await purgeRecords(ids);
	customersChanged(ids);
	return ids.length;
}

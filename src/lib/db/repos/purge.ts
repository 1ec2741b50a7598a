import { CUSTOMER_PARTS } from '$lib/sync/tables';
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
	const children = CUSTOMER_PARTS.map((t) => d.table(t));
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

/** Days a customer stays restorable in the trash before it is purged for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

/** Purges customers trashed more than TRASH_DAYS ago, with everything stored about them. */
export async function purgeExpiredTrash(now = Date.now()): Promise<number> {
	const ids = (await db()
		.customers.where('trashedAt')
		.between(0, now - TRASH_DAYS * DAY_MS, false, true)
		.primaryKeys()) as string[];
	if (ids.length === 0) return 0;
	await purgeRecords(ids);
	customersChanged(ids);
	return ids.length;
}

import { CUSTOMER_PARTS } from '$lib/domain/customer/parts';
import type { TrashKind } from '$lib/domain/trash/kinds';
import type { Stamp } from '$lib/sync/stamp';
import type { Tombstone } from '$lib/sync/tombstone';
import { customersChanged } from '../changes';
import { db } from '../db';
import type { RapportDB } from '../schema';
import { nextStamp } from '../session';
import { guarded } from '../write';

/**
 * Deleting for good. A purged record leaves a tombstone, so that an older snapshot imported later
 * never brings it back, and so that teammates delete it too when they import the next file.
 */

const tombOf = (table: string, id: string, stamp: Stamp): Tombstone => ({
	table,
	id,
	hlc: stamp.hlc,
	by: stamp.by
});

/** In the caller's transaction: customers and everything stored about them, with tombstones. */
async function purgeCustomersIn(d: RapportDB, customerIds: string[], stamp: Stamp): Promise<void> {
	const tombs = customerIds.map((id) => tombOf('customers', id, stamp));
	for (const name of CUSTOMER_PARTS) {
		const table = d.table(name);
		const childIds = (await table.where('customerId').anyOf(customerIds).primaryKeys()) as string[];
		for (const id of childIds) tombs.push(tombOf(name, id, stamp));
		await table.bulkDelete(childIds);
	}
	await d.customers.bulkDelete(customerIds);
	await d.tombstones.bulkPut(tombs);
}

const purgeTables = (d: RapportDB) => [
	d.customers,
	d.tombstones,
	...CUSTOMER_PARTS.map((t) => d.table(t))
];

/**
 * Permanently deletes customers and everything stored about them, leaving tombstones. One
 * transaction: all or nothing.
 */
export async function purgeRecords(customerIds: string[]): Promise<void> {
	const d = db();
	const stamp = await nextStamp();
	await guarded(() =>
		d.transaction('rw', purgeTables(d), () => purgeCustomersIn(d, customerIds, stamp))
	);
}

/**
 * Deletes for good the records of one kind that are in the trash, trashed at or before `upTo`,
 * with tombstones; a customer goes with everything stored about them. A record restored
 * meanwhile (here, or by a teammate's file) is left. One transaction; returns the ids deleted.
 */
export async function purgeTrashed(
	kind: TrashKind,
	ids: readonly string[],
	upTo = Number.POSITIVE_INFINITY
): Promise<string[]> {
	const d = db();
	const stamp = await nextStamp();
	const table = d.table<{ id: string; trashedAt: number | null }, string>(kind);
	const gone = await guarded(() =>
		d.transaction('rw', [...new Set([table, ...purgeTables(d)])], async () => {
			const rows = await table.bulkGet([...ids]);
			const trashed = rows.flatMap((r) =>
				r && r.trashedAt !== null && r.trashedAt <= upTo ? [r.id] : []
			);
			if (kind === 'customers') await purgeCustomersIn(d, trashed, stamp);
			else {
				await table.bulkDelete(trashed);
				await d.tombstones.bulkPut(trashed.map((id) => tombOf(kind, id, stamp)));
			}
			return trashed;
		})
	);
	if (kind === 'customers') customersChanged(gone);
	return gone;
}

import { CUSTOMER_PARTS } from '$lib/domain/customer/parts';
import { emptiedPatch, inTrash, isKeyedKind } from '$lib/domain/trash/keyed';
import type { TrashKind } from '$lib/domain/trash/kinds';
import { editRecord } from '$lib/sync/edit';
import type { Stamp } from '$lib/sync/stamp';
import type { Tombstone } from '$lib/sync/tombstone';
import { customersChanged } from '../changes';
import { db } from '../db';
import type { RapportDB } from '../schema';
import { nextStamp } from '../session';
import { guarded } from '../write';
import type { Row } from './undo-plan';

/**
 * Deleting for good. A purged record leaves a tombstone, so that an older snapshot imported later
 * never brings it back, and so that teammates delete it too when they import the next file. Two
 * kinds differ: a record that exists once per key (a member's goal of a period, their plan of a
 * week, a stage's checklist) is emptied by stamped edits instead, since a tombstone would refuse
 * its key for ever (domain/trash/keyed.ts); and a course stays while a training record names it,
 * since the record's hours count by the course's kind and its history shows the course's title.
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

const idsOf = (rows: readonly { id: string }[]): string[] => rows.map((r) => r.id);

/**
 * How many stored training records (in the trash or not) name each of these courses; a course
 * none names is left out. In the caller's transaction when there is one.
 */
export async function namedCourses(
	d: RapportDB,
	courseIds: string[]
): Promise<Map<string, number>> {
	const named = await d.trainingRecords.where('courseId').anyOf(courseIds).toArray();
	const count = new Map<string, number>();
	for (const r of named) count.set(r.courseId, (count.get(r.courseId) ?? 0) + 1);
	return count;
}

/**
 * Deletes for good the records of one kind that are in the trash, trashed at or before `upTo`,
 * with tombstones; a customer goes with everything stored about them, a keyed record is emptied,
 * a course a training record names stays. A record restored meanwhile (here, or by a teammate's
 * file) is left. One transaction; returns the ids deleted (or emptied).
 */
export async function purgeTrashed(
	kind: TrashKind,
	ids: readonly string[],
	upTo = Number.POSITIVE_INFINITY
): Promise<string[]> {
	const d = db();
	const stamp = await nextStamp();
	const table = d.table<Row, string>(kind);
	const tables = [...new Set([table, d.trainingRecords, ...purgeTables(d)])];
	const gone = await guarded(() =>
		d.transaction('rw', tables, async () => {
			const rows = (await table.bulkGet([...ids])).flatMap((r) =>
				r && inTrash(r.trashedAt) && r.trashedAt <= upTo ? [r] : []
			);
			const trashed = idsOf(rows);
			if (kind === 'customers') await purgeCustomersIn(d, trashed, stamp);
			else if (isKeyedKind(kind))
				await table.bulkPut(rows.map((r) => editRecord(r, emptiedPatch(kind), stamp).next));
			else {
				const named = kind === 'courses' ? await namedCourses(d, trashed) : new Map();
				const doomed = trashed.filter((id) => !named.has(id));
				await table.bulkDelete(doomed);
				await d.tombstones.bulkPut(doomed.map((id) => tombOf(kind, id, stamp)));
				return doomed;
			}
			return trashed;
		})
	);
	if (kind === 'customers') customersChanged(gone);
	return gone;
}

import type { Transaction } from 'dexie';
import { withOpenKey } from '$lib/domain/shared/open-keys';

/**
 * Version 7: Home reads only open tasks and tickets. One manager's done tasks and closed tickets
 * pile up (at 100,000 customers about 1,300 tasks and 2,400 tickets for one manager, of which a
 * few are due), and the [ownerId+dueAt] and [ownerId+status] ranges read them all.
 *
 * - `[ownerId+openDueAt]` on tasks and `[ownerId+openDeadlineAt]` on tickets: the fields exist
 *   only while the record is open (domain/shared/open-keys.ts), so these indexes hold only open
 *   records, in due order. The upgrade sets them on every stored task and ticket; afterwards the
 *   open-keys middleware sets them on every write.
 *
 * The existing indexes of both tables are restated (Dexie replaces a table's index list).
 */
export const v7 = {
	version: 7,
	stores: {
		tasks:
			'id, customerId, dealId, dueAt, ownerId, _meta.updated, [ownerId+dueAt], [ownerId+doneAt], [ownerId+openDueAt]',
		tickets:
			'id, customerId, status, deadlineAt, ownerId, _meta.updated, [ownerId+status], [ownerId+openDeadlineAt]'
	},
	upgrade: async (tx: Transaction) => {
		for (const table of ['tasks', 'tickets'] as const)
			await tx
				.table(table)
				.toCollection()
				.modify((r: Record<string, unknown>, ref: { value: Record<string, unknown> }) => {
					ref.value = withOpenKey(table, r);
				});
	}
} as const;

import type { Transaction } from 'dexie';

/**
 * Version 2: the bookkeeping that snapshots and imports need (tombstones of permanent deletes,
 * the merge conflict list, the audit log, the import history), and a repair of data written by
 * version 1: `lastContactAt` on customers is recomputed from the interaction log, because v1
 * builds did not keep it up to date when an interaction was trashed.
 */
export const v2 = {
	version: 2,
	stores: {
		tombstones: '[table+id], hlc',
		conflicts: 'id, [table+recordId], at',
		audit: 'id, at',
		imports: 'id, at, state'
	},
	async upgrade(tx: Transaction): Promise<void> {
		const last = new Map<string, number>();
		await tx
			.table('interactions')
			.each((i: { customerId: string; at: number; trashedAt: number | null }) => {
				if (i.trashedAt !== null) return;
				const prev = last.get(i.customerId);
				if (prev === undefined || i.at > prev) last.set(i.customerId, i.at);
			});
		await tx
			.table('customers')
			.toCollection()
			.modify((c: { id: string; lastContactAt: number | null }) => {
				c.lastContactAt = last.get(c.id) ?? null;
			});
	}
} as const;

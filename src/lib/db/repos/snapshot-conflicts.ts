import { flipConflict, type Conflict } from '$lib/sync/conflict';
import type { SyncRecord } from '$lib/sync/merge';
import { derivedFields, isSyncedTable, SYNCED_TABLES } from '$lib/sync/tables';
import { customersChanged } from '../changes';
import { db } from '../db';
import type { ConflictEntry } from '../schema';
import { guarded } from '../write';
import { appContext, type SnapshotContext } from './snapshot-context';
import { withSearchKeys } from './snapshot-derive';

/**
 * The conflict list: when two people changed the same field since they last shared, the losing
 * value is kept here (keyed by conflictKey, so importing the same file twice lists it once) until
 * the user flips it back ("use this value instead": a new stamped edit that wins everywhere on
 * the next exchange) or dismisses it.
 */
export interface StoredConflict extends ConflictEntry {
	lostBy: string;
	wonBy: string;
	/** The snapshot import that found it (Undo removes it again). */
	importId: string;
}

export async function listConflictsWith(
	ctx: Pick<SnapshotContext, 'db'>
): Promise<StoredConflict[]> {
	const all = (await ctx.db.conflicts
		.orderBy('at')
		.reverse()
		.limit(500)
		.toArray()) as StoredConflict[];
	return all;
}

export function listConflicts(): Promise<StoredConflict[]> {
	return listConflictsWith({ db: db() });
}

export type FlipOutcome = 'flipped' | 'conflict_stale' | 'conflict_gone';

/** Writes the losing value back as a new stamped edit and removes the conflict from the list. */
export async function flipStoredConflictWith(
	ctx: SnapshotContext,
	conflictId: string
): Promise<FlipOutcome> {
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const d = ctx.db;
	const { session } = ctx;
	let customerId: string | null = null;
	const outcome = await guarded(() =>
		d.transaction(
			'rw',
			[d.conflicts, ...SYNCED_TABLES.map((t) => d.table(t))],
			async (): Promise<FlipOutcome> => {
				const c = (await d.conflicts.get(conflictId)) as StoredConflict | undefined;
				if (!c) return 'conflict_gone';
				const record = (await d.table(c.table).get(c.recordId)) as SyncRecord | undefined;
				if (!record) {
					await d.conflicts.delete(conflictId);
					return 'conflict_gone';
				}
				const conflict: Conflict = {
					table: c.table,
					id: c.recordId,
					field: c.field,
					lostValue: c.lostValue,
					lostStamp: { hlc: c.lostHlc, by: c.lostBy },
					wonStamp: { hlc: c.wonHlc, by: c.wonBy }
				};
				const stamp = { hlc: session.clock.tick(), by: session.member.id };
				const derived = derivedFields(c.table);
				const res = flipConflict(record, conflict, stamp, derived);
				if (!res.ok) return res.code;
				let next = res.edit.next as SyncRecord & Record<string, unknown>;
				if (c.table === 'customers') {
					next = withSearchKeys(searchKeysOf, next, [c.field]);
					customerId = c.recordId;
				}
				await d.table(c.table).put(next);
				await d.conflicts.delete(conflictId);
				return 'flipped';
			}
		)
	);
	if (customerId) customersChanged([customerId]);
	return outcome;
}

export async function flipStoredConflict(conflictId: string): Promise<FlipOutcome> {
	return flipStoredConflictWith(await appContext(), conflictId);
}

/** Keeps the winning value: the conflict leaves the list. */
export async function dismissConflict(conflictId: string): Promise<void> {
	const { db } = await appContext();
	await guarded(() => db.conflicts.delete(conflictId));
}

/** A conflict as the list shows it: the record's name or title, and who wrote the lost value. */
export interface ConflictView extends StoredConflict {
	label: string;
	lostByName: string;
}

/**
 * For a live query: reads the database only (no awaited session), so Dexie sees every table it
 * reads and runs it again when one changes.
 */
export async function listConflictViews(): Promise<ConflictView[]> {
	const ctx = { db: db() };
	const list = await listConflictsWith(ctx);
	const members = new Map((await ctx.db.members.toArray()).map((m) => [m.id, m.name]));
	const labels = new Map<string, string>();
	const byTable = new Map<string, string[]>();
	for (const c of list) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.recordId]);
	for (const [table, ids] of byTable) {
		if (!isSyncedTable(table)) continue;
		const rows = (await ctx.db.table(table).bulkGet(ids)) as (
			Record<string, unknown> | undefined
		)[];
		rows.forEach((r, i) => {
			const label = r?.name ?? r?.title ?? r?.summary;
			labels.set(`${table}/${ids[i]}`, typeof label === 'string' ? label : ids[i]!);
		});
	}
	return list.map((c) => ({
		...c,
		label: labels.get(`${c.table}/${c.recordId}`) ?? c.recordId,
		lostByName: members.get(c.lostBy) || c.lostBy
	}));
}

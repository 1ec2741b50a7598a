import type { Stamp } from '$lib/sync/stamp';
import { stampOf, type ChangedByImport, type CreatedByImport } from '$lib/sync/undo';
import { customersChanged } from '../changes';
import { newId } from '../ids';
import { guarded } from '../write';
import { forgetReceived } from './exchange-received';
import { appContext, type SnapshotContext } from './snapshot-context';
import {
	KNOWN_TABLES,
	listSnapshotImportsWith,
	type SnapshotImportRecord,
	type UndoBatch
} from './snapshot-imports';
import { dropFlagsOf, flagTables } from './checklist-flags';
import { planUndo, summarize, type UndoSummary } from './undo-plan';
import { StampedWrites } from './stamped-writes';
import { withSummedTallies } from '../tallies-middleware';

/**
 * Undoes a whole snapshot import in one transaction, by the rule CSV Undo shares
 * ($lib/sync/undo):
 * - records it created are removed again (no tombstone: they are a teammate's records, and a
 *   tombstone would erase them on every device at the next exchange; importing the file again
 *   brings them back), unless edited here since or linked by a record that stays;
 * - fields it changed get their previous values back as new stamped edits (so the undo merges
 *   like any edit), unless written since;
 * - what its tombstones deleted stays deleted, and the tombstones stay: an erasure is a person's
 *   decision that no undo takes back;
 * - the conflicts it listed leave the list; the file counts as not imported.
 */
interface SnapshotUndoData {
	done: SnapshotImportRecord;
	created: CreatedByImport[];
	changes: ChangedByImport[];
	erased: number;
}

export async function undoDataOf(
	ctx: SnapshotContext,
	importId: string
): Promise<SnapshotUndoData> {
	const d = ctx.db;
	const done = (await listSnapshotImportsWith(ctx)).find((r) => r.importId === importId);
	if (!done || done.undone) throw new Error('import_not_undoable');
	const batches = await d.importBatches.where('importId').equals(importId).sortBy('seq');
	const data: SnapshotUndoData = { done, created: [], changes: [], erased: 0 };
	for (const b of batches) {
		if (b.kind !== 'undo') continue;
		const u = b.records[0] as UndoBatch;
		data.created.push(...u.created);
		for (const { table, before, fields, after } of u.changed) {
			const written = Object.fromEntries(fields.map((f) => [f, stampOf(after, f).hlc]));
			data.changes.push({ table, id: before.id, before, written });
		}
		data.erased += u.deleted.length;
	}
	return data;
}

const syncedTables = (ctx: SnapshotContext) => [...KNOWN_TABLES].map((t) => ctx.db.table(t));

/** What Undo would do now (nothing is written): for the confirmation. */
export async function planSnapshotUndoWith(
	ctx: SnapshotContext,
	importId: string
): Promise<UndoSummary> {
	const d = ctx.db;
	return d.transaction('r', [...syncedTables(ctx), d.audit, d.importBatches], async () => {
		const { created, changes, erased } = await undoDataOf(ctx, importId);
		return summarize(d, await planUndo(d, created, changes), erased);
	});
}

/** The stores an undo writes, for its transaction (one import's, or a batch's). */
export function undoTables(ctx: SnapshotContext) {
	const d = ctx.db;
	return [
		...syncedTables(ctx),
		d.conflicts,
		d.audit,
		d.importBatches,
		d.settings,
		...flagTables(d)
	];
}

type SearchKeysOf = typeof import('$lib/domain/customer/search-keys').searchKeysOf;

/** One import undone, inside a transaction the caller opened; its customers go to `customerIds`. */
export async function undoInside(
	ctx: SnapshotContext,
	importId: string,
	now: number,
	searchKeysOf: SearchKeysOf,
	customerIds: Set<string>
): Promise<UndoSummary> {
	const d = ctx.db;
	const { session } = ctx;
	const tick = (): Stamp => ({ hlc: session.clock.tick(), by: session.member.id });
	const { done, created, changes, erased } = await undoDataOf(ctx, importId);
	const plan = await planUndo(d, created, changes);
	const w = new StampedWrites(d, tick, searchKeysOf);
	for (const { table, record } of plan.remove) w.remove(table, record);
	for (const { table, record, patch } of plan.restore) w.edit(table, record, patch);
	for (const id of await w.finish()) customerIds.add(id);
	await d.conflicts.filter((c) => (c as { importId?: string }).importId === importId).delete();
	await dropFlagsOf(d, importId);
	await d.importBatches.where('importId').equals(importId).delete();
	const result = await summarize(d, plan, erased);
	const { kept: _list, ...counts } = result;
	const { detail } = done;
	// The file's run of its sender's changes is missing again.
	await forgetReceived(d, detail.from.deviceId, importId);
	await d.audit.add({
		id: newId(),
		at: now,
		action: 'snapshot_undo',
		detail: { importId, fileName: detail.fileName, from: detail.from, ...counts }
	});
	return result;
}

export async function undoSnapshotImportWith(
	ctx: SnapshotContext,
	importId: string,
	now = Date.now()
): Promise<UndoSummary> {
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const d = ctx.db;
	const customerIds = new Set<string>();
	const summary = await guarded(() =>
		d.transaction('rw', undoTables(ctx), async () =>
			withSummedTallies(() => undoInside(ctx, importId, now, searchKeysOf, customerIds))
		)
	);
	customersChanged(customerIds.size > 5_000 ? 'all' : [...customerIds]);
	return summary;
}

export async function undoSnapshotImport(importId: string): Promise<UndoSummary> {
	return undoSnapshotImportWith(await appContext(), importId);
}

export async function planSnapshotUndo(importId: string): Promise<UndoSummary> {
	return planSnapshotUndoWith(await appContext(), importId);
}

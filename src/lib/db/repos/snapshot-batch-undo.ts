import type { Stamp } from '$lib/sync/stamp';
import type { ChangedByImport, CreatedByImport } from '$lib/sync/undo';
import { customersChanged } from '../changes';
import { newId } from '../ids';
import { guarded } from '../write';
import { dropFlagsOf } from './checklist-flags';
import { forgetReceived } from './exchange-received';
import { appContext, type SnapshotContext } from './snapshot-context';
import { listSnapshotImportsWith, type SnapshotImportRecord } from './snapshot-imports';
import { undoDataOf, undoTables } from './snapshot-undo';
import { StampedWrites } from './stamped-writes';
import { planUndo, summarize, type UndoSummary } from './undo-plan';
import { withSummedTallies } from '../tallies-middleware';

/**
 * Undo of a batch of files applied at once: ONE transaction takes back every import of the batch
 * not undone yet, by the rule of a single import's undo (snapshot-undo.ts) applied to what they
 * did together, in the order they were applied. So a record one file created and a later file of
 * the batch changed leaves with the batch, as a record that two rows of one file wrote does:
 * the batch's own writes are not edits made here since. Each import is then logged as undone, its
 * conflicts leave the list and its run of its sender's changes is missing again.
 */
async function groupImports(ctx: SnapshotContext, group: string): Promise<SnapshotImportRecord[]> {
	const all = await listSnapshotImportsWith(ctx);
	const mine = all.filter((r) => !r.undone && r.detail.batch?.group === group);
	if (mine.length === 0) throw new Error('import_not_undoable');
	return mine.sort((a, b) => a.detail.batch!.seq - b.detail.batch!.seq);
}

/** What the batch's imports did, together, in the order they were applied. */
async function batchData(ctx: SnapshotContext, group: string) {
	const imports = await groupImports(ctx, group);
	const data = {
		imports,
		created: [] as CreatedByImport[],
		changes: [] as ChangedByImport[],
		erased: 0
	};
	for (const r of imports) {
		const one = await undoDataOf(ctx, r.importId);
		data.created.push(...one.created);
		data.changes.push(...one.changes);
		data.erased += one.erased;
	}
	return data;
}

/** What Undo of the batch would do now (nothing is written): for the confirmation. */
export async function planBatchUndoWith(ctx: SnapshotContext, group: string): Promise<UndoSummary> {
	const d = ctx.db;
	return d.transaction('r', undoTables(ctx), async () => {
		const { created, changes, erased } = await batchData(ctx, group);
		return summarize(d, await planUndo(d, created, changes), erased);
	});
}

export async function undoBatchWith(
	ctx: SnapshotContext,
	group: string,
	now = Date.now()
): Promise<UndoSummary> {
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const d = ctx.db;
	const { session } = ctx;
	const tick = (): Stamp => ({ hlc: session.clock.tick(), by: session.member.id });
	const customerIds = new Set<string>();
	const summary = await guarded(() =>
		d.transaction('rw', undoTables(ctx), async () =>
			withSummedTallies(async () => {
				const { imports, created, changes, erased } = await batchData(ctx, group);
				const plan = await planUndo(d, created, changes);
				const w = new StampedWrites(d, tick, searchKeysOf);
				for (const { table, record } of plan.remove) w.remove(table, record);
				for (const { table, record, patch } of plan.restore) w.edit(table, record, patch);
				for (const id of await w.finish()) customerIds.add(id);
				const result = await summarize(d, plan, erased);
				const ids = new Set(imports.map((r) => r.importId));
				await d.conflicts
					.filter((c) => ids.has((c as { importId?: string }).importId ?? ''))
					.delete();
				for (const { importId, detail } of [...imports].reverse()) {
					await dropFlagsOf(d, importId);
					await d.importBatches.where('importId').equals(importId).delete();
					// The file's run of its sender's changes is missing again.
					await forgetReceived(d, detail.from.deviceId, importId);
					await d.audit.add({
						id: newId(),
						at: now,
						action: 'snapshot_undo',
						detail: { importId, fileName: detail.fileName, from: detail.from, batch: group }
					});
				}
				return result;
			})
		)
	);
	customersChanged(customerIds.size > 5_000 ? 'all' : [...customerIds]);
	return summary;
}

export async function planBatchUndo(group: string): Promise<UndoSummary> {
	return planBatchUndoWith(await appContext(), group);
}

export async function undoBatch(group: string): Promise<UndoSummary> {
	return undoBatchWith(await appContext(), group);
}

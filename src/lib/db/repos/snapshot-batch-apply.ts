import { newId } from '../ids';
import { guarded } from '../write';
import { cancelBatchWith } from './snapshot-batch-preview';
import { appContext, type SnapshotContext } from './snapshot-context';
import { applyTables, StagedApply, type ApplyResult, type BatchShared } from './snapshot-apply';
import { LastContact } from './snapshot-derive';
import { HeldCustomers } from './snapshot-held';
import { listSnapshotImportsWith, undoneCount } from './snapshot-imports';
import { withSummedTallies } from '../tallies-middleware';

/**
 * Many files at once, step 2: ONE transaction applies every staged file of the batch, in the
 * order the preview read them (sync/file-batch.ts), each exactly as a single file applies
 * (snapshot-apply.ts), so the result is that of applying them one by one in that order. Each
 * import's audit entry names its batch and place, and Undo takes the batch back as one
 * (snapshot-batch-undo.ts). A failure (full disk) writes nothing and drops the staging.
 */
export interface BatchResult extends Omit<ApplyResult, 'importId'> {
	group: string;
	files: number;
}

export async function applyBatchWith(
	ctx: SnapshotContext,
	importIds: readonly string[],
	opts: { now?: number } = {}
): Promise<BatchResult> {
	const now = opts.now ?? Date.now();
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const d = ctx.db;
	const group = newId();
	const shared: BatchShared = {
		lastContact: new LastContact(),
		held: new HeldCustomers(),
		undosBefore: 0
	};
	const runs = importIds.map((id) => new StagedApply(ctx, id, searchKeysOf, now, {}, shared));
	const contacted: string[] = [];
	try {
		await guarded(() =>
			d.transaction('rw', applyTables(d), async () =>
				withSummedTallies(async () => {
					shared.undosBefore = undoneCount(await listSnapshotImportsWith(ctx));
					for (const [seq, run] of runs.entries()) await run.run({ group, seq });
					// Once for the whole batch, after its last file: each customer written once for it.
					contacted.push(...(await shared.held.write(d, shared.lastContact)));
				})
			)
		);
	} catch (e) {
		await cancelBatchWith(ctx, importIds);
		throw e;
	}
	const out: BatchResult = {
		group,
		files: runs.length,
		created: 0,
		updated: 0,
		deleted: 0,
		conflicts: 0,
		skipped: 0,
		restamped: 0
	};
	for (const id of contacted) runs.at(-1)?.a.customerIds.add(id);
	for (const run of runs) {
		const r = run.done();
		out.created += r.created;
		out.updated += r.updated;
		out.deleted += r.deleted;
		out.conflicts += r.conflicts;
		out.skipped += r.skipped;
		out.restamped += r.restamped;
	}
	return out;
}

export async function applyBatch(importIds: readonly string[]): Promise<BatchResult> {
	return applyBatchWith(await appContext(), importIds);
}

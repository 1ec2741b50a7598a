/**
 * The import check worker: reads and checks a whole file with `importCsv`, gives each accepted
 * row its ids and owner (`Stager`) and stages the rows in `importBatches` on its own connection,
 * invisible until the commit. For a customer file it also counts, per field, the stored values
 * a fill or an overwrite would change (`StoredChanges`, reading the matched customers). The page
 * receives only what it shows: progress, per batch the rows staged, the duplicates to count, the
 * rejected rows and the changes so far, then how the check ended. Terminating the worker is the
 * cancel (the page then clears what was staged).
 */
import { importCsv, type ImportEvent, type ImportOptions } from '$lib/io/csv/codec';
import type { ImportTarget } from '$lib/io/csv/fields';
import type { StagedCustomerRow } from '$lib/io/import/plan';
import { Stager, type ActivityLine, type RejectedRow } from '$lib/io/import/stager';
import { StoredChanges, type FieldChanges, type UpdateMode } from '$lib/io/import/stored-changes';
import { toDbErrorCode, type DbErrorCode } from './errors';
import { putStagedBatch, readStoredCustomers } from './repos/import-apply';
import { openDatabase } from './schema';

export interface CheckRequest {
	file: Blob;
	options: ImportOptions<ImportTarget>;
	/** The pending import the rows are staged under. */
	importId: string;
	/** Owner names (trimmed, lower case) → member ids; rows without a known owner get `meId`. */
	ownerIds: [string, string][];
	meId: string;
}

/** One staged batch, as the page counts it. */
export interface StagedBatch {
	kind: 'staged';
	seq: number;
	/** Rows staged (accepted and, for activities, linked to a customer). */
	rows: number;
	/** Customer files: staged rows that duplicate a stored customer or an earlier row. */
	duplicates: number;
	/** Activity files: what the duplicate check against stored records needs. */
	activities: ActivityLine[];
	rejected: RejectedRow[];
	/** Customer files: per field, the stored values each update strategy changes, so far. */
	changes: Record<UpdateMode, FieldChanges> | null;
}

export type CheckMessage =
	| Exclude<ImportEvent<ImportTarget>, { kind: 'batch' }>
	| StagedBatch
	| { kind: 'stage_failed'; name: string; code: DbErrorCode }
	| { kind: 'crashed'; message: string };

/**
 * Rows per batch: each is parsed, staged (one small transaction) and later committed as one
 * piece, and progress moves with every batch, so a batch stays small enough for an update at
 * least every 200 ms on a busy machine.
 */
const BATCH_ROWS = 250;

const scope = self as unknown as {
	postMessage(message: CheckMessage): void;
	onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
};

/** A staging write that failed (a full disk …), told apart from a crash of the check itself. */
class StageFailed {
	constructor(readonly cause: unknown) {}
}

async function check(req: CheckRequest): Promise<void> {
	const d = openDatabase();
	const stager = new Stager(req.options.target, new Map(req.ownerIds), req.meId);
	const changes = req.options.target === 'customer' ? new StoredChanges() : null;
	let seq = 0;
	// One staging write in flight while the next batch is parsed.
	let writing: Promise<unknown> = Promise.resolve();
	try {
		const options = { batchSize: BATCH_ROWS, ...req.options };
		for await (const ev of importCsv(req.file, options)) {
			if (ev.kind !== 'batch') {
				if (ev.kind === 'done') await writing;
				scope.postMessage(ev);
				continue;
			}
			const rows = stager.take(ev.rows);
			const lines = stager.customers.splice(0);
			if (changes) {
				const { updates, unknown } = changes.plan(rows as StagedCustomerRow[]);
				changes.add(updates, await readStoredCustomers(d, unknown));
			}
			const staged: StagedBatch = {
				kind: 'staged',
				seq,
				rows: rows.length,
				duplicates: lines.filter((l) => l.duplicateOf !== null || l.duplicateOfLine !== null)
					.length,
				activities: stager.activities.splice(0),
				rejected: stager.rejected.splice(0),
				changes: changes && {
					fill: changes.changes('fill'),
					overwrite: changes.changes('overwrite')
				}
			};
			await writing;
			writing = putStagedBatch(d, req.importId, seq++, rows).catch((e: unknown) => {
				throw new StageFailed(e);
			});
			// Awaited before the next write or the end; until then a failure must not count as
			// unhandled.
			writing.catch(() => undefined);
			scope.postMessage(staged);
		}
		await writing;
	} catch (err) {
		if (err instanceof StageFailed)
			scope.postMessage({
				kind: 'stage_failed',
				name: err.cause instanceof Error ? err.cause.name : 'import_crashed',
				code: toDbErrorCode(err.cause)
			});
		else
			scope.postMessage({
				kind: 'crashed',
				message: err instanceof Error ? err.message : String(err)
			});
	} finally {
		d.close();
	}
}

scope.onmessage = (e) => void check(e.data);

import { customersChanged } from '../changes';
import { db } from '../db';
import { newId } from '../ids';
import type { ImportEntry } from '../schema';
import { stamper } from '../session';
import { guarded } from '../write';
import { applyImport, putStagedBatch, type ApplyOptions, type CommitResult } from './import-apply';

export type { CommitResult, ImportOp, ImportTable } from './import-apply';

/**
 * Imports are all or nothing. Planned operations are staged in `importBatches` (many small
 * transactions while the file is still being read, invisible to every page); `commitImport`
 * applies them in ONE transaction and keeps what Undo needs; an import that never committed is
 * cleared on the next start by `clearUnfinishedImports`.
 */

export interface ImportInfo {
	fileName: string;
	target: string;
	/** Counts shown in the history (new, updated, skipped, rejected). */
	counts: Record<string, number>;
}

export async function startImport(info: ImportInfo): Promise<string> {
	const id = newId();
	await guarded(() =>
		db().imports.add({ id, at: Date.now(), state: 'pending', detail: { ...info } })
	);
	return id;
}

/**
 * Stages one batch (call in order with seq 0, 1, 2 …): operations, or rows that the `plan`
 * given to commitImport turns into operations.
 */
export async function stageOps(importId: string, seq: number, records: unknown[]): Promise<void> {
	await guarded(() => putStagedBatch(db(), importId, seq, records));
}

/** Options of a commit in this tab; the stamps come from this tab's session clock. */
export type CommitOptions = Omit<ApplyOptions, 'stamp'>;

/**
 * Applies every staged batch in one transaction, in this tab (the app commits through the import
 * commit worker instead: see import-commit.ts). Derived fields of customers (searchKeys) are
 * taken from the staged data when present, else computed.
 */
export async function commitImport(
	importId: string,
	options: CommitOptions = {}
): Promise<CommitResult> {
	const stamp = await stamper();
	const result = await guarded(() => applyImport(db(), importId, { ...options, stamp }));
	customersChanged('all');
	return result;
}

/** Drops a staged import that was cancelled before commit. */
export async function cancelImport(importId: string): Promise<void> {
	const d = db();
	await guarded(() =>
		d.transaction('rw', [d.imports, d.importBatches], async () => {
			await d.importBatches.where('importId').equals(importId).delete();
			await d.imports.delete(importId);
		})
	);
}

/** The Web Lock an import holds while it runs, so another tab's start-up leaves it alone. */
// On every start, so in its own small module: the first page must not load the import code.
export { clearUnfinishedImports, importLockName } from './import-cleanup';

export async function listImports(): Promise<ImportEntry[]> {
	const all = await db().imports.where('state').anyOf('committed', 'undone').toArray();
	return all.sort((a, b) => b.at - a.at);
}

export { planImportUndo, undoImport } from './import-undo';
export type { KeptRecord, UndoSummary } from './undo-plan';

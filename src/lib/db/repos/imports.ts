import { editRecord } from '$lib/sync/edit';
import type { Stamp, Synced } from '$lib/sync/stamp';
import { customersChanged } from '../changes';
import { db } from '../db';
import { newId } from '../ids';
import type { ImportEntry } from '../schema';
import { stamper } from '../session';
import { DERIVED_FIELDS, type SyncedTable } from '../tables';
import { guarded } from '../write';
import {
	applyImport,
	putStagedBatch,
	type ApplyOptions,
	type CommitResult,
	type UndoData
} from './import-apply';

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

/** The latest contact left in a customer's log (after an undo removed some), or null. */
async function latestContact(customerId: string): Promise<number | null> {
	const last = await db()
		.interactions.where('[customerId+at]')
		.between([customerId, -Infinity], [customerId, Infinity])
		.reverse()
		.filter((i) => i.trashedAt === null)
		.first();
	return last?.at ?? null;
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

/**
 * Undoes a committed import in one transaction: removes exactly the records it created (leaving
 * tombstones, in case a snapshot carried them off meanwhile) and puts back the fields it changed,
 * as new stamped edits so the undo itself merges like any edit.
 */
export async function undoImport(importId: string): Promise<void> {
	const stamp = await stamper();
	const d = db();
	const tables = [d.customers, d.contacts, d.interactions, d.orders, d.tasks, d.tombstones];
	await guarded(() =>
		d.transaction('rw', [d.imports, d.importBatches, ...tables], async () => {
			const entry = await d.imports.get(importId);
			// One undo batch per committed batch (older imports kept a single one at seq 0).
			const batches = (await d.importBatches.where('importId').equals(importId).toArray()).filter(
				(b) => b.kind === 'undo'
			);
			if (!entry || entry.state !== 'committed' || batches.length === 0)
				throw new Error('import_not_undoable');
			const undo: UndoData = { createdIds: [], before: [] };
			for (const b of batches) {
				const part = (b.records as UndoData[])[0];
				if (!part) continue;
				undo.createdIds.push(...part.createdIds);
				undo.before.push(...part.before);
			}
			const s: Stamp = stamp();
			const touched = new Set<string>();
			// Per table in bulk: a large import created many thousands of records.
			const byTable = new Map<string, string[]>();
			for (const { table, id } of undo.createdIds) {
				const ids = byTable.get(table);
				if (ids) ids.push(id);
				else byTable.set(table, [id]);
			}
			for (const [table, ids] of byTable) {
				if (table === 'interactions')
					for (const i of await d.interactions.bulkGet(ids)) if (i) touched.add(i.customerId);
				await d.table(table).bulkDelete(ids);
				await d.tombstones.bulkPut(ids.map((id) => ({ table, id, hlc: s.hlc, by: s.by })));
			}
			for (const { table, record } of undo.before) {
				const current = (await d.table(table).get(record.id)) as Synced | undefined;
				if (!current) continue;
				const { id: _id, _meta, ...fields } = record as Synced & Record<string, unknown>;
				const { next } = editRecord(
					current,
					fields,
					stamp(),
					DERIVED_FIELDS[table as SyncedTable] ?? []
				);
				await d.table(table).put(next);
			}
			for (const customerId of touched)
				if (await d.customers.get(customerId))
					await d.customers.update(customerId, { lastContactAt: await latestContact(customerId) });
			await d.importBatches.where('importId').equals(importId).delete();
			await d.imports.put({ ...entry, state: 'undone' });
		})
	);
	customersChanged('all');
}

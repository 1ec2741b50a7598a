import type { SearchKeySource } from '$lib/domain/customer/search-keys';
import { fillOnly } from '$lib/io/import/plan';
import { createRecord, editRecord } from '$lib/sync/edit';
import type { Stamp, Synced } from '$lib/sync/stamp';
import { customersChanged } from '../changes';
import { db } from '../db';
import { newId } from '../ids';
import type { ImportBatch, ImportEntry } from '../schema';
import { stamper } from '../session';
import { DERIVED_FIELDS, type SyncedTable } from '../tables';
import { guarded } from '../write';

/**
 * Imports are all or nothing. Planned operations are staged in `importBatches` (many small
 * transactions while the file is still being read, invisible to every page); `commitImport`
 * applies them in ONE transaction and keeps what Undo needs; an import that never committed is
 * cleared on the next start by `clearUnfinishedImports`.
 */

export type ImportTable = Extract<
	SyncedTable,
	'customers' | 'contacts' | 'interactions' | 'orders'
>;

/** A record to create (without id and stamps), or fields to change on an existing record. */
export type ImportOp =
	| { op: 'create'; table: ImportTable; id: string; data: Record<string, unknown> }
	| {
			op: 'update';
			table: ImportTable;
			id: string;
			patch: Record<string, unknown>;
			/** 'fill' sets only the fields the stored record has empty. */
			mode?: 'fill' | 'overwrite';
	  };

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
	const batch: ImportBatch = { importId, seq, kind: 'stage', table: '', records };
	await guarded(() => db().importBatches.put(batch));
}

export interface CommitResult {
	created: number;
	updated: number;
}

/**
 * Applies every staged batch in one transaction. Updates stamp only the fields that change
 * (a fill-only-empty import of an unchanged file changes nothing). Derived fields of customers
 * (searchKeys) must already be in the staged data/patch.
 */
export interface CommitOptions {
	/** Turns a staged batch into operations (default: the batch already holds operations). */
	plan?: (records: unknown[]) => ImportOp[];
	/** Cancel: the transaction aborts and nothing of the import is written. */
	signal?: AbortSignal;
	/** Called after each batch with the number of batches applied. */
	onProgress?: (batches: number) => void;
}

export async function commitImport(
	importId: string,
	options: CommitOptions = {}
): Promise<CommitResult> {
	const { plan = (r: unknown[]) => r as ImportOp[], signal, onProgress } = options;
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const stamp = await stamper();
	const d = db();
	const tables = [d.customers, d.contacts, d.interactions, d.orders];
	const result = await guarded(() =>
		d.transaction('rw', [d.imports, d.importBatches, ...tables], async () => {
			const entry = await d.imports.get(importId);
			if (!entry || entry.state !== 'pending') throw new Error('import_not_pending');
			let created = 0;
			let updated = 0;
			let seq = 0;
			const createdIds: { table: string; id: string }[] = [];
			const before: { table: string; record: Synced }[] = [];
			const lastContact = new Map<string, number>();
			for (;;) {
				if (signal?.aborted) throw new DOMException('import cancelled', 'AbortError');
				const batch = await d.importBatches.get([importId, seq]);
				if (!batch) break;
				const ops = plan(batch.records);
				const creates = new Map<ImportTable, Synced[]>();
				for (const op of ops) {
					if (op.op !== 'create') continue;
					const data =
						op.table === 'customers'
							? { ...op.data, searchKeys: searchKeysOf(op.data as unknown as SearchKeySource) }
							: op.data;
					if (op.table === 'interactions') noteContact(lastContact, op.data);
					const rec = createRecord<Synced>(op.id, data, stamp());
					const list = creates.get(op.table);
					if (list) list.push(rec);
					else creates.set(op.table, [rec]);
					createdIds.push({ table: op.table, id: op.id });
				}
				for (const [table, records] of creates) {
					await d.table(table).bulkAdd(records);
					created += records.length;
				}
				const updates = ops.filter((o) => o.op === 'update');
				for (const op of updates) {
					const current = (await d.table(op.table).get(op.id)) as
						(Synced & Record<string, unknown>) | undefined;
					if (!current) continue;
					let patch = op.mode === 'fill' ? fillOnly(current, op.patch) : op.patch;
					if (op.table === 'customers')
						patch = {
							...patch,
							searchKeys: searchKeysOf({ ...current, ...patch } as unknown as SearchKeySource)
						};
					const { next, changed } = editRecord(
						current,
						patch,
						stamp(),
						DERIVED_FIELDS[op.table] ?? []
					);
					if (!changed.some((f) => !(DERIVED_FIELDS[op.table] ?? []).includes(f))) continue;
					before.push({ table: op.table, record: current });
					await d.table(op.table).put(next);
					updated++;
				}
				await d.importBatches.delete([importId, seq]);
				onProgress?.(seq + 1);
				seq++;
			}
			// Derived, not stamped: an imported contact may be the customer's latest one.
			for (const [customerId, at] of lastContact) {
				const c = await d.customers.get(customerId);
				if (c && (c.lastContactAt === null || at > c.lastContactAt))
					await d.customers.update(customerId, { lastContactAt: at });
			}
			await d.importBatches.put({
				importId,
				seq: 0,
				kind: 'undo',
				table: '',
				records: [{ createdIds, before }]
			});
			const detail = { ...entry.detail, created, updated };
			await d.imports.put({ ...entry, state: 'committed', detail });
			return { created, updated };
		})
	);
	customersChanged('all');
	return result;
}

function noteContact(latest: Map<string, number>, data: Record<string, unknown>): void {
	const { customerId, at } = data as { customerId: string; at: number };
	if (at > (latest.get(customerId) ?? -Infinity)) latest.set(customerId, at);
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

interface UndoData {
	createdIds: { table: string; id: string }[];
	before: { table: string; record: Synced }[];
}

/**
 * Undoes a committed import in one transaction: removes exactly the records it created (leaving
 * tombstones, in case a snapshot carried them off meanwhile) and puts back the fields it changed,
 * as new stamped edits so the undo itself merges like any edit.
 */
export async function undoImport(importId: string): Promise<void> {
	const stamp = await stamper();
	const d = db();
	const tables = [d.customers, d.contacts, d.interactions, d.orders, d.tombstones];
	await guarded(() =>
		d.transaction('rw', [d.imports, d.importBatches, ...tables], async () => {
			const entry = await d.imports.get(importId);
			const batch = await d.importBatches.get([importId, 0]);
			if (!entry || entry.state !== 'committed' || !batch) throw new Error('import_not_undoable');
			const undo = (batch.records as UndoData[])[0] ?? { createdIds: [], before: [] };
			const s: Stamp = stamp();
			const touched = new Set<string>();
			for (const { table, id } of undo.createdIds) {
				if (table === 'interactions') {
					const i = await d.interactions.get(id);
					if (i) touched.add(i.customerId);
				}
				await d.table(table).delete(id);
				await d.tombstones.put({ table, id, hlc: s.hlc, by: s.by });
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
			await d.importBatches.delete([importId, 0]);
			await d.imports.put({ ...entry, state: 'undone' });
		})
	);
	customersChanged('all');
}

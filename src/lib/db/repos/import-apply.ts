/**
 * The body of an import's commit: every staged batch applied in ONE transaction, with what Undo
 * needs kept beside it. It takes the database and a synchronous stamp source as arguments and
 * touches nothing of the page (no status banner, no change notices), so it runs the same in the
 * tab (tests) and in the import commit worker (the app), where its IndexedDB writes, search keys
 * and structured clones stay off the main thread.
 */
import type { Customer } from '$lib/domain/customer/customer';
import type { SearchKeySource } from '$lib/domain/customer/search-keys';
import { fillOnly } from '$lib/io/import/plan';
import { createRecord, editRecord } from '$lib/sync/edit';
import type { Stamp, Synced } from '$lib/sync/stamp';
import { derivedFields, type SyncedTable } from '$lib/sync/tables';
import type { RapportDB } from '../schema';
import { withSummedTallies } from '../tallies-middleware';

export type ImportTable = Extract<
	SyncedTable,
	'customers' | 'contacts' | 'interactions' | 'orders' | 'tasks'
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

export interface CommitResult {
	created: number;
	updated: number;
}

/**
 * What Undo needs of one committed batch (kept as an 'undo' batch at the batch's seq): the
 * stamps the import wrote tell Undo what was changed since (see $lib/sync/undo). Imports of
 * older versions kept no stamps (`updated`, `written` absent).
 */
export interface UndoData {
	/** Created, with the `_meta.updated` written. */
	createdIds: { table: string; id: string; updated?: string }[];
	/** Changed: the record before, and per stamped field the hlc written. */
	before: { table: string; record: Synced; written?: Record<string, string> }[];
}

/** Stages one batch (in order, seq 0, 1, 2 …): rows that the commit's planner turns into operations. */
export function putStagedBatch(
	d: RapportDB,
	importId: string,
	seq: number,
	records: unknown[]
): Promise<unknown> {
	return d.importBatches.put({ importId, seq, kind: 'stage', table: '', records });
}

/** The stored customers of these ids (for the preview of what an update changes). */
export async function readStoredCustomers(
	d: RapportDB,
	ids: readonly string[]
): Promise<Map<string, Customer>> {
	const found = await d.customers.bulkGet([...ids]);
	return new Map(found.flatMap((c) => (c ? [[c.id, c]] : [])));
}

export interface ApplyOptions {
	/** Turns a staged batch into operations (default: the batch already holds operations). */
	plan?: (records: unknown[]) => ImportOp[];
	/** Synchronous: IndexedDB commits a transaction that awaits anything but its own requests. */
	stamp: () => Stamp;
	/** Cancel: the transaction aborts and nothing of the import is written. */
	signal?: AbortSignal;
	/** Called after each batch with the number of batches applied. */
	onProgress?: (batches: number) => void;
}

/**
 * Applies every staged batch of `importId` in one transaction. Creates are written with one
 * bulkAdd per table and batch; updates stamp only the fields that change (a fill-only-empty
 * import of an unchanged file changes nothing). A customer's searchKeys are taken from the
 * staged data when the check computed them, else computed here.
 */
export async function applyImport(
	d: RapportDB,
	importId: string,
	options: ApplyOptions
): Promise<CommitResult> {
	const { plan = (r: unknown[]) => r as ImportOp[], stamp, signal, onProgress } = options;
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const keysOf = (data: Record<string, unknown>): string =>
		typeof data.searchKeys === 'string'
			? data.searchKeys
			: searchKeysOf(data as unknown as SearchKeySource);
	const tables = [d.customers, d.contacts, d.interactions, d.orders, d.tasks];
	return d.transaction('rw', [d.imports, d.importBatches, ...tables], async () =>
		withSummedTallies(async () => {
			const entry = await d.imports.get(importId);
			if (!entry || entry.state !== 'pending') throw new Error('import_not_pending');
			let created = 0;
			let updated = 0;
			let seq = 0;
			const lastContact = new Map<string, number>();
			for (;;) {
				if (signal?.aborted) throw new DOMException('import cancelled', 'AbortError');
				const batch = await d.importBatches.get([importId, seq]);
				if (!batch || batch.kind !== 'stage') break;
				const ops = plan(batch.records);
				const undo: UndoData = { createdIds: [], before: [] };
				const creates = new Map<ImportTable, Synced[]>();
				for (const op of ops) {
					if (op.op !== 'create') continue;
					const data =
						op.table === 'customers' ? { ...op.data, searchKeys: keysOf(op.data) } : op.data;
					if (op.table === 'interactions') noteContact(lastContact, op.data);
					const rec = createRecord<Synced>(op.id, data, stamp());
					const list = creates.get(op.table);
					if (list) list.push(rec);
					else creates.set(op.table, [rec]);
					undo.createdIds.push({ table: op.table, id: op.id, updated: rec._meta.updated });
				}
				for (const [table, records] of creates) {
					await d.table(table).bulkAdd(records);
					// The follow-up tasks that come with imported contacts are not rows of the file.
					if (table !== 'tasks') created += records.length;
				}
				for (const op of ops) {
					if (op.op !== 'update') continue;
					const current = (await d.table(op.table).get(op.id)) as
						(Synced & Record<string, unknown>) | undefined;
					if (!current) continue;
					let patch = op.mode === 'fill' ? fillOnly(current, op.patch) : op.patch;
					if (op.table === 'customers')
						patch = {
							...patch,
							searchKeys: searchKeysOf({ ...current, ...patch } as unknown as SearchKeySource)
						};
					const derived = derivedFields(op.table);
					const s = stamp();
					const { next, changed } = editRecord(current, patch, s, derived);
					const stamped = changed.filter((f) => !derived.includes(f));
					if (stamped.length === 0) continue;
					const written = Object.fromEntries(stamped.map((f) => [f, s.hlc]));
					undo.before.push({ table: op.table, record: current, written });
					await d.table(op.table).put(next);
					updated++;
				}
				// The staged batch is replaced by what undoing it needs: Undo data stays one batch at a
				// time instead of one record listing a million ids.
				await d.importBatches.put({ importId, seq, kind: 'undo', table: '', records: [undo] });
				onProgress?.(seq + 1);
				seq++;
			}
			// Derived, not stamped: an imported contact may be the customer's latest one.
			for (const [customerId, at] of lastContact) {
				const c = await d.customers.get(customerId);
				if (c && (c.lastContactAt === null || at > c.lastContactAt))
					await d.customers.update(customerId, { lastContactAt: at });
			}
			// An import of zero batches still gets its (empty) undo record, so it can be undone.
			if (seq === 0)
				await d.importBatches.put({
					importId,
					seq: 0,
					kind: 'undo',
					table: '',
					records: [{ createdIds: [], before: [] } satisfies UndoData]
				});
			const detail = { ...entry.detail, created, updated };
			await d.imports.put({ ...entry, state: 'committed', detail });
			return { created, updated };
		})
	);
}

function noteContact(latest: Map<string, number>, data: Record<string, unknown>): void {
	const { customerId, at } = data as { customerId: string; at: number };
	if (at > (latest.get(customerId) ?? -Infinity)) latest.set(customerId, at);
}

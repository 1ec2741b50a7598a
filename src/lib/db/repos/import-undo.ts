import { SYNCED_TABLES } from '$lib/sync/tables';
import type { ChangedByImport, CreatedByImport } from '$lib/sync/undo';
import { customersChanged } from '../changes';
import { db } from '../db';
import type { RapportDB } from '../schema';
import { stamper } from '../session';
import { guarded } from '../write';
import type { UndoData } from './import-apply';
import { planUndo, summarize, type UndoPlan, type UndoSummary } from './undo-plan';
import { StampedWrites } from './stamped-writes';
import { withSummedTallies } from '../tallies-middleware';

/**
 * Undo of a CSV import (customers, or interactions and orders), by the rule snapshot Undo shares
 * ($lib/sync/undo): the fields it changed get their earlier values back unless written since;
 * the records it created go to the trash (an ordinary stamped edit, so restorable here for 30
 * days and merged as a trash by teammates), unless edited since or linked by a record that
 * stays. No tombstone is written: it would delete the records on every teammate's device.
 */

/** The import's undo data, in the order it was applied; refused unless it can be undone. */
async function undoDataOf(
	d: RapportDB,
	importId: string
): Promise<{ created: CreatedByImport[]; changes: ChangedByImport[] }> {
	const entry = await d.imports.get(importId);
	// One undo batch per committed batch (older imports kept a single one at seq 0).
	const batches = (await d.importBatches.where('importId').equals(importId).sortBy('seq')).filter(
		(b) => b.kind === 'undo'
	);
	if (!entry || entry.state !== 'committed' || batches.length === 0)
		throw new Error('import_not_undoable');
	const created: CreatedByImport[] = [];
	const changes: ChangedByImport[] = [];
	for (const b of batches) {
		const part = (b.records as UndoData[])[0];
		if (!part) continue;
		for (const c of part.createdIds) created.push({ ...c, updated: c.updated ?? null });
		for (const { table, record, written } of part.before)
			changes.push({ table, id: record.id, before: record, written: written ?? null });
	}
	return { created, changes };
}

/** A CSV file's rows are customers, interactions or orders: a follow-up task is not a row. */
const countsAsRow = (table: string): boolean => table !== 'tasks';

const allTables = (d: RapportDB) => SYNCED_TABLES.map((t) => d.table(t));

/** What Undo would do now (nothing is written): for the confirmation. */
export async function planImportUndo(importId: string): Promise<UndoSummary> {
	const d = db();
	return d.transaction('r', [d.imports, d.importBatches, ...allTables(d)], async () => {
		const { created, changes } = await undoDataOf(d, importId);
		return summarize(d, await planUndo(d, created, changes), 0, countsAsRow);
	});
}

/** Carries out a plan in the caller's transaction; returns the customers whose rows changed. */
async function carryOut(w: StampedWrites, plan: UndoPlan, now: number): Promise<Set<string>> {
	const trashedCustomers = new Set(
		plan.remove.filter((r) => r.table === 'customers').map((r) => r.record.id)
	);
	for (const { table, record } of plan.remove) {
		// A contact person created with its customer goes to the trash with it: restoring the
		// customer brings it back whole.
		if (table !== 'customers' && trashedCustomers.has(String(record.customerId))) continue;
		w.edit(table, record, { trashedAt: now });
	}
	for (const { table, record, patch } of plan.restore) w.edit(table, record, patch);
	return w.finish();
}

/**
 * Undoes a committed import in one transaction (see the rule above) and marks it undone. Returns
 * what was done, with the records kept because they changed since.
 */
export async function undoImport(importId: string, now = Date.now()): Promise<UndoSummary> {
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const stamp = await stamper();
	const d = db();
	let changed = new Set<string>();
	const summary = await guarded(() =>
		d.transaction('rw', [d.imports, d.importBatches, ...allTables(d)], async () =>
			withSummedTallies(async () => {
				const { created, changes } = await undoDataOf(d, importId);
				const plan = await planUndo(d, created, changes);
				changed = await carryOut(new StampedWrites(d, stamp, searchKeysOf), plan, now);
				const done = await summarize(d, plan, 0, countsAsRow);
				const entry = (await d.imports.get(importId))!;
				const { kept: _list, ...counts } = done;
				await d.importBatches.where('importId').equals(importId).delete();
				await d.imports.put({
					...entry,
					state: 'undone',
					detail: { ...entry.detail, undo: counts }
				});
				return done;
			})
		)
	);
	customersChanged(changed.size > 5_000 ? 'all' : [...changed]);
	return summary;
}

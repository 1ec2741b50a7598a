import { editRecord } from '$lib/sync/edit';
import type { SyncRecord } from '$lib/sync/merge';
import type { Stamp, SyncMeta } from '$lib/sync/stamp';
import { customersChanged } from '../changes';
import { newId } from '../ids';
import { DERIVED_FIELDS, type SyncedTable } from '../tables';
import { guarded } from '../write';
import { appContext, type SnapshotContext } from './snapshot-context';
import { LastContact, withSearchKeys } from './snapshot-derive';
import { KNOWN_TABLES, listSnapshotImportsWith, type UndoBatch } from './snapshot-imports';

/**
 * Undoes a whole snapshot import in one transaction:
 * - records it created are removed again (no tombstone: they are a teammate's records, and a
 *   tombstone would erase them on every device at the next exchange; importing the file again
 *   brings them back), unless edited here since;
 * - fields it changed get their previous values back as new stamped edits (so the undo merges
 *   like any edit), unless edited here since;
 * - records its tombstones deleted come back as they were, and those tombstones are removed;
 * - the conflicts it listed leave the list; the file counts as not imported.
 */
type Row = SyncRecord & Record<string, unknown>;

const stampOf = (meta: SyncMeta, f: string): Stamp => meta.fields?.[f] ?? meta.created;

export async function undoSnapshotImportWith(
	ctx: SnapshotContext,
	importId: string,
	now = Date.now()
): Promise<void> {
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const d = ctx.db;
	const { session } = ctx;
	const tick = (): Stamp => ({ hlc: session.clock.tick(), by: session.member.id });
	const customerIds = new Set<string>();
	const tables = [...KNOWN_TABLES].map((t) => d.table(t));
	await guarded(() =>
		d.transaction(
			'rw',
			[...tables, d.tombstones, d.conflicts, d.audit, d.importBatches],
			async () => {
				const done = (await listSnapshotImportsWith(ctx)).find((r) => r.importId === importId);
				if (!done || done.undone) throw new Error('import_not_undoable');
				const lastContact = new LastContact();
				const batches = await d.importBatches.where('importId').equals(importId).toArray();
				// Newest batch first: the reverse of the order the import applied them in.
				batches.sort((a, b) => b.seq - a.seq);
				for (const b of batches) {
					if (b.kind !== 'undo') continue;
					const u = b.records[0] as UndoBatch;
					for (const { after, before } of u.tombs) {
						if (before) await d.tombstones.put(before);
						else await d.tombstones.delete([after.table, after.id]);
					}
					for (const { table, before } of u.deleted) {
						await d.table(table).put(before);
						if (table === 'customers') customerIds.add(before.id);
						if (table === 'interactions') lastContact.note(undefined, before as Row);
					}
					for (const { table, id, updated } of u.created) {
						const current = (await d.table(table).get(id)) as Row | undefined;
						if (!current || current._meta.updated !== updated) continue;
						await d.table(table).delete(id);
						if (table === 'customers') customerIds.add(id);
						if (table === 'interactions') lastContact.note(current, undefined);
					}
					for (const { table, before, fields, after } of u.changed) {
						const current = (await d.table(table).get(before.id)) as Row | undefined;
						if (!current) continue;
						const prior = before as Row;
						const patch: Record<string, unknown> = {};
						for (const f of fields) {
							if (stampOf(current._meta, f).hlc !== stampOf(after, f).hlc) continue;
							if (Object.hasOwn(prior, f)) patch[f] = prior[f];
						}
						const derived = DERIVED_FIELDS[table as SyncedTable] ?? [];
						const edit = editRecord(current, patch, tick(), derived);
						if (edit.changed.length === 0) continue;
						let next = edit.next;
						if (table === 'customers') {
							next = withSearchKeys(searchKeysOf, next, edit.changed);
							customerIds.add(next.id);
						}
						if (table === 'interactions') lastContact.note(current, next);
						await d.table(table).put(next);
					}
				}
				for (const id of await lastContact.flush(d)) customerIds.add(id);
				await d.conflicts
					.filter((c) => (c as { importId?: string }).importId === importId)
					.delete();
				await d.importBatches.where('importId').equals(importId).delete();
				const { detail } = done;
				await d.audit.add({
					id: newId(),
					at: now,
					action: 'snapshot_undo',
					detail: { importId, fileName: detail.fileName, from: detail.from }
				});
			}
		)
	);
	customersChanged(customerIds.size > 5_000 ? 'all' : [...customerIds]);
}

export async function undoSnapshotImport(importId: string): Promise<void> {
	return undoSnapshotImportWith(await appContext(), importId);
}

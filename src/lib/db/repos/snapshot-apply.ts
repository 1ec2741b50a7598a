import { SETTING } from '$lib/io/snapshot/header';
import type { SnapshotSetting } from '$lib/io/snapshot/restore';
import { conflictKey, type Conflict } from '$lib/sync/conflict';
import { mergeRecord, type SeenPoint, type SyncRecord } from '$lib/sync/merge';
import { SenderStamps } from '$lib/sync/sender-stamps';
import { mergeTombstone, type Tombstone } from '$lib/sync/tombstone';
import { customersChanged } from '../changes';
import { newId } from '../ids';
import { guarded } from '../write';
import { flagTables, MergedChanges } from './checklist-flags';
import { noteReceived, receivedFile, seenFrom } from './exchange-received';
import { PayScreen } from './pay-screen';
import { arrivingPartsOfErased, partsOfErased } from './snapshot-erased-parts';
import { AsideMerge } from './snapshot-aside';
import { FarAheadFilter, type FarAheadChoice } from './snapshot-clocks';
import { appContext, type SnapshotContext } from './snapshot-context';
import type { StoredConflict } from './snapshot-conflicts';
import { LastContact, withSearchKeys } from './snapshot-derive';
import { HeldCustomers } from './snapshot-held';
import { storedOf, tombTable } from './snapshot-stored';
import type { ReadWatch } from './snapshot-source';
import {
	KNOWN_TABLES,
	listSnapshotImportsWith,
	undoneCount,
	type SnapshotImportDetail,
	type StagedEntry,
	type UndoBatch
} from './snapshot-imports';
import { cancelSnapshotImportWith, pendingLocks } from './snapshot-preview';
import { withSummedTallies } from '../tallies-middleware';

/**
 * Import, step 2: ONE transaction merges every staged batch into the database against the
 * records as they are now (not as they were at preview time), writes tombstones (purging the
 * content), lists the conflicts, recomputes derived fields, keeps what Undo needs and logs the
 * import. A failure (full disk) aborts all of it. Before the merge, records stamped more than a
 * day ahead of this device's clock are skipped or re-stamped, as the user chose in the preview.
 * Afterwards the device's clock moves past the newest stamp that was merged (read from the
 * records, never from the header, which is only the file's claim), so the next local edit orders
 * after everything just merged.
 */
export interface ApplyResult {
	importId: string;
	created: number;
	updated: number;
	deleted: number;
	conflicts: number;
	/** Records (and tombstones) stamped more than a day ahead, left out or re-stamped. */
	skipped: number;
	restamped: number;
}

export interface ApplyOptions {
	/** The importer's clock (ms); Date.now() by default. */
	now?: number;
	/** What to do with records stamped more than a day ahead: skipped unless told otherwise. */
	farAhead?: FarAheadChoice;
	/** Restore only: applies a backup's settings and identity in the same transaction. */
	restore?: RestoreStep;
	/**
	 * Told the staged entries gone through, and may stop the apply: stopping aborts its one
	 * transaction, so nothing of the file is written.
	 */
	watch?: ReadWatch;
}

type Row = SyncRecord & Record<string, unknown>;
type SearchKeysOf = Parameters<typeof withSearchKeys>[0];

class Applier {
	readonly undo: UndoBatch = { created: [], changed: [], deleted: [] };
	readonly customerIds = new Set<string>();
	/** Deals and tickets changed in ways a checklist would have stopped here: flagged. */
	readonly checks = new MergedChanges();
	readonly aside: AsideMerge;
	/** Managers' versions of the lead's pay records, set aside instead of merged. */
	readonly pay: PayScreen;
	/** A backup's settings: only a restore step applies them. */
	readonly settings: SnapshotSetting[] = [];
	created = 0;
	updated = 0;
	deleted = 0;
	conflicts = 0;
	/** The point up to which the sender's own writes arrived before (the merge's `seen`). */
	seen: SeenPoint | undefined;
	/** The greatest stamp of the sender's device among what this file merges. */
	sender = new SenderStamps('');

	constructor(
		readonly ctx: SnapshotContext,
		readonly importId: string,
		readonly searchKeysOf: SearchKeysOf,
		readonly now: number,
		readonly far: FarAheadFilter,
		readonly lastContact: LastContact,
		readonly held: HeldCustomers
	) {
		this.aside = new AsideMerge(ctx);
		this.pay = new PayScreen(ctx, importId, now);
	}

	/** Before the first batch, in the transaction: whose file it is, and what arrived of them. */
	async start(detail: SnapshotImportDetail): Promise<void> {
		this.sender = new SenderStamps(detail.from.deviceId);
		this.seen = await seenFrom(this.ctx, { exportedBy: detail.from, changes: detail.changes });
		await this.pay.start();
	}

	async tombstones(incoming: Tombstone[]): Promise<void> {
		const d = this.ctx.db;
		const tombs = [...incoming, ...(await partsOfErased(d, incoming))];
		const before = await d.tombstones.bulkGet(tombs.map((t) => [t.table, t.id]));
		const puts: Tombstone[] = [];
		for (let i = 0; i < tombs.length; i++) {
			const t = tombs[i]!;
			const prev = before[i];
			const next = mergeTombstone(prev, t);
			if (prev && prev.hlc === next.hlc && prev.by === next.by) continue;
			puts.push(next);
			if (!KNOWN_TABLES.has(t.table)) continue;
			// The delete purges the content: only the tombstone remains. A customer this apply
			// merged is held in memory, and stored only if it was before the apply.
			const held = t.table === 'customers' ? this.held.drop(t.id) : undefined;
			const local = held ? held.row : ((await d.table(t.table).get(t.id)) as Row | undefined);
			if (!local) continue;
			// Keys only: Undo never brings an erased record back, so its content is not kept.
			this.undo.deleted.push({ table: t.table, id: t.id });
			if (!held || held.stored) await d.table(t.table).delete(t.id);
			this.deleted++;
			if (t.table === 'customers') this.customerIds.add(t.id);
			if (t.table === 'interactions') this.lastContact.note(local, undefined);
		}
		if (puts.length > 0) await d.tombstones.bulkPut(puts);
	}

	async records(table: string, incoming: SyncRecord[]): Promise<void> {
		if (!KNOWN_TABLES.has(table)) {
			await this.aside.add(table, incoming);
			return;
		}
		const d = this.ctx.db;
		const erasedParts = await arrivingPartsOfErased(d, table, incoming);
		if (erasedParts.length > 0) await this.tombstones(erasedParts);
		const ids = incoming.map((r) => r.id);
		const [stored, tombs] = await Promise.all([
			storedOf<Row>(d.table(table), ids),
			storedOf<Tombstone>(tombTable(this.ctx), ids, (id) => [table, id])
		]);
		// The customers merged by earlier pages (and files) are held, not stored yet. Looked up
		// before this page merges, as the database is read, so a page is merged as before.
		const customers = table === 'customers';
		const locals = customers ? ids.map((id, i) => this.held.get(id) ?? stored[i]) : stored;
		// New records are added, not put: the layers under Dexie (tallies) then read no stored
		// record before writing them. A record twice in one page is put the second time.
		const adds: Row[] = [];
		const puts: Row[] = [];
		const added = new Set<string>();
		const found: Conflict[] = [];
		const arrived: string[] = [];
		incoming.forEach((r, i) => {
			if (tombs[i]) return; // erased here: an old copy never comes back
			const local = locals[i];
			if (this.pay.setAside(table, local, r as Row)) return;
			const res = mergeRecord(local, r, { table, ...(this.seen ? { seen: this.seen } : {}) });
			// Listed even when the local value won: the teammate's value is what was lost.
			found.push(...res.conflicts);
			if (!res.record || !res.changed) return;
			let next = res.record as Row;
			if (customers) {
				next = withSearchKeys(this.searchKeysOf, next, local ? res.changedFields : 'all');
				if (!local) {
					next = { ...next, lastContactAt: null };
					arrived.push(next.id);
				}
				this.customerIds.add(next.id);
				// Written once at the end, with its last contact (HeldCustomers).
				this.held.set(next, stored[i] !== undefined);
			} else {
				if (table === 'interactions') this.lastContact.note(local, next);
				if (local || added.has(next.id)) puts.push(next);
				else {
					adds.push(next);
					added.add(next.id);
				}
			}
			if (local) {
				this.checks.note(table, local, next);
				this.updated++;
				this.undo.changed.push({
					table,
					before: local,
					fields: res.changedFields,
					after: next._meta
				});
			} else {
				this.created++;
				this.undo.created.push({ table, id: next.id, updated: next._meta.updated });
			}
		});
		if (adds.length > 0) await d.table(table).bulkAdd(adds);
		if (puts.length > 0) await d.table(table).bulkPut(puts);
		if (customers) await this.lastContact.arrived(d, arrived);
		if (found.length > 0) await this.listConflicts(found);
	}

	async listConflicts(found: Conflict[]): Promise<void> {
		this.conflicts += found.length;
		const rows: StoredConflict[] = found.map((c) => ({
			id: conflictKey(c),
			table: c.table,
			recordId: c.id,
			field: c.field,
			lostValue: c.lostValue,
			lostHlc: c.lostStamp.hlc,
			wonHlc: c.wonStamp.hlc,
			lostBy: c.lostStamp.by,
			wonBy: c.wonStamp.by,
			importId: this.importId,
			at: this.now
		}));
		await this.ctx.db.conflicts.bulkPut(rows);
	}

	async batch(staged: StagedEntry[]): Promise<void> {
		const tombs: Tombstone[] = [];
		const byTable = new Map<string, SyncRecord[]>();
		for (const s of staged) {
			// A setting is not a stamped record: no clock to check.
			if (s.t === SETTING) {
				this.settings.push(s.r as SnapshotSetting);
				continue;
			}
			const e = this.far.entry(s);
			if (!e) continue;
			this.sender.note(e);
			if (e.t === '_tomb') tombs.push(e.r as Tombstone);
			else {
				const list = byTable.get(e.t);
				if (list) list.push(e.r as SyncRecord);
				else byTable.set(e.t, [e.r as SyncRecord]);
			}
		}
		if (tombs.length > 0) await this.tombstones(tombs);
		for (const [table, records] of byTable) await this.records(table, records);
	}

	takeUndo(): UndoBatch {
		const u = { ...this.undo };
		this.undo.created = [];
		this.undo.changed = [];
		this.undo.deleted = [];
		return u;
	}
}

/**
 * What Restore adds to the apply, inside its transaction: the backup's settings and identity
 * (snapshot-restore.ts). An ordinary import has none, so it merges records only.
 */
export type RestoreStep = (
	settings: readonly SnapshotSetting[],
	detail: SnapshotImportDetail
) => Promise<void>;

/** The stores an apply writes, for its transaction (one file's, or a batch's). */
export function applyTables(d: SnapshotContext['db']) {
	return [
		...[...KNOWN_TABLES].map((t) => d.table(t)),
		d.tombstones,
		d.conflicts,
		d.audit,
		d.imports,
		d.importBatches,
		d.settings,
		d.payAside,
		...flagTables(d)
	];
}

/** Where an import applied as part of a batch stands in it (undone together, in reverse). */
export interface BatchPlace {
	group: string;
	seq: number;
}

/**
 * What the files of a batch share: the customers whose log changed, whose `lastContactAt` the
 * batch writes once after its last file (each record written once per bulk operation), and the
 * count of undone imports, which no file of the batch changes.
 */
export interface BatchShared {
	lastContact: LastContact;
	/** The customers the batch merged, written once after its last file. */
	held: HeldCustomers;
	undosBefore: number;
}

/**
 * One staged import merged, inside a transaction the caller opened: a lone file's, or a batch's
 * that applies each of its files this way, one after the other.
 */
export class StagedApply {
	readonly far: FarAheadFilter;
	readonly a: Applier;

	constructor(
		readonly ctx: SnapshotContext,
		readonly importId: string,
		searchKeysOf: SearchKeysOf,
		readonly now: number,
		readonly opts: ApplyOptions = {},
		readonly shared?: BatchShared
	) {
		this.far = new FarAheadFilter(opts.farAhead ?? 'skip', now, () => ctx.session.clock.tick());
		const lastContact = shared?.lastContact ?? new LastContact();
		const held = shared?.held ?? new HeldCustomers();
		this.a = new Applier(ctx, importId, searchKeysOf, now, this.far, lastContact, held);
	}

	async run(place?: BatchPlace): Promise<void> {
		const { ctx, importId, a, far, now, opts } = this;
		const d = ctx.db;
		const entry = await d.imports.get(importId);
		if (!entry || entry.state !== 'pending') throw new Error('import_not_pending');
		const detail = entry.detail as unknown as SnapshotImportDetail;
		await a.start(detail);
		let done = 0;
		for (let seq = 0; ; seq++) {
			opts.watch?.signal?.throwIfAborted();
			const batch = await d.importBatches.get([importId, seq]);
			if (!batch || batch.kind !== 'stage') break;
			await a.batch(batch.records as StagedEntry[]);
			done += batch.records.length;
			opts.watch?.onRead?.(done);
			const undo = a.takeUndo();
			const empty = Object.values(undo).every((list) => list.length === 0);
			if (empty) await d.importBatches.delete([importId, seq]);
			else await d.importBatches.put({ importId, seq, kind: 'undo', table: '', records: [undo] });
		}
		await a.aside.write();
		await a.pay.write(d);
		await a.checks.write(d, importId, now);
		if (!this.shared) for (const id of await a.held.write(d, a.lastContact)) a.customerIds.add(id);
		if (opts.restore) await opts.restore(a.settings, detail);
		// The file's run of its sender's changes is held from now on (Undo takes it back).
		if (detail.changes && detail.from.deviceId !== ctx.session.deviceId)
			await noteReceived(
				d,
				detail.from,
				receivedFile(importId, detail.changes, detail.exportedAt, a.sender.greatest)
			);
		const counts = {
			created: a.created,
			updated: a.updated,
			deleted: a.deleted,
			conflicts: a.conflicts,
			skipped: far.skipped,
			restamped: far.restamped,
			undosBefore: this.shared?.undosBefore ?? undoneCount(await listSnapshotImportsWith(ctx))
		};
		// The audit entry is the import's record from now on (history, undo, "already imported").
		await d.imports.delete(importId);
		await d.audit.add({
			id: newId(),
			at: now,
			action: 'snapshot_import',
			detail: { importId, ...detail, ...counts, ...(place ? { batch: place } : {}) }
		});
	}

	/** After the commit: the clock, the staging's lock, the lists that show customers. */
	done(): ApplyResult {
		const { a, far, ctx, importId } = this;
		// Past every stamp merged: the next local edit orders after what was just merged.
		if (far.greatest) ctx.session.clock.observe(far.greatest);
		pendingLocks.get(importId)?.();
		pendingLocks.delete(importId);
		customersChanged(a.customerIds.size > 5_000 ? 'all' : [...a.customerIds]);
		return {
			importId,
			created: a.created,
			updated: a.updated,
			deleted: a.deleted,
			conflicts: a.conflicts,
			skipped: far.skipped,
			restamped: far.restamped
		};
	}
}

export async function applySnapshotWith(
	ctx: SnapshotContext,
	importId: string,
	opts: ApplyOptions = {}
): Promise<ApplyResult> {
	const now = opts.now ?? Date.now();
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const d = ctx.db;
	const one = new StagedApply(ctx, importId, searchKeysOf, now, opts);
	const applied = guarded(() =>
		d.transaction('rw', applyTables(d), async () => {
			// An async function: Dexie follows its native awaits only then.
			await withSummedTallies(() => one.run());
		})
	);
	try {
		await applied;
	} catch (e) {
		// Nothing was written (one transaction); the staging goes too, as for a file the preview
		// refused, so a refused import leaves nothing behind. The first error is the one to show.
		await cancelSnapshotImportWith(ctx, importId).catch(() => undefined);
		throw e;
	}
	return one.done();
}

export async function applySnapshot(
	importId: string,
	opts: ApplyOptions = {}
): Promise<ApplyResult> {
	return applySnapshotWith(await appContext(), importId, opts);
}

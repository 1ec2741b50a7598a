import type { SyncRecord } from '$lib/sync/merge';
import { derivedFields, OWNED_TABLES, PART_LINKS } from '$lib/sync/tables';
import { recordKey } from '$lib/sync/tombstone';
import {
	combineChanges,
	editedSince,
	keptCreated,
	latestHlc,
	restoreOf,
	type ChangedByImport,
	type CreatedByImport,
	type KeptReason,
	type Link
} from '$lib/sync/undo';
import type { RapportDB } from '../schema';

/**
 * What Undo of an import (CSV or snapshot) will do, read in the caller's transaction and decided
 * by the shared rule of $lib/sync/undo: the records to take away, the fields to give back, and
 * what is kept because it changed since. Both undos show it before they write and then carry out
 * exactly it, each in its own way (a CSV import's records go to the trash, a snapshot's leave).
 */
export type Row = SyncRecord & Record<string, unknown>;

/** A record Undo leaves as it is now, with what a person knows it by. */
export interface KeptRecord {
	table: string;
	id: string;
	reason: KeptReason;
	/** Its name, title or summary. */
	label: string;
	/** The name of its customer, for a record of a customer (null: none, or gone). */
	customer: string | null;
}

export interface UndoPlan {
	/** Created by the import, nothing written or linked since: they leave. */
	remove: { table: string; record: Row }[];
	/** Changed by the import: the fields that get their earlier values back. */
	restore: { table: string; record: Row; patch: Record<string, unknown> }[];
	kept: { table: string; record: Row; reason: KeptReason }[];
}

/** What Undo will do (before) or did (after), in numbers and the first of the kept records. */
export interface UndoSummary {
	/** Records that get earlier values back. */
	restored: number;
	/** Records the import created that go to the trash (CSV) or leave again (snapshot). */
	removed: number;
	/** Records a teammate's erasure deleted: they stay erased. */
	erased: number;
	/** Records left as they are now because they changed since; the first KEPT_LISTED of them. */
	keptCount: number;
	kept: KeptRecord[];
}

/** Enough to recognise what was kept; the count says how many more there are. */
export const KEPT_LISTED = 50;

/**
 * Who refers to whom, from the registry of synced tables: the referring table, its field, the
 * table it points to, and whether the referring record is a part of the other (a customer's
 * contact, log, deals …) or only names it (an owner). Every field here is indexed
 * (db/synced-tables.test.ts), so a lookup reads index keys only.
 */
const REFERENCES: readonly (readonly [string, string, string, boolean])[] = [
	...PART_LINKS.map((l) => [l.table, l.field, l.parent, true] as const),
	...OWNED_TABLES.map((o) => [o.table, o.field, 'members', false] as const)
];

/** Every reference to the given records from any record stored now. */
async function linksTo(d: RapportDB, present: Map<string, Row[]>): Promise<Link[]> {
	const links: Link[] = [];
	for (const [from, field, to, part] of REFERENCES) {
		const ids = present.get(to)?.map((r) => r.id);
		if (!ids?.length) continue;
		await d
			.table(from)
			.where(field)
			.anyOf(ids)
			.eachKey((key, cursor) =>
				links.push({
					from: recordKey(from, String(cursor.primaryKey)),
					to: recordKey(to, String(key)),
					part
				})
			);
	}
	// A follow-up task names the interaction it came from; that field has no index, but the task
	// belongs to the interaction's customer.
	const interactions = present.get('interactions') ?? [];
	if (interactions.length > 0) {
		const ids = new Set(interactions.map((i) => i.id));
		const customers = [...new Set(interactions.map((i) => String(i.customerId)))];
		await d.tasks
			.where('customerId')
			.anyOf(customers)
			.each((t) => {
				if (t.fromInteractionId && ids.has(t.fromInteractionId))
					links.push({
						from: recordKey('tasks', t.id),
						to: recordKey('interactions', t.fromInteractionId),
						part: true
					});
			});
	}
	return links;
}

function groupByTable<T extends { table: string }>(list: Iterable<T>): Map<string, T[]> {
	const by = new Map<string, T[]>();
	for (const x of list) {
		const l = by.get(x.table);
		if (l) l.push(x);
		else by.set(x.table, [x]);
	}
	return by;
}

/** The records as stored now, by key (absent ones left out: erased or removed since). */
async function currentOf(
	d: RapportDB,
	wanted: Iterable<{ table: string; id: string }>
): Promise<Map<string, Row>> {
	const out = new Map<string, Row>();
	for (const [table, list] of groupByTable(wanted)) {
		const rows = (await d.table(table).bulkGet(list.map((x) => x.id))) as (Row | undefined)[];
		for (const r of rows) if (r) out.set(recordKey(table, r.id), r);
	}
	return out;
}

/**
 * Plans the undo of the records an import created and the changes it made (changes in the order
 * applied). Runs inside the caller's transaction, which must include every synced table.
 */
export async function planUndo(
	d: RapportDB,
	created: readonly CreatedByImport[],
	changes: readonly ChangedByImport[]
): Promise<UndoPlan> {
	const plan: UndoPlan = { remove: [], restore: [], kept: [] };
	const createdKeys = new Set(created.map((c) => recordKey(c.table, c.id)));
	// The import's own later writes to a record it created (two rows of a file for one customer)
	// are not edits since; what it changed there is taken back with the record.
	const lastWrite = new Map<string, string | null>();
	for (const c of created) lastWrite.set(recordKey(c.table, c.id), c.updated);
	const others: ChangedByImport[] = [];
	for (const ch of changes) {
		const key = recordKey(ch.table, ch.id);
		if (!createdKeys.has(key)) others.push(ch);
		else if (ch.written && lastWrite.get(key) !== null)
			lastWrite.set(key, latestHlc([lastWrite.get(key)!, ...Object.values(ch.written)]));
		else lastWrite.set(key, null);
	}

	const stored = await currentOf(d, created);
	const present = new Map<string, Row[]>();
	const edited = new Set<string>();
	for (const c of created) {
		const key = recordKey(c.table, c.id);
		const r = stored.get(key);
		if (!r) continue;
		const rows = present.get(c.table);
		if (rows) rows.push(r);
		else present.set(c.table, [r]);
		if (editedSince(r._meta, lastWrite.get(key) ?? null)) edited.add(key);
	}
	const kept = keptCreated(new Set(stored.keys()), edited, await linksTo(d, present));
	for (const [table, rows] of present)
		for (const record of rows) {
			const reason = kept.get(recordKey(table, record.id));
			if (reason) plan.kept.push({ table, record, reason });
			else plan.remove.push({ table, record });
		}

	const combined = combineChanges(others);
	const changedNow = await currentOf(d, combined);
	for (const ch of combined) {
		const record = changedNow.get(recordKey(ch.table, ch.id));
		if (!record) continue;
		const derived = derivedFields(ch.table);
		const { patch, reason } = restoreOf(record, ch, derived);
		if (Object.keys(patch).length > 0) plan.restore.push({ table: ch.table, record, patch });
		if (reason) plan.kept.push({ table: ch.table, record, reason });
	}
	return plan;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The first KEPT_LISTED kept records, with their labels and their customers' names. */
async function listKept(d: RapportDB, kept: UndoPlan['kept']): Promise<KeptRecord[]> {
	const first = kept.slice(0, KEPT_LISTED);
	const customerIds = [...new Set(first.map((k) => text(k.record.customerId)).filter(Boolean))];
	const customers = await d.customers.bulkGet(customerIds);
	const names = new Map(customers.filter((c) => c !== undefined).map((c) => [c.id, c.name]));
	return first.map(({ table, record, reason }) => ({
		table,
		id: record.id,
		reason,
		label: text(record.name) || text(record.title) || text(record.summary),
		customer: names.get(text(record.customerId)) ?? null
	}));
}

/**
 * The summary of a plan. `erased`: records a teammate's erasure deleted, which stay so;
 * `counted`: which removed records count (a CSV import counts rows of its file).
 */
export async function summarize(
	d: RapportDB,
	plan: UndoPlan,
	erased = 0,
	counted: (table: string) => boolean = () => true
): Promise<UndoSummary> {
	return {
		restored: plan.restore.length,
		removed: plan.remove.filter((r) => counted(r.table)).length,
		erased,
		keptCount: plan.kept.length,
		kept: await listKept(d, plan.kept)
	};
}

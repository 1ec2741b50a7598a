import { CUSTOMER_PARTS, type CustomerPart } from '$lib/domain/customer/parts';
import type { Table } from 'dexie';
import type { Customer } from '$lib/domain/customer/customer';
import { planMerge, type MergeChoices } from '$lib/domain/customer/merge-plan';
import { lastContactOf } from '$lib/domain/interaction/derive';
import { editRecord, sameValue } from '$lib/sync/edit';
import type { Stamp, Synced } from '$lib/sync/stamp';
import { derivedFields } from '$lib/sync/tables';
import { customersChanged } from '../changes';
import { db } from '../db';
import { newId } from '../ids';
import type { AuditEntry, RapportDB } from '../schema';
import { stamper } from '../session';
import { guarded } from '../write';

/**
 * Merging customers that are one and the same, in ONE transaction: the survivor takes the chosen
 * values; every record linked to the others moves to the survivor; the others go to the trash
 * (restorable, like any delete). Each of these is an ordinary stamped edit, so a merge travels in
 * snapshots and merges with teammates' edits like anything else.
 *
 * What Undo needs is kept in the existing audit table (action 'customer_merge'): no schema change.
 */

export const MERGE_ACTION = 'customer_merge';

interface MergeDetail {
	survivorId: string;
	otherIds: string[];
	/** Names at merge time, for the list of recent merges. */
	survivorName: string;
	otherNames: string[];
	/** The survivor's values before and after, only for the fields the merge changed. */
	before: Record<string, unknown>;
	after: Record<string, unknown>;
	/** Every linked record moved to the survivor, with the customer it came from. */
	moved: { table: CustomerPart; id: string; from: string }[];
	undoneAt: number | null;
}

export interface MergeSummary {
	id: string;
	at: number;
	survivorId: string;
	survivorName: string;
	otherNames: string[];
	moved: number;
	undone: boolean;
}

/** A merge that cannot be done or undone, as a code the UI translates. */
export class MergeRefused extends Error {
	constructor(readonly code: string) {
		super(code);
		this.name = 'MergeRefused';
	}
}

const searchKeys = () => import('$lib/domain/customer/search-keys');

const linkedTables = (d: RapportDB): Table[] => CUSTOMER_PARTS.map((t) => d.table(t));

/** "Last contacted" of a customer from the interactions it holds now (derived, never stamped). */
async function lastContact(d: RapportDB, customerId: string): Promise<number | null> {
	const list = await d.interactions.where('customerId').equals(customerId).toArray();
	return lastContactOf(list);
}

/**
 * Merges `otherIds` into `survivorId`, keeping per field the value of the record named in
 * `choices` (see planMerge; list fields default to the union). Returns the merge id for Undo.
 */
export async function mergeCustomers(
	survivorId: string,
	otherIds: string[],
	choices: MergeChoices = {}
): Promise<string> {
	const { searchKeysOf } = await searchKeys();
	// Stamps are drawn synchronously inside the transaction (awaiting anything else commits it).
	const stamp = await stamper();
	const d = db();
	const mergeId = newId();
	await guarded(() =>
		d.transaction('rw', [d.customers, d.audit, ...linkedTables(d)], async () => {
			if (otherIds.length === 0) throw new MergeRefused('merge_needs_two');
			const ids = [survivorId, ...otherIds];
			const found = await d.customers.bulkGet(ids);
			const records: Customer[] = [];
			for (const c of found) {
				if (!c || c.trashedAt !== null) throw new MergeRefused('merge_customer_gone');
				records.push(c);
			}
			const plan = planMerge(records, survivorId, choices);
			if (!plan.ok) throw new MergeRefused(plan.code);
			// Not re-validated: every value comes from a stored record, validated when it was written
			// (re-parsing would refuse a stored "+86…;ext=12", which the phone parser does not read).
			const value = plan.draft;
			const survivor = records[0]!;
			const others = records.slice(1);

			const moved: MergeDetail['moved'] = [];
			for (const name of CUSTOMER_PARTS) {
				const table = d.table(name) as Table<Synced & { customerId: string | null }>;
				const list = await table.where('customerId').anyOf(otherIds).toArray();
				const next = list.map((r) => {
					moved.push({ table: name, id: r.id, from: r.customerId ?? '' });
					return editRecord(r, { customerId: survivorId }, stamp()).next;
				});
				if (next.length) await table.bulkPut(next);
			}

			const lastContactAt = await lastContact(d, survivorId);
			const { next, changed } = editRecord(
				survivor,
				{ ...value, lastContactAt, searchKeys: searchKeysOf(value) },
				stamp(),
				derivedFields('customers')
			);
			const derived = derivedFields('customers');
			const before: Record<string, unknown> = {};
			const after: Record<string, unknown> = {};
			for (const f of changed) {
				if (derived.includes(f)) continue;
				before[f] = (survivor as unknown as Record<string, unknown>)[f];
				after[f] = (next as unknown as Record<string, unknown>)[f];
			}
			if (changed.length) await d.customers.put(next);

			const now = Date.now();
			for (const o of others) {
				const edit = editRecord(
					o,
					{ trashedAt: now, lastContactAt: null },
					stamp(),
					derivedFields('customers')
				);
				await d.customers.put(edit.next);
			}

			const detail: MergeDetail = {
				survivorId,
				otherIds,
				survivorName: next.name,
				otherNames: others.map((o) => o.name),
				before,
				after,
				moved,
				undoneAt: null
			};
			await d.audit.add({ id: mergeId, at: now, action: MERGE_ACTION, detail: { ...detail } });
		})
	);
	customersChanged([survivorId, ...otherIds]);
	return mergeId;
}

/**
 * Undoes a merge in one transaction: the others come back from the trash, every record the merge
 * moved goes back to the customer it came from, and the survivor gets its previous values back
 * (as new stamped edits, so the undo merges like any edit). A field edited since the merge keeps
 * the newer value; records linked to the survivor after the merge stay with it. Refused once any
 * of the customers is gone for good (purged or erased): moving records to it would orphan them.
 */
export async function undoMerge(mergeId: string): Promise<void> {
	const { searchKeysOf } = await searchKeys();
	const stamp = await stamper();
	const d = db();
	let changedIds: string[] = [];
	await guarded(() =>
		d.transaction('rw', [d.customers, d.audit, ...linkedTables(d)], async () => {
			const entry = await d.audit.get(mergeId);
			if (!entry || entry.action !== MERGE_ACTION) throw new MergeRefused('merge_not_found');
			const detail = entry.detail as unknown as MergeDetail;
			if (detail.undoneAt !== null) throw new MergeRefused('merge_already_undone');
			const ids = [detail.survivorId, ...detail.otherIds];
			const found = await d.customers.bulkGet(ids);
			if (found.some((c) => !c)) throw new MergeRefused('undo_customer_gone');
			const [survivor, ...others] = found as Customer[];

			for (const { table, id, from } of detail.moved) {
				const t = d.table(table) as Table<Synced & { customerId: string | null }>;
				const r = await t.get(id);
				// Moved again since (to another customer): that later choice stands.
				if (!r || r.customerId !== detail.survivorId) continue;
				await t.put(editRecord(r, { customerId: from }, stamp()).next);
			}

			const patch: Record<string, unknown> = {};
			const current = survivor as unknown as Record<string, unknown>;
			for (const [f, value] of Object.entries(detail.before))
				if (sameValue(current[f], detail.after[f])) patch[f] = value;
			await putCustomer(d, survivor!, patch, stamp(), searchKeysOf);
			for (const o of others) await putCustomer(d, o, { trashedAt: null }, stamp(), searchKeysOf);

			const undone: AuditEntry = { ...entry, detail: { ...entry.detail, undoneAt: Date.now() } };
			await d.audit.put(undone);
			changedIds = ids;
		})
	);
	customersChanged(changedIds);
}

/** Writes a stamped customer edit with its derived fields recomputed from what it holds now. */
async function putCustomer(
	d: RapportDB,
	c: Customer,
	patch: Record<string, unknown>,
	s: Stamp,
	searchKeysOf: (c: Customer) => string
): Promise<void> {
	const merged = { ...c, ...patch } as Customer;
	const { next, changed } = editRecord(
		c,
		{
			...patch,
			searchKeys: searchKeysOf(merged),
			lastContactAt: await lastContact(d, c.id)
		},
		s,
		derivedFields('customers')
	);
	if (changed.length) await d.customers.put(next);
}

/**
 * Customers merged into any of `ids` (and into those, and so on) whose merge stands and who are
 * still in the trash: copies of the same person, which erasing them must reach. One restored from
 * the trash by hand is a customer of its own again.
 */
export async function mergedDuplicatesOf(d: RapportDB, ids: readonly string[]): Promise<string[]> {
	const merges = (await d.audit.filter((e) => e.action === MERGE_ACTION).toArray())
		.map((e) => e.detail as unknown as MergeDetail)
		.filter((m) => m.undoneAt === null);
	const seen = new Set(ids);
	const found: string[] = [];
	for (let grew = true; grew;) {
		grew = false;
		for (const m of merges) {
			if (!seen.has(m.survivorId)) continue;
			for (const o of m.otherIds) {
				if (seen.has(o)) continue;
				seen.add(o);
				found.push(o);
				grew = true;
			}
		}
	}
	const rows = await d.customers.bulkGet(found);
	return found.filter((_, i) => {
		const c = rows[i];
		return c !== undefined && c.trashedAt !== null;
	});
}

/** Recent merges, newest first, for the Undo list. */
export async function listMerges(limit = 20): Promise<MergeSummary[]> {
	const recent = await db()
		.audit.orderBy('at')
		.reverse()
		.filter((e) => e.action === MERGE_ACTION);
	const list = await recent.limit(limit).toArray();
	return list.map((e) => {
		const m = e.detail as unknown as MergeDetail;
		return {
			id: e.id,
			at: e.at,
			survivorId: m.survivorId,
			survivorName: m.survivorName,
			otherNames: m.otherNames,
			moved: m.moved.length,
			undone: m.undoneAt !== null
		};
	});
}

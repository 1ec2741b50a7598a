import {
	customerIdOf,
	TRASH_KINDS,
	type TrashKind,
	type TrashRecord
} from '$lib/domain/trash/kinds';
import {
	customerStateOf,
	restoreVerdict,
	type CustomerState,
	type RestoreRefusal
} from '$lib/domain/trash/restore';
import { customersChanged } from '../changes';
import { db } from '../db';
import type { RapportDB } from '../schema';
import { stamper } from '../session';
import { guarded } from '../write';
import { StampedWrites } from './stamped-writes';
import { trashedOf } from './trashed';
import type { Row } from './undo-plan';

/**
 * The trash: every kind of trashed record (domain/trash/kinds.ts), with what a person knows
 * each by, and their restore. Restoring is a stamped edit of `trashedAt` back to null, so it
 * merges to teammates like any edit; a record whose customer is still in the trash comes back
 * with it, and one whose customer is gone stays, with the reason (domain/trash/restore.ts).
 * Deleting for good is purge.ts's.
 */

/** A trashed record's customer: its name while it is stored, and where it is. */
export interface TrashCustomer {
	id: string;
	name: string | null;
	state: CustomerState;
}

export type TrashEntry = TrashRecord & {
	/** Null for a record that belongs to no customer (a customer, a goal, a task of none). */
	customer: TrashCustomer | null;
	/** The name of the member who owns it (a goal's manager), when known. */
	ownerName: string | null;
};

export interface TrashGroup {
	kind: TrashKind;
	/** Newest trashed first. */
	entries: TrashEntry[];
}

interface StoredCustomer {
	record: Row | undefined;
	state: CustomerState;
}

/** Customers as stored (for a stamped edit), with where each is. */
async function storedCustomers(d: RapportDB, ids: string[]): Promise<Map<string, StoredCustomer>> {
	const [stored, tombs] = await Promise.all([
		d.table<Row, string>('customers').bulkGet(ids),
		d.tombstones.bulkGet(ids.map((id) => ['customers', id]))
	]);
	return new Map(
		ids.map((id, i) => {
			const c = stored[i];
			const trashedAt = typeof c?.trashedAt === 'number' ? c.trashedAt : null;
			return [id, { record: c, state: customerStateOf(c && { trashedAt }, !!tombs[i]) }];
		})
	);
}

const customerOf = (id: string, c: StoredCustomer): TrashCustomer => ({
	id,
	name: typeof c.record?.name === 'string' ? c.record.name : null,
	state: c.state
});

const ownerIdOf = (record: object): string | null => {
	const id = (record as { ownerId?: unknown }).ownerId;
	return typeof id === 'string' ? id : null;
};

/** Every trashed record, grouped by kind in TRASH_KINDS order; kinds with none are left out. */
export async function listTrashed(): Promise<TrashGroup[]> {
	const d = db();
	const found = await Promise.all(
		TRASH_KINDS.map(async (kind) =>
			(await trashedOf(d, kind)).map((record) => ({ kind, record }) as TrashRecord)
		)
	);
	const customerIds = new Set<string>();
	for (const list of found)
		for (const { kind, record } of list) {
			const id = customerIdOf(kind, record);
			if (id) customerIds.add(id);
		}
	const [customers, members] = await Promise.all([
		storedCustomers(d, [...customerIds]),
		d.members.toArray()
	]);
	const names = new Map(members.map((m) => [m.id, m.name]));
	return found
		.filter((list) => list.length > 0)
		.map((list) => ({
			kind: list[0]!.kind,
			entries: list
				.map((r): TrashEntry => {
					const cid = customerIdOf(r.kind, r.record);
					const owner = ownerIdOf(r.record);
					return {
						...r,
						customer: cid ? customerOf(cid, customers.get(cid)!) : null,
						ownerName: owner ? (names.get(owner) ?? null) : null
					};
				})
				.sort((a, b) => (b.record.trashedAt ?? 0) - (a.record.trashedAt ?? 0))
		}));
}

export interface RestoreResult {
	/** Records back from the trash (one already restored elsewhere counts: it is back). */
	restored: number;
	/** The names of the customers that came back with their records. */
	withCustomers: string[];
	/** The records that stay in the trash, and why. */
	refused: { id: string; code: RestoreRefusal }[];
}

/**
 * Restores records of one kind in one transaction, each by the rule of domain/trash/restore.ts.
 * A refused record is left as it is; the others are restored all the same.
 */
export async function restoreTrashed(
	kind: TrashKind,
	ids: readonly string[]
): Promise<RestoreResult> {
	const { searchKeysOf } = await import('$lib/domain/customer/search-keys');
	const stamp = await stamper();
	const d = db();
	const table = d.table<Row, string>(kind);
	const tables = [...new Set([table, d.customers, d.interactions, d.tombstones])];
	let changed = new Set<string>();
	const result = await guarded(() =>
		d.transaction('rw', tables, async () => {
			const records = await table.bulkGet([...ids]);
			const customerIds = new Set<string>();
			for (const r of records) {
				const id = r ? customerIdOf(kind, r) : null;
				if (id) customerIds.add(id);
			}
			const stored = await storedCustomers(d, [...customerIds]);
			const w = new StampedWrites(d, stamp, searchKeysOf);
			const out: RestoreResult = { restored: 0, withCustomers: [], refused: [] };
			const revived = new Set<string>();
			records.forEach((r, i) => {
				const cid = r ? customerIdOf(kind, r) : null;
				const v = restoreVerdict(r !== undefined, cid ? stored.get(cid)!.state : null);
				if (!v.ok || !r) {
					out.refused.push({ id: ids[i]!, code: v.ok ? 'gone' : v.code });
					return;
				}
				const customer = cid ? stored.get(cid)!.record : undefined;
				if (v.withCustomer && customer && !revived.has(customer.id)) {
					revived.add(customer.id);
					w.edit('customers', customer, { trashedAt: null });
					out.withCustomers.push(String(customer.name));
				}
				w.edit(kind, r, { trashedAt: null });
				out.restored++;
			});
			changed = await w.finish();
			return out;
		})
	);
	customersChanged([...changed]);
	return result;
}

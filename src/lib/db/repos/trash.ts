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
import { seesPrivateOf } from '$lib/domain/team/access';
import { inTrash } from '$lib/domain/trash/keyed';
import { privateMemberOf } from '$lib/sync/confidential';
import { specOf } from '$lib/sync/tables';
import { customersChanged } from '../changes';
import { db } from '../db';
import type { RapportDB } from '../schema';
import { getSession, stamper } from '../session';
import { guarded } from '../write';
import { namedCourses, purgeTrashed } from './purge';
import { StampedWrites } from './stamped-writes';
import { myTeamScope } from './team-access';
import { trashedOf } from './trashed';
import type { Row } from './undo-plan';

/**
 * The trash: every kind of trashed record (domain/trash/kinds.ts), with what a person knows
 * each by, and their restore. Restoring is a stamped edit of `trashedAt` back to null, so it
 * merges to teammates like any edit; a record whose customer is still in the trash comes back
 * with it, and one whose customer is gone stays, with the reason (domain/trash/restore.ts).
 * Deleting for good is purge.ts's. A record private to a member (their goals: the registry's
 * `privateTo`) is in the trash only of those who may see it, as team-access.ts says.
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
	/** The name of the member whose record it is (a goal's manager, a plan's author), when known. */
	ownerName: string | null;
	/** A training record's course, by title, when that is stored (null for other kinds). */
	courseTitle: string | null;
	/**
	 * How many stored training records name a course: while any does, it stays in the trash when
	 * deleted for good (purge.ts). 0 for other kinds.
	 */
	namedBy: number;
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

/** The member a record names as its owner (the registry's `owner` field), read leniently. */
const ownerIdOf = (kind: TrashKind, record: object): string | null => {
	const field = specOf(kind)?.owner;
	const id = field ? (record as Readonly<Record<string, unknown>>)[field] : undefined;
	return typeof id === 'string' ? id : null;
};

/** Whether this device's member may see a record of a kind (theirs, their team's, anyone's). */
type Visible = (kind: TrashKind, record: object) => boolean;

async function visibility(): Promise<Visible> {
	const [session, scope] = await Promise.all([getSession(), myTeamScope()]);
	return (kind, record) => {
		const member = privateMemberOf(kind, record as Readonly<Record<string, unknown>>);
		return member === null || seesPrivateOf(scope, session.member.id, member);
	};
}

/** Every trashed record, grouped by kind in TRASH_KINDS order; kinds with none are left out. */
export async function listTrashed(): Promise<TrashGroup[]> {
	const d = db();
	const [visible, all] = await Promise.all([
		visibility(),
		Promise.all(
			TRASH_KINDS.map(async (kind) =>
				(await trashedOf(d, kind)).map((record) => ({ kind, record }) as TrashRecord)
			)
		)
	]);
	const found = all.map((list) => list.filter((r) => visible(r.kind, r.record)));
	const customerIds = new Set<string>();
	for (const list of found)
		for (const { kind, record } of list) {
			const id = customerIdOf(kind, record);
			if (id) customerIds.add(id);
		}
	const courseIds = found.flatMap((list) =>
		list.flatMap((r) => (r.kind === 'courses' ? [r.record.id] : []))
	);
	const [customers, members, courses, named] = await Promise.all([
		storedCustomers(d, [...customerIds]),
		d.members.toArray(),
		d.courses.toArray(),
		courseIds.length > 0 ? namedCourses(d, courseIds) : new Map<string, number>()
	]);
	const names = new Map(members.map((m) => [m.id, m.name]));
	const titles = new Map(courses.map((c) => [c.id, c.title]));
	return found
		.filter((list) => list.length > 0)
		.map((list) => ({
			kind: list[0]!.kind,
			entries: list
				.map((r): TrashEntry => {
					const cid = customerIdOf(r.kind, r.record);
					const owner = ownerIdOf(r.kind, r.record);
					return {
						...r,
						customer: cid ? customerOf(cid, customers.get(cid)!) : null,
						ownerName: owner ? (names.get(owner) ?? null) : null,
						courseTitle:
							r.kind === 'trainingRecords' ? (titles.get(r.record.courseId) ?? null) : null,
						namedBy: r.kind === 'courses' ? (named.get(r.record.id) ?? 0) : 0
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
	const visible = await visibility();
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
				// An emptied keyed record (purge.ts) was deleted for good: it is gone.
				const v = restoreVerdict(
					r !== undefined && (r.trashedAt === null || inTrash(r.trashedAt)),
					cid ? stored.get(cid)!.state : null,
					r !== undefined && visible(kind, r)
				);
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

/**
 * Deletes for good, from the Trash page, the records of one kind this person sees there (one
 * private to a member they may not see is left as it is); returns the ids deleted.
 */
export async function purgeFromTrash(kind: TrashKind, ids: readonly string[]): Promise<string[]> {
	const [visible, records] = await Promise.all([
		visibility(),
		db()
			.table<Row, string>(kind)
			.bulkGet([...ids])
	]);
	const mine = records.flatMap((r) => (r && visible(kind, r) ? [r.id] : []));
	return mine.length > 0 ? purgeTrashed(kind, mine) : [];
}

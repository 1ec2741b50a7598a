import { CUSTOMER_PARTS } from '$lib/domain/customer/parts';
import type { Customer } from '$lib/domain/customer/customer';
import { withoutChangeNumber } from '$lib/sync/change-number';
import { withoutDerived } from '$lib/sync/merge';
import { customersChanged } from '../changes';
import { newId } from '../ids';
import { guarded } from '../write';
import { appContext, type SnapshotContext } from './snapshot-context';
import { writeAside } from './snapshot-aside';
import { findPerson, type PersonFound, type Subject } from './person-find';

/**
 * A person's data, as personal-information law (PIPL, GDPR) asks: everything stored about one
 * customer, for export, and permanent erasure of a customer, a contact person or a team member.
 * Both use one search of every object store (person-find.ts): the export lists what the erasure
 * removes. Erased records leave tombstones, so no old snapshot brings them back; copies of them
 * (Undo data, conflicts, audit detail, records kept aside) are scrubbed, so that an Undo can no
 * longer restore them.
 */
export interface PersonData {
	customer: Customer;
	contacts: unknown[];
	interactions: unknown[];
	tasks: unknown[];
	deals: unknown[];
	orders: unknown[];
	tickets: unknown[];
	feedback: unknown[];
	/** Duplicates merged into them, still in the trash. */
	mergedDuplicates: unknown[];
	/** Records of kinds a newer app version wrote, kept aside until an update knows them. */
	keptAside: { table: string; record: unknown }[];
	/** What imports keep for Undo about them: copies of their records, records they created. */
	undoData: unknown[];
	/** Values of theirs that lost to a teammate's edit, kept for review. */
	conflicts: unknown[];
	/** Log entries that name them (merges, imports of files that carried them). */
	audit: unknown[];
	/** Anything else stored about them, by store (stores a later version adds included). */
	otherStores: Record<string, unknown[]>;
}

const PARTS: ReadonlySet<string> = new Set(CUSTOMER_PARTS);

/** Why an erasure was refused, as a code the UI translates. */
export class EraseRefused extends Error {
	constructor(readonly code: 'erase_self') {
		super(code);
		this.name = 'EraseRefused';
	}
}

/** A found person as their export: records by kind, then everything else by store. */
function exportOf(customerId: string, found: PersonFound): PersonData | null {
	const customer = found.records.find((r) => r.table === 'customers' && r.record.id === customerId);
	if (!customer) return null;
	const byTable: Record<string, unknown[]> = {};
	for (const { table, record } of found.records) {
		if (record === customer.record) continue;
		const key = table === 'customers' ? 'mergedDuplicates' : table;
		// Without derived fields (search keys, open-only index keys) nor the local change number,
		// as snapshots carry them.
		(byTable[key] ??= []).push(withoutChangeNumber(withoutDerived(table, record)));
	}
	const stores: Record<string, unknown[]> = {};
	for (const s of found.stores) stores[s.store] = s.found;
	const { importBatches = [], conflicts = [], audit = [], ...otherStores } = stores;
	const rest = Object.fromEntries(
		Object.entries(byTable).filter(([k]) => k !== 'mergedDuplicates' && !PARTS.has(k))
	);
	const of = (k: string) => byTable[k] ?? [];
	return {
		customer: withoutChangeNumber(customer.record) as unknown as Customer,
		contacts: of('contacts'),
		interactions: of('interactions'),
		tasks: of('tasks'),
		deals: of('deals'),
		orders: of('orders'),
		tickets: of('tickets'),
		feedback: of('feedback'),
		mergedDuplicates: of('mergedDuplicates'),
		keptAside: found.aside.flatMap((a) => a.theirs.map((record) => ({ table: a.table, record }))),
		undoData: importBatches,
		conflicts,
		audit,
		otherStores: { ...rest, ...otherStores }
	};
}

export async function collectPersonDataWith(
	ctx: Pick<SnapshotContext, 'db'>,
	customerId: string
): Promise<PersonData | null> {
	const d = ctx.db;
	const found = await d.transaction('r', d.tables, () =>
		findPerson(d, { kind: 'customer', id: customerId })
	);
	return exportOf(customerId, found);
}

export async function collectPersonData(customerId: string): Promise<PersonData | null> {
	const { db } = await appContext();
	return collectPersonDataWith({ db }, customerId);
}

const AUDIT_ACTION: Record<Subject['kind'], string> = {
	customer: 'erase_person',
	contact: 'erase_contact',
	member: 'erase_member'
};

/**
 * Erases a person for good in ONE transaction over every store: their records are deleted with
 * tombstones, every other store loses what it held of them, and the audit log notes that an
 * erasure happened (how many records, never who). Returns the customers removed.
 */
export async function eraseWith(ctx: SnapshotContext, subject: Subject): Promise<string[]> {
	const { db: d, session } = ctx;
	if (subject.kind === 'member' && subject.id === session.member.id)
		throw new EraseRefused('erase_self');
	let customerIds: string[] = [];
	await guarded(() =>
		d.transaction('rw', d.tables, async () => {
			const found = await findPerson(d, subject);
			// Synchronous: awaiting anything but this transaction's requests would commit it.
			const stamp = { hlc: session.clock.tick(), by: session.member.id };
			const tombs = [
				...found.records.map(({ table, record }) => ({ table, id: record.id })),
				...found.aside.flatMap((a) => a.theirs.map((r) => ({ table: a.table, id: r.id })))
			].map((t) => ({ ...t, ...stamp }));
			const byTable = new Map<string, string[]>();
			for (const { table, record } of found.records)
				byTable.set(table, [...(byTable.get(table) ?? []), record.id]);
			for (const [table, ids] of byTable) await d.table(table).bulkDelete(ids);
			for (const a of found.aside) await writeAside({ db: d }, a.table, a.keep);
			for (const s of found.stores) {
				const t = d.table(s.store);
				if (s.deletes.length > 0) await t.bulkDelete(s.deletes);
				// A store without a key path (keys kept outside the values) takes the key with each.
				const outbound = !t.schema.primKey.keyPath;
				for (const p of s.puts) await (outbound ? t.put(p.value, p.key) : t.put(p.value));
			}
			await d.tombstones.bulkPut(tombs);
			await d.audit.add({
				id: newId(),
				at: Date.now(),
				action: AUDIT_ACTION[subject.kind],
				detail: { records: tombs.length }
			});
			customerIds = byTable.get('customers') ?? [];
		})
	);
	customersChanged(customerIds);
	return customerIds;
}

/** Erases a customer and everything about them (duplicates merged into them included). */
export async function erasePerson(customerId: string): Promise<void> {
	await eraseWith(await appContext(), { kind: 'customer', id: customerId });
}

/** Erases a contact person of a company customer; the customer stays. */
export async function eraseContact(contactId: string): Promise<void> {
	await eraseWith(await appContext(), { kind: 'contact', id: contactId });
}

/**
 * Erases a team member who left: their profile (name, email) goes; the records they own or wrote
 * keep their member id, shown as an unknown member. One's own profile cannot be erased here.
 */
export async function eraseMember(memberId: string): Promise<void> {
	await eraseWith(await appContext(), { kind: 'member', id: memberId });
}

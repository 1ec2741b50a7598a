import type { IndexableType, Table } from 'dexie';
import { PersonTraces, type PersonToErase } from '$lib/domain/privacy/person-traces';
import type { SyncRecord } from '$lib/sync/merge';
import { CUSTOMER_PARTS, identifyingFields, SYNCED_TABLES } from '$lib/sync/tables';
import type { RapportDB } from '../schema';
import { mergedDuplicatesOf } from './customer-merge';
import { isAsideKey, readAside } from './snapshot-aside';

/**
 * Everything stored about one person, in every object store of the database: what their export
 * lists and their erasure removes (the same search, so the two never disagree). Stores are taken
 * from the database itself (`d.tables`), so a store added by a later version is searched too: a
 * row that is a record of theirs (or refers to one) goes, any other row loses the values that
 * name them (see PersonTraces), unless the store is named below.
 * Runs inside the caller's transaction over every table.
 */

/** Who is erased: a customer (with everything of theirs), a contact person, a team member. */
export type Subject =
	| { kind: 'customer'; id: string }
	| { kind: 'contact'; id: string }
	| { kind: 'member'; id: string };

type Row = SyncRecord & Record<string, unknown>;

/** A synced record of the person: removed with a tombstone. */
export interface TheirRecord {
	table: string;
	record: Row;
}

/** What one store other than the synced tables holds of them, and how to take it out. */
export interface StoreTraces {
	store: string;
	/** For the export: whole rows about them, or the pieces scrubbed out of other rows. */
	found: unknown[];
	deletes: IndexableType[];
	puts: { key: IndexableType; value: unknown }[];
}

export interface PersonFound {
	subject: Subject;
	records: TheirRecord[];
	/** Settings rows of records kept aside: each table's records left after theirs go. */
	aside: { table: string; keep: SyncRecord[]; theirs: SyncRecord[] }[];
	stores: StoreTraces[];
}

/** Stores that hold no one's personal data. */
const NOTHING_PERSONAL = new Set([
	// Only table, id, stamp and author id of deleted records: the point of a tombstone.
	'tombstones',
	// Running sums per owner and day: counts and amounts, no customer.
	'tallies'
]);

/** Stores of log entries: the entry stays (something happened), its detail loses the person. */
const LOGS = new Set(['audit', 'imports']);

/** Stores whose rows are about one value each: a row that holds them at all goes. */
const ENTRIES = new Set([
	// A conflict names a record and a lost value: about them if either is theirs.
	'conflicts'
]);

/** What identifies a person in their records (a customer's, contact's or member's name, phones …). */
function identifyingValues(records: readonly TheirRecord[]): string[] {
	const out: string[] = [];
	for (const { table, record } of records)
		for (const f of identifyingFields(table)) {
			const v = record[f];
			if (typeof v === 'string') out.push(v);
			else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
		}
	return out;
}

/** The person's own records and what identifies them. */
async function whoIs(
	d: RapportDB,
	subject: Subject
): Promise<{ records: TheirRecord[]; person: PersonToErase }> {
	if (subject.kind === 'member') {
		const m = (await d.members.get(subject.id)) as Row | undefined;
		const records = m ? [{ table: 'members', record: m }] : [];
		return {
			records,
			person: { ids: [], keptIds: [subject.id], values: identifyingValues(records) }
		};
	}
	if (subject.kind === 'contact') {
		const c = (await d.contacts.get(subject.id)) as Row | undefined;
		const records = c ? [{ table: 'contacts', record: c }] : [];
		return { records, person: { ids: [subject.id], values: identifyingValues(records) } };
	}
	const customerIds = [subject.id, ...(await mergedDuplicatesOf(d, [subject.id]))];
	const records: TheirRecord[] = [];
	for (const c of await d.customers.bulkGet(customerIds))
		if (c) records.push({ table: 'customers', record: c as unknown as Row });
	for (const table of CUSTOMER_PARTS) {
		const rows = (await d.table(table).where('customerId').anyOf(customerIds).toArray()) as Row[];
		for (const record of rows) records.push({ table, record });
	}
	const identifying = records.filter((r) => r.table === 'customers' || r.table === 'contacts');
	return {
		records,
		person: { ids: records.map((r) => r.record.id), values: identifyingValues(identifying) }
	};
}

/** Rows of one store, searched as entries (or, for logs, their detail scrubbed). */
async function searchStore(t: Table, traces: PersonTraces): Promise<StoreTraces> {
	const out: StoreTraces = { store: t.name, found: [], deletes: [], puts: [] };
	const log = LOGS.has(t.name);
	await t.toCollection().each((row: unknown, cursor) => {
		if (t.name === 'settings' && isAsideKey((row as { key: string }).key)) return;
		if (!traces.mayMention(JSON.stringify(row) ?? '')) return;
		const key = cursor.primaryKey;
		if (log) {
			const entry = row as { detail?: unknown };
			const r = traces.scrub(entry.detail);
			if (!r.changed) return;
			out.found.push(row);
			out.puts.push({ key, value: { ...entry, detail: r.value } });
		} else if (ENTRIES.has(t.name) ? traces.isTheirs(row) : traces.isTheirRow(row)) {
			out.found.push(row);
			out.deletes.push(key);
		} else {
			const r = traces.scrub(row);
			if (!r.changed) return;
			out.found.push(...r.removed);
			out.puts.push({ key, value: r.value });
		}
	});
	return out;
}

export async function findPerson(d: RapportDB, subject: Subject): Promise<PersonFound> {
	const { records, person } = await whoIs(d, subject);
	// Records kept aside (kinds a newer version wrote) that belong to them: theirs like any record.
	const first = new PersonTraces(person);
	const aside: PersonFound['aside'] = [];
	for (const { table, records: kept } of await readAside({ db: d })) {
		const theirs = kept.filter((r) => first.isTheirRecord(r as Row));
		if (theirs.length > 0)
			aside.push({ table, theirs, keep: kept.filter((r) => !theirs.includes(r)) });
	}
	const ids = [...person.ids, ...aside.flatMap((a) => a.theirs.map((r) => r.id))];
	const traces = new PersonTraces({ ...person, ids });
	const synced = new Set<string>(SYNCED_TABLES);
	const stores: StoreTraces[] = [];
	for (const t of d.tables) {
		if (synced.has(t.name) || NOTHING_PERSONAL.has(t.name)) continue;
		const found = await searchStore(t, traces);
		if (found.found.length > 0) stores.push(found);
	}
	return { subject, records, aside, stores };
}

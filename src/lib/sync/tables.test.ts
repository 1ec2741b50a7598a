import { describe, expect, it } from 'vitest';
import {
	CUSTOMER_PARTS,
	derivedFields,
	fieldKinds,
	identifyingFields,
	isSyncedTable,
	OWNED_TABLES,
	PART_LINKS,
	PERSONAL_DATA,
	PERSONAL_FIELDS,
	specOf,
	SYNCED_TABLE_SPECS,
	SYNCED_TABLES,
	type FieldKind
} from './tables';

const entries = () => SYNCED_TABLES.map((table) => [table, specOf(table)!] as const);

describe('the registry of synced tables', () => {
	it('lists its tables in the order of the registry, and knows no other name', () => {
		expect(SYNCED_TABLES).toEqual(Object.keys(SYNCED_TABLE_SPECS));
		expect(SYNCED_TABLES.slice(0, 2)).toEqual(['members', 'customers']);
		for (const name of ['settings', 'tombstones', '__proto__', 'toString', 'constructor', ''])
			expect(isSyncedTable(name), name).toBe(false);
		expect(specOf('hasOwnProperty')).toBeUndefined();
		expect(fieldKinds('__proto__')).toBeUndefined();
		expect(derivedFields('__proto__')).toEqual([]);
		expect(derivedFields('a_table_of_a_newer_version')).toEqual([]);
	});

	it('names only fields of their own table as owner, parent and personal fields', () => {
		const wrong: string[] = [];
		for (const [table, spec] of entries()) {
			const kindOf = (f: string): FieldKind | undefined =>
				Object.hasOwn(spec.fields, f) ? spec.fields[f] : undefined;
			if (spec.owner !== null && kindOf(spec.owner) !== 'id') wrong.push(`${table}.owner`);
			for (const p of spec.parents) {
				if (!isSyncedTable(p.table)) wrong.push(`${table}: parent ${p.table}`);
				const kind = kindOf(p.field);
				if (kind !== 'id' && kind !== 'id?') wrong.push(`${table}.${p.field}`);
			}
			for (const f of Object.keys(spec.personal))
				if (kindOf(f) === undefined) wrong.push(`${table}.${f} (personal)`);
			for (const f of spec.derived)
				if (Object.hasOwn(spec.personal, f)) wrong.push(`${table}.${f} (derived, personal)`);
		}
		expect(wrong).toEqual([]);
	});

	it('gives every personal field a kind a mask keeps (text, lists of text, dates)', () => {
		const maskable: ReadonlySet<FieldKind> = new Set(['string', 'strings', 'date?']);
		const unmaskable = entries().flatMap(([table, spec]) =>
			Object.keys(spec.personal)
				.filter((f) => !maskable.has(spec.fields[f]!))
				.map((f) => `${table}.${f}`)
		);
		expect(unmaskable).toEqual([]);
	});

	it('marks as personal every field named like personal data, in any table', () => {
		// What a later table's fields are held to: contact details, birthdays, ID numbers and free
		// text name or describe people. A field so named and left unmarked would leave an export
		// unmasked and an erasure incomplete.
		const personalName =
			/phone|email|wechat|address|birthday|idNumber|idCard|note|comment|summary/i;
		const unmarked = entries().flatMap(([table, spec]) =>
			Object.keys(spec.fields)
				.filter((f) => personalName.test(f) && spec.personal[f] === undefined)
				.map((f) => `${table}.${f}`)
		);
		expect(unmarked).toEqual([]);
		// The rule is not vacuous: it covers fields the registry has.
		const named = entries().flatMap(([, spec]) =>
			Object.keys(spec.fields).filter((f) => personalName.test(f))
		);
		expect(named.length).toBeGreaterThan(10);
	});

	it('groups the personal fields by kind of data, each listed once', () => {
		expect(Object.keys(PERSONAL_FIELDS)).toEqual([...PERSONAL_DATA]);
		const all = Object.values(PERSONAL_FIELDS).flat();
		expect(new Set(all).size).toBe(all.length);
		for (const kind of PERSONAL_DATA) expect(PERSONAL_FIELDS[kind].length, kind).toBeGreaterThan(0);
		expect(PERSONAL_FIELDS.phones).toEqual([
			'members.phone',
			'customers.phones',
			'contacts.phones'
		]);
		expect(PERSONAL_FIELDS.names).toEqual(['members.name', 'customers.name', 'contacts.name']);
		expect(PERSONAL_FIELDS.summaries).toEqual(['interactions.summary', 'interactions.outcome']);
	});

	it('finds a person by their name and contact details, not by free text', () => {
		expect(identifyingFields('members')).toEqual(['name', 'email', 'phone']);
		expect(identifyingFields('customers')).toEqual(['name', 'phones', 'emails', 'wechat']);
		expect(identifyingFields('contacts')).toEqual(['name', 'phones', 'emails', 'wechat']);
		expect(identifyingFields('interactions')).toEqual([]);
		expect(identifyingFields('__proto__')).toEqual([]);
	});

	it('keeps derived fields out of stamps: the search keys, the last contact, the open keys', () => {
		expect(derivedFields('customers')).toEqual(['searchKeys', 'lastContactAt']);
		expect(derivedFields('tasks')).toEqual(['openDueAt']);
		expect(derivedFields('tickets')).toEqual(['openDeadlineAt']);
		expect(derivedFields('interactions')).toEqual([]);
	});

	it('says what hangs off a customer or a deal, and whose each record is', () => {
		expect(CUSTOMER_PARTS).toEqual(
			expect.arrayContaining([
				'contacts',
				'interactions',
				'tasks',
				'deals',
				'orders',
				'tickets',
				'feedback'
			])
		);
		expect(CUSTOMER_PARTS).not.toContain('customers');
		expect(CUSTOMER_PARTS).not.toContain('members');
		expect(PART_LINKS).toEqual(
			expect.arrayContaining([
				{ table: 'tasks', field: 'dealId', parent: 'deals' },
				{ table: 'orders', field: 'dealId', parent: 'deals' }
			])
		);
		// Grouped by parent, in the order of the registry: a customer's parts before a deal's.
		const parents = PART_LINKS.map((l) => SYNCED_TABLES.indexOf(l.parent));
		expect(parents).toEqual([...parents].sort((a, b) => a - b));
		expect(OWNED_TABLES).toEqual(
			expect.arrayContaining([
				{ table: 'customers', field: 'ownerId' },
				{ table: 'goals', field: 'ownerId' },
				{ table: 'reviews', field: 'memberId' },
				{ table: 'memberFacts', field: 'memberId' }
			])
		);
		// A member owns records; a member's records are not parts of them (an erased member's id
		// stays in what they owned), and contact people have no owner of their own.
		expect(PART_LINKS.some((l) => l.parent === 'members')).toBe(false);
		expect(OWNED_TABLES.map((o) => o.table)).not.toContain('contacts');
		expect(OWNED_TABLES.map((o) => o.table)).not.toContain('members');
	});
});

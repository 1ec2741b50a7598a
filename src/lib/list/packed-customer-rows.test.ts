import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '$lib/domain/customer/customer';
import type { CustomerRow } from '$lib/domain/customer/customer-row';
import { searchKeysOf } from '$lib/domain/customer/search-keys';
import { sortNameFromKeys } from '$lib/domain/customer/text';
import { Interner } from './interner';
import { rowOf, rowsOf } from './packed-customer-rows';

// Texts with the characters a packed page must not trip on: the list separator, NUL, CJK,
// astral characters (two UTF-16 units) and empty strings.
const text = fc.string({
	unit: fc.constantFrom('a', 'Z', '张', '三', '\u0001', '\u0000', '𠮷', ' ', '1', '@')
});
const time = fc.oneof(
	fc.integer({ min: 0, max: 4_102_444_800_000 }),
	fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }),
	fc.double({ noNaN: true, noDefaultInfinity: true })
);

const customer = fc
	.record({
		id: fc.uuid(),
		kind: fc.constantFrom('person', 'company'),
		name: text,
		company: text,
		phones: fc.array(text, { maxLength: 3 }),
		emails: fc.array(text, { maxLength: 3 }),
		wechat: text,
		city: text,
		industry: text,
		tier: fc.constantFrom('', 'A', 'B', 'C'),
		stage: fc.constantFrom('lead', 'customer', 'churned'),
		tags: fc.array(text, { maxLength: 3 }),
		ownerId: text,
		birthday: fc.constantFrom('', '1990-05-17', '2001-12-31'),
		lastContactAt: fc.option(time),
		createdAt: time
	})
	.map(
		(c) => ({ ...c, searchKeys: searchKeysOf(c as unknown as Customer) }) as unknown as Customer
	);

/** A row's values as a plain object (a packed row keeps most of them behind getters). */
function plainRow(r: CustomerRow): CustomerRow {
	const { id, kind, name, company, tier, stage, ownerId, city, industry, tags } = r;
	const { phones, emails, lastContactAt, createdAt, birthday, searchKeys, sortName } = r;
	const values = { id, kind, name, company, tier, stage, ownerId, city, industry, tags };
	return { ...values, phones, emails, lastContactAt, createdAt, birthday, searchKeys, sortName };
}

/** What a row must hold: the customer's values as they are (the list separator aside). */
function expected(c: Customer): CustomerRow {
	// A lone empty value reads back as no value; the separator is dropped from values.
	const listed = (list: string[]) => {
		const values = list.map((v) => v.replaceAll('\u0001', ''));
		return values.length === 1 && values[0] === '' ? [] : values;
	};
	return {
		id: c.id,
		kind: c.kind,
		name: c.name,
		company: c.company,
		tier: c.tier,
		stage: c.stage,
		ownerId: c.ownerId,
		city: c.city,
		industry: c.industry,
		tags: c.tags,
		phones: listed(c.phones),
		emails: listed(c.emails),
		lastContactAt: c.lastContactAt,
		createdAt: c.createdAt,
		birthday: c.birthday,
		searchKeys: c.searchKeys,
		sortName: sortNameFromKeys(c.name, c.searchKeys)
	};
}

describe('rowsOf', () => {
	it('gives back every value of every customer of a page, whatever the texts hold', () => {
		fc.assert(
			fc.property(fc.array(customer, { maxLength: 20 }), (cs) => {
				const rows = rowsOf(cs);
				expect(rows.map(plainRow)).toEqual(cs.map(expected));
			})
		);
	});

	it('gives the same rows one at a time as a page at a time', () => {
		fc.assert(
			fc.property(fc.array(customer, { minLength: 1, maxLength: 5 }), (cs) => {
				expect(cs.map((c) => plainRow(rowOf(c)))).toEqual(rowsOf(cs).map(plainRow));
			})
		);
	});

	it('shares one copy of each tag list and repeated text across rows', () => {
		const interner = new Interner();
		const interning = { text: interner.intern, list: interner.internList };
		const base = { tags: ['VIP', '重点'], city: '上海' };
		const cs = [1, 2, 3].map(
			(i) => ({ ...fc.sample(customer, { seed: i, numRuns: 1 })[0], ...base }) as Customer
		);
		const rows = rowsOf(cs, interning);
		expect(rows[0]?.tags).toEqual(['VIP', '重点']);
		expect(rows[1]?.tags).toBe(rows[0]?.tags);
		expect(rows[2]?.tags).toBe(rows[0]?.tags);
		expect(interner.listCount).toBe(1);
	});

	it('reads "never contacted" back as null', () => {
		const [c] = fc.sample(customer, { seed: 4, numRuns: 1 });
		const row = rowOf({ ...c, lastContactAt: null, phones: ['+8613812345678'] } as Customer);
		expect(row.lastContactAt).toBeNull();
		expect(row.phones).toEqual(['+8613812345678']);
		expect(row.id).toBe(c?.id);
	});
});

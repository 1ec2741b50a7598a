// The registry of synced tables against the records the app makes: every field of a record of
// each domain type must be in its table's entry, with a kind its value fits, or a snapshot reader
// would keep it aside in `_extra` or refuse the record; and the entry lists no field the type
// lacks. (The type checker holds each entry to its domain type too: sync/tables.ts.)
import { describe, expect, it } from 'vitest';
import type { Review } from '../../domain/review/review';
import { createRecord } from '../../sync/edit';
import type { SyncRecord } from '../../sync/merge';
import { fieldKinds, SYNCED_TABLES, type SyncedTable } from '../../sync/tables';
import { demoMembers, generateDemo } from '../../testing/demo-data';
import { generateDayDemo, generateDemoGoals } from '../../testing/demo-day';
import { rhythmSamples } from '../../testing/rhythm-samples';
import { fitsKind } from './field-kinds';
import { restoreRecord } from './restore';
import { stamp } from './test-util';

const NOW = Date.UTC(2026, 2, 14, 9);
const byMember = () => stamp(NOW, 'dev1');

/** Records of every synced table, as the app's generator makes them (with every field set). */
function samples(): Record<SyncedTable, SyncRecord[]> {
	const opts = { seed: 7, now: NOW, stamp: byMember, demo: true };
	const members = demoMembers(opts);
	const batches = [
		...generateDemo({ ...opts, customers: 60, interactionsPerCustomer: 4 }, members)
	];
	const customers = batches.flatMap((b) => b.customers);
	const day = generateDayDemo(customers, { ...opts, tzOffsetMin: 480 });
	// The generator writes no reviews: one written as the review form does.
	const review = createRecord<Review>(
		'r1',
		{
			memberId: members[0]!.id,
			periodStart: '2026-03-01',
			periodKind: 'month',
			score: 4,
			notes: '跟进及时',
			reviewerId: members[1]!.id,
			at: NOW,
			trashedAt: null,
			demo: true
		},
		byMember()
	);
	return {
		members,
		customers,
		contacts: batches.flatMap((b) => b.contacts),
		interactions: batches.flatMap((b) => b.interactions),
		tasks: batches.flatMap((b) => b.tasks),
		deals: day.deals,
		orders: day.orders,
		tickets: day.tickets,
		feedback: day.feedback,
		goals: generateDemoGoals(members, { ...opts, tzOffsetMin: 480 }),
		reviews: [review],
		...rhythmSamples(members[0]!.id, day.deals[0]!.id, byMember, NOW)
	};
}

const dataFields = (r: object) => Object.keys(r).filter((k) => k !== 'id' && k !== '_meta');

describe('the registry of synced tables and the records the app makes', () => {
	const all = samples();

	it('has records of every table to check', () => {
		for (const table of SYNCED_TABLES) expect(all[table].length, table).toBeGreaterThan(0);
	});

	it('lists every field of each record, with a kind its value fits', () => {
		const wrong: string[] = [];
		for (const table of SYNCED_TABLES) {
			const kinds = fieldKinds(table)!;
			for (const r of all[table])
				for (const [f, v] of Object.entries(r)) {
					if (f === 'id' || f === '_meta') continue;
					if (!Object.hasOwn(kinds, f)) wrong.push(`${table}.${f}: not listed`);
					else if (!fitsKind(kinds[f]!, v)) wrong.push(`${table}.${f}: ${JSON.stringify(v)}`);
				}
		}
		expect([...new Set(wrong)]).toEqual([]);
	});

	it('lists no field the records lack', () => {
		for (const table of SYNCED_TABLES) {
			const seen = new Set(all[table].flatMap(dataFields));
			expect(Object.keys(fieldKinds(table)!).sort(), table).toEqual([...seen].sort());
		}
	});

	it('so a snapshot reader keeps each record whole, nothing set aside', () => {
		for (const table of SYNCED_TABLES)
			for (const r of all[table].slice(0, 20)) {
				const read = restoreRecord(table, JSON.parse(JSON.stringify(r)));
				expect(read, `${table} ${r.id}`).toMatchObject({ ok: true, known: true });
				expect(read.ok && read.record._extra, table).toBeUndefined();
			}
	});

	it('would set aside a field the registry does not list, and refuse a value of the wrong kind', () => {
		const [c] = all.customers;
		const unlisted = restoreRecord('customers', { ...c, nickname: '老张' });
		expect(unlisted.ok && unlisted.record._extra).toEqual({ nickname: '老张' });
		expect(restoreRecord('customers', { ...c, phones: '+8613800138000' })).toMatchObject({
			ok: false,
			reason: 'phones'
		});
	});
});

describe('a structure written as one value (json)', () => {
	it('takes plain data, shallow and small', () => {
		expect(fitsKind('json', { visits: 1, list: [{ id: 'a', on: true, note: null }] })).toBe(true);
		expect(fitsKind('json', [])).toBe(true);
	});

	it('refuses what is not an object or array, too deep, too large, or not plain', () => {
		for (const v of [null, 'text', 3, true])
			expect(fitsKind('json', v), JSON.stringify(v)).toBe(false);
		expect(fitsKind('json', { a: { b: { c: { d: { e: 1 } } } } })).toBe(false);
		expect(fitsKind('json', { text: 'x'.repeat(100_001) })).toBe(false);
		expect(fitsKind('json', { at: new Date(0) })).toBe(false);
		expect(fitsKind('json', { n: Number.NaN })).toBe(false);
	});
});

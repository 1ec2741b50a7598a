import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/dates';
import {
	historiesByMember,
	timelineOf,
	timelineValueAt,
	validateDated,
	valueAt,
	type DatedEntry
} from './dated';
import { zonedIsoDate, zonedIsoDateStart } from './zone';

const RUNS = 1000;

function rec(
	id: string,
	value: string,
	from: string,
	p: Partial<DatedEntry<string>> = {}
): DatedEntry<string> {
	return { id, memberId: 'm1', value, from, ...p };
}

describe('valueAt', () => {
	const history = [
		rec('b', 'senior', '2025-04-01'),
		rec('a', 'junior', '2025-01-01'),
		rec('c', 'lead', '2025-07-01')
	];
	it('is the value of the latest record on or before the date', () => {
		expect(valueAt(history, '2024-12-31')).toBeUndefined();
		expect(valueAt(history, '2025-01-01')).toBe('junior');
		expect(valueAt(history, '2025-03-31')).toBe('junior');
		expect(valueAt(history, '2025-04-01')).toBe('senior');
		expect(valueAt(history, '2030-01-01')).toBe('lead');
		expect(valueAt([], '2025-01-01')).toBeUndefined();
	});
	it('breaks a tie on one date by write stamp, then id', () => {
		const stamped = [
			rec('z', 'first', '2025-01-01', { _meta: { updated: '000000000000001:0000:d1' } }),
			rec('a', 'second', '2025-01-01', { _meta: { updated: '000000000000002:0000:d2' } })
		];
		expect(valueAt(stamped, '2025-01-01')).toBe('second');
		expect(valueAt([...stamped].reverse(), '2025-01-01')).toBe('second');
		const unstamped = [rec('b', 'b wins', '2025-01-01'), rec('a', 'a', '2025-01-01')];
		expect(valueAt(unstamped, '2025-02-01')).toBe('b wins');
		expect(valueAt([...unstamped].reverse(), '2025-02-01')).toBe('b wins');
	});
	it('leaves out trashed records and malformed dates', () => {
		const h = [
			rec('a', 'kept', '2025-01-01'),
			rec('b', 'trashed', '2025-02-01', { trashedAt: 1 }),
			rec('c', 'bad date', '2025-2-01')
		];
		expect(valueAt(h, '2025-03-01')).toBe('kept');
	});
	it('a null value is a value (reports to nobody)', () => {
		const h: DatedEntry<string | null>[] = [
			{ id: 'a', memberId: 'm', value: 'boss', from: '2025-01-01' },
			{ id: 'b', memberId: 'm', value: null, from: '2025-02-01' }
		];
		expect(valueAt(h, '2025-02-15')).toBeNull();
	});
});

describe('validateDated', () => {
	it('names a missing member and a malformed date', () => {
		expect(validateDated({ memberId: 'm', from: '2025-01-01' })).toEqual([]);
		expect(validateDated({ memberId: '', from: '2025-02-30' })).toEqual([
			{ field: 'memberId', code: 'member_required' },
			{ field: 'from', code: 'from_invalid' }
		]);
	});
});

describe('historiesByMember and timelines', () => {
	it('groups live records per member in order of force', () => {
		const by = historiesByMember([
			rec('b', 'x', '2025-02-01'),
			{ ...rec('a', 'y', '2025-01-01'), memberId: 'm2' },
			rec('c', 'z', '2025-01-01'),
			rec('d', 'gone', '2025-03-01', { trashedAt: 5 })
		]);
		expect(by.get('m1')?.map((r) => r.id)).toEqual(['c', 'b']);
		expect(by.get('m2')?.map((r) => r.id)).toEqual(['a']);
	});
	it('a timeline starts each value at midnight in the team zone', () => {
		const t = timelineOf(
			[rec('a', 'junior', '2025-01-01'), rec('b', 'senior', '2025-04-01')],
			'Asia/Shanghai'
		);
		const april = zonedIsoDateStart('Asia/Shanghai', '2025-04-01') ?? 0;
		expect(t.at).toEqual([zonedIsoDateStart('Asia/Shanghai', '2025-01-01'), april]);
		expect(timelineValueAt(t, april - 1)).toBe('junior');
		expect(timelineValueAt(t, april)).toBe('senior');
		expect(timelineValueAt(t, 0)).toBeUndefined();
		expect(timelineValueAt({ at: [], values: [] }, 0)).toBeUndefined();
	});
});

/** Histories with many records on few dates, so ties and same-day changes are common. */
const DAY0 = Date.UTC(2025, 0, 1);
const dateArb = fc
	.nat({ max: 40 })
	.map((d) => new Date(DAY0 + d * DAY_MS).toISOString().slice(0, 10));
const entryArb = fc.record({
	id: fc.constantFrom(...'abcdefghijkl'),
	memberId: fc.constant('m1'),
	value: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
	from: dateArb,
	_meta: fc.record({ updated: fc.nat({ max: 5 }).map((n) => `00000000000000${n}:0000:d`) }),
	trashedAt: fc.option(fc.constant(1), { freq: 6 })
});
/** Ids are unique, as random UUIDs are. */
const historyArb = fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 12 });

describe('laws', () => {
	it('a record dated after D never changes any value on or before D', () => {
		let changedLater = 0;
		fc.assert(
			fc.property(historyArb, dateArb, entryArb, dateArb, (history, d, added, probe) => {
				fc.pre(added.from > d);
				const after = [...history, { ...added, id: 'added', trashedAt: null }];
				for (let i = 0; i <= 40; i++) {
					const day = new Date(DAY0 + i * DAY_MS).toISOString().slice(0, 10);
					if (day > d) break;
					expect(valueAt(after, day)).toBe(valueAt(history, day));
				}
				if (probe >= added.from && valueAt(after, probe) !== valueAt(history, probe))
					changedLater += 1;
			}),
			{ numRuns: RUNS }
		);
		// The added records did change later dates: the law is not vacuous.
		expect(changedLater).toBeGreaterThan(0);
	});
	it('the order the records arrive in does not matter', () => {
		fc.assert(
			fc.property(
				historyArb.chain((h) =>
					fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length }))
				),
				dateArb,
				([history, shuffled], day) => {
					expect(valueAt(shuffled, day)).toBe(valueAt(history, day));
				}
			),
			{ numRuns: RUNS }
		);
	});
	it('a timeline at any instant agrees with valueAt on that instant’s date in the zone', () => {
		fc.assert(
			fc.property(
				historyArb,
				fc.constantFrom('Asia/Shanghai', 'America/New_York'),
				fc.integer({ min: DAY0 - 2 * DAY_MS, max: DAY0 + 43 * DAY_MS }),
				(history, zone, at) => {
					const t = timelineOf(history, zone);
					expect(timelineValueAt(t, at)).toBe(valueAt(history, zonedIsoDate(zone, at)));
				}
			),
			{ numRuns: RUNS }
		);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/dates';
import {
	DEFAULT_CADENCE,
	cadenceDays,
	dueFollowUps,
	firstDueFollowUps,
	followUpDue,
	type CadenceCustomer
} from './cadence';

const NOW = Date.UTC(2025, 5, 30, 4);
const ago = (days: number) => NOW - days * DAY_MS;

function row(p: Partial<CadenceCustomer> & { id: string }): CadenceCustomer {
	return { tier: 'A', lastContactAt: null, createdAt: ago(1000), trashedAt: null, ...p };
}

describe('cadenceDays', () => {
	it('defaults to A 14, B 30, C 90', () => {
		expect(DEFAULT_CADENCE).toEqual({ A: 14, B: 30, C: 90 });
		expect(cadenceDays(DEFAULT_CADENCE, 'B')).toBe(30);
	});
	it('no tier or a non-positive value switches the rule off', () => {
		expect(cadenceDays(DEFAULT_CADENCE, '')).toBeNull();
		expect(cadenceDays({ A: 0, B: -3, C: Number.NaN }, 'A')).toBeNull();
		expect(cadenceDays({ A: 0, B: -3, C: Number.NaN }, 'B')).toBeNull();
		expect(cadenceDays({ A: 0, B: -3, C: Number.NaN }, 'C')).toBeNull();
	});
});

describe('followUpDue', () => {
	it('is due exactly when the cadence has passed', () => {
		expect(
			followUpDue(row({ id: 'a', lastContactAt: ago(14) + 1 }), DEFAULT_CADENCE, NOW)
		).toBeNull();
		const d = followUpDue(row({ id: 'a', lastContactAt: ago(14) }), DEFAULT_CADENCE, NOW);
		expect(d).toMatchObject({ daysOverdue: 0, dueAt: NOW, neverContacted: false });
	});
	it('counts whole days overdue', () => {
		expect(
			followUpDue(row({ id: 'a', lastContactAt: ago(20.5) }), DEFAULT_CADENCE, NOW)?.daysOverdue
		).toBe(6);
	});
	it('uses creation when never contacted', () => {
		const d = followUpDue(row({ id: 'c', tier: 'B', createdAt: ago(31) }), DEFAULT_CADENCE, NOW);
		expect(d).toMatchObject({ since: ago(31), daysOverdue: 1, neverContacted: true });
		expect(
			followUpDue(row({ id: 'c', tier: 'B', createdAt: ago(29) }), DEFAULT_CADENCE, NOW)
		).toBeNull();
	});
	it('skips trashed customers, customers without tier, and future contacts', () => {
		expect(followUpDue(row({ id: 't', trashedAt: ago(1) }), DEFAULT_CADENCE, NOW)).toBeNull();
		expect(followUpDue(row({ id: 'n', tier: '' }), DEFAULT_CADENCE, NOW)).toBeNull();
		expect(
			followUpDue(row({ id: 'f', lastContactAt: NOW + DAY_MS }), DEFAULT_CADENCE, NOW)
		).toBeNull();
		expect(followUpDue(row({ id: 'x', createdAt: Number.NaN }), DEFAULT_CADENCE, NOW)).toBeNull();
	});
	it('a recent contact wins over an old creation date', () => {
		expect(
			followUpDue(
				row({ id: 'a', createdAt: ago(400), lastContactAt: ago(3) }),
				DEFAULT_CADENCE,
				NOW
			)
		).toBeNull();
	});
});

describe('dueFollowUps', () => {
	const customers = [
		row({ id: 'a-fresh', tier: 'A', lastContactAt: ago(5) }),
		row({ id: 'a-late', tier: 'A', lastContactAt: ago(20) }),
		row({ id: 'b-late', tier: 'B', lastContactAt: ago(100) }),
		row({ id: 'c-ok', tier: 'C', lastContactAt: ago(60) }),
		row({ id: 'c-late', tier: 'C', lastContactAt: ago(91) }),
		row({ id: 'c-never', tier: 'C', createdAt: ago(95) }),
		row({ id: 'trashed', tier: 'A', lastContactAt: ago(99), trashedAt: ago(1) }),
		row({ id: 'untiered', tier: '', lastContactAt: ago(999) })
	];
	it('lists due customers most overdue first with days overdue', () => {
		const due = dueFollowUps(customers, DEFAULT_CADENCE, NOW);
		expect(due.map((d) => [d.customer.id, d.daysOverdue])).toEqual([
			['b-late', 70],
			['a-late', 6],
			['c-never', 5],
			['c-late', 1]
		]);
	});
	it('honours a configured cadence', () => {
		const due = dueFollowUps(customers, { A: 3, B: 365, C: 0 }, NOW);
		expect(due.map((d) => d.customer.id)).toEqual(['a-late', 'a-fresh']);
	});
	it('keeps the caller’s row type and breaks ties by id', () => {
		const rows = [
			{ ...row({ id: 'z', lastContactAt: ago(15) }), name: '张三' },
			{ ...row({ id: 'y', lastContactAt: ago(15) }), name: '李四' }
		];
		const due = dueFollowUps(rows, DEFAULT_CADENCE, NOW);
		expect(due.map((d) => d.customer.name)).toEqual(['李四', '张三']);
	});
	it('accepts any iterable, including a generator, and an empty one', () => {
		function* gen() {
			yield row({ id: 'g', lastContactAt: ago(15) });
		}
		expect(dueFollowUps(gen(), DEFAULT_CADENCE, NOW)).toHaveLength(1);
		expect(dueFollowUps([], DEFAULT_CADENCE, NOW)).toEqual([]);
	});
});

describe('firstDueFollowUps', () => {
	it('counts every due customer and keeps the first ones in dueFollowUps order', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(
					fc.record({
						id: fc.string({ minLength: 1, maxLength: 4 }),
						tier: fc.constantFrom('A' as const, 'B' as const, 'C' as const, '' as const),
						lastContactAt: fc.option(fc.integer({ min: 0, max: 400 }).map(ago), { nil: null }),
						createdAt: fc.integer({ min: 0, max: 400 }).map(ago),
						trashedAt: fc.constantFrom(null, null, 1)
					}),
					{ selector: (c) => c.id, maxLength: 60 }
				),
				fc.integer({ min: 0, max: 10 }),
				(customers, limit) => {
					const all = dueFollowUps(customers, DEFAULT_CADENCE, NOW);
					const top = firstDueFollowUps(customers, DEFAULT_CADENCE, NOW, limit);
					expect(top.total).toBe(all.length);
					expect(top.first).toEqual(all.slice(0, limit));
				}
			)
		);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodKind } from '../shared/dates';
import { earlierOpenActions, nextActionId, periodEndDate } from './plan';
import type { PlanAction } from './review';

const RUNS = 1000;

const action = (id: string, done = false): PlanAction => ({
	id,
	text: `行动 ${id}`,
	due: '2026-12-31',
	done
});
const review = (
	id: string,
	periodKind: PeriodKind,
	periodStart: string,
	plan: PlanAction[],
	extra: { memberId?: string; trashedAt?: number | null } = {}
) => ({ id, memberId: 'm1', periodKind, periodStart, plan, trashedAt: null, ...extra });

describe('the improvement plan across reviews', () => {
	it('knows where each kind of period ends', () => {
		expect(periodEndDate('month', '2026-01-01')).toBe('2026-02-01');
		expect(periodEndDate('quarter', '2026-11-01')).toBe('2027-02-01');
		expect(periodEndDate('year', '2026-04-01')).toBe('2027-04-01');
		expect(periodEndDate('month', '2026-13-01')).toBeNull();
		expect(periodEndDate('week' as PeriodKind, '2026-01-01')).toBeNull();
	});

	it('gives a new action an id its plan does not hold', () => {
		expect(nextActionId([])).toBe('a1');
		expect(nextActionId([{ id: 'a1' }, { id: 'a2' }])).toBe('a3');
		expect(nextActionId([{ id: 'a3' }])).toBe('a2');
		expect(nextActionId([{ id: 'a2' }, { id: 'a3' }])).toBe('a4');
	});

	it('shows again the open actions of earlier reviews, the latest first', () => {
		const history = [
			review('jan', 'month', '2026-01-01', [action('a1', true), action('a2')]),
			review('feb', 'month', '2026-02-01', [action('b1'), action('b2', true), action('b3')]),
			review('q1', 'quarter', '2026-01-01', [action('q')]),
			review('mar', 'month', '2026-03-01', [action('c1')]),
			review('other', 'month', '2026-02-01', [action('x')], { memberId: 'm2' }),
			review('trashed', 'month', '2026-02-01', [action('t')], { trashedAt: 5 })
		];
		const carried = earlierOpenActions(history, {
			memberId: 'm1',
			periodKind: 'month',
			periodStart: '2026-03-01'
		});
		expect(carried.map((c) => `${c.reviewId}:${c.action.id}`)).toEqual([
			'feb:b1',
			'feb:b3',
			'jan:a2'
		]);
		// The quarter ending with March carries into April's review, before March's own.
		const april = earlierOpenActions(history, {
			memberId: 'm1',
			periodKind: 'month',
			periodStart: '2026-04-01'
		});
		expect(april.map((c) => `${c.reviewId}:${c.action.id}`)).toEqual([
			'mar:c1',
			'q1:q',
			'feb:b1',
			'feb:b3',
			'jan:a2'
		]);
		expect(april[1]).toMatchObject({ periodKind: 'quarter', periodStart: '2026-01-01' });
	});

	it('carries nothing into the first review', () => {
		expect(
			earlierOpenActions([review('mar', 'month', '2026-03-01', [action('c1')])], {
				memberId: 'm1',
				periodKind: 'month',
				periodStart: '2026-03-01'
			})
		).toEqual([]);
	});
});

const kinds: PeriodKind[] = ['month', 'quarter', 'year'];
const historyArb = fc.array(
	fc.record({
		kind: fc.constantFrom(...kinds),
		month: fc.integer({ min: 0, max: 35 }),
		member: fc.constantFrom('m1', 'm1', 'm2'),
		trashed: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
		plan: fc.array(fc.boolean(), { maxLength: 4 })
	}),
	{ minLength: 1, maxLength: 12 }
);
const startOf = (month: number) =>
	`${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;

describe('laws of carried actions', () => {
	it('are exactly the open actions of the member’s live reviews ended by the start, in any order', () => {
		let carriedSome = 0;
		fc.assert(
			fc.property(historyArb, fc.integer({ min: 0, max: 35 }), (raw, at) => {
				const history = raw.map((h, i) =>
					review(
						`r${i}`,
						h.kind,
						startOf(h.month),
						h.plan.map((done, j) => action(`r${i}a${j}`, done)),
						{ memberId: h.member, trashedAt: h.trashed ? 1 : null }
					)
				);
				const key = { memberId: 'm1', periodKind: 'month' as const, periodStart: startOf(at) };
				const carried = earlierOpenActions(history, key);
				const expected = history.flatMap((r) =>
					r.memberId === 'm1' &&
					r.trashedAt === null &&
					(periodEndDate(r.periodKind, r.periodStart) ?? '9') <= key.periodStart
						? r.plan.filter((a) => !a.done).map((a) => a.id)
						: []
				);
				expect(carried.map((c) => c.action.id).sort()).toEqual(expected.sort());
				expect(earlierOpenActions([...history].reverse(), key)).toEqual(carried);
				if (carried.length) carriedSome += 1;
			}),
			{ numRuns: RUNS }
		);
		expect(carriedSome).toBeGreaterThan(RUNS / 5);
	});
});

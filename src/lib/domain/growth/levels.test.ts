import { describe, expect, it } from 'vitest';
import {
	checkPromotion,
	distanceToNext,
	levelAt,
	promotionHistory,
	validateLadder,
	wholeMonthsBetween,
	type GrowthRecord,
	type Ladder,
	type Level,
	type LevelEntry,
	type PromotionCriteria
} from './levels';

const none: PromotionCriteria = {
	monthsAtLevel: null,
	attainment: null,
	minReviewScore: null,
	trainings: null
};
const LADDER: Ladder = [
	{ id: 'am', name: '客户经理', criteria: none },
	{
		id: 'senior',
		name: '高级客户经理',
		criteria: {
			monthsAtLevel: 12,
			attainment: { periods: 3, minPct: 100 },
			minReviewScore: 85,
			trainings: { count: 3, courseIds: ['compliance-1'] }
		}
	},
	{ id: 'lead', name: '销售主管', criteria: { ...none, monthsAtLevel: 24 } }
];

/** A level record of member m1 (the roster's dated record, kind 'level'). */
const promo = (id: string, value: string, from: string, note = ''): LevelEntry => ({
	id,
	memberId: 'm1',
	value,
	from,
	note
});
const HISTORY: LevelEntry[] = [promo('p1', 'am', '2024-03-15')];

const record = (over: Partial<GrowthRecord> = {}): GrowthRecord => ({
	attainments: [
		{ periodStart: '2024-12-01', pct: 70 },
		{ periodStart: '2025-01-01', pct: 110 },
		{ periodStart: '2025-02-01', pct: 95 },
		{ periodStart: '2025-03-01', pct: 104 }
	],
	reviewScores: [
		{ periodStart: '2025-03-01', score: 80 },
		{ periodStart: '2024-12-01', score: 95 }
	],
	coursesDone: ['product-1', 'skill-1'],
	...over
});

describe('distanceToNext', () => {
	it('measures each criterion of the next level', () => {
		const d = distanceToNext(LADDER, HISTORY, 'm1', record(), '2025-03-20');
		expect(d.current).toBe('am');
		expect(d.next).toBe('senior');
		expect(d.ready).toBe(false);
		expect(d.criteria).toEqual([
			{ criterion: 'months_at_level', required: 12, actual: 12, met: true, remaining: 0 },
			// the last three periods: (110 + 95 + 104) / 3 = 103
			{ criterion: 'attainment', required: 100, actual: 103, met: true, remaining: 0 },
			// the latest review counts, not the best
			{ criterion: 'review_score', required: 85, actual: 80, met: false, remaining: 5 },
			{
				criterion: 'trainings',
				required: 3,
				actual: 2,
				met: false,
				remaining: 1,
				coursesMissing: ['compliance-1']
			}
		]);
	});
	it('is ready when every criterion is met', () => {
		const d = distanceToNext(
			LADDER,
			HISTORY,
			'm1',
			record({
				reviewScores: [{ periodStart: '2025-03-01', score: 88 }],
				coursesDone: ['product-1', 'compliance-1', 'skill-1']
			}),
			'2025-03-20'
		);
		expect(d.ready).toBe(true);
	});
	it('counts whole months since the promotion into the current level', () => {
		const d = distanceToNext(LADDER, HISTORY, 'm1', record(), '2025-03-14');
		expect(d.criteria[0]).toMatchObject({ actual: 11, met: false, remaining: 1 });
	});
	it('does not count an average over fewer periods than asked', () => {
		const d = distanceToNext(
			LADDER,
			HISTORY,
			'm1',
			record({ attainments: [{ periodStart: '2025-03-01', pct: 150 }] }),
			'2025-03-20'
		);
		expect(d.criteria[1]).toEqual({
			criterion: 'attainment',
			required: 100,
			actual: 150,
			met: false,
			remaining: 0,
			periodsShort: 2
		});
	});
	it('has nothing to measure yet without reviews or periods', () => {
		const d = distanceToNext(
			LADDER,
			HISTORY,
			'm1',
			record({ attainments: [], reviewScores: [] }),
			'2025-03-20'
		);
		expect(d.criteria[1]).toMatchObject({ actual: null, met: false, periodsShort: 3 });
		expect(d.criteria[2]).toMatchObject({ actual: null, met: false, remaining: 85 });
	});
	it('has no next level at the top, nor for a member not on the ladder', () => {
		const top = [
			...HISTORY,
			promo('p2', 'senior', '2025-04-01'),
			promo('p3', 'lead', '2026-01-01', 'senior')
		];
		expect(distanceToNext(LADDER, top, 'm1', record(), '2026-02-01')).toEqual({
			current: 'lead',
			next: null,
			criteria: [],
			ready: false
		});
		expect(distanceToNext(LADDER, HISTORY, 'm9', record(), '2026-02-01').current).toBeNull();
		expect(distanceToNext(LADDER, HISTORY, 'm1', record(), '2024-01-01').current).toBeNull();
	});
	it('measures from the latest promotion, and only the criteria the next level sets', () => {
		const up = [...HISTORY, promo('p2', 'senior', '2025-04-01')];
		const d = distanceToNext(LADDER, up, 'm1', record(), '2026-05-10');
		expect(d.next).toBe('lead');
		expect(d.criteria).toEqual([
			{ criterion: 'months_at_level', required: 24, actual: 13, met: false, remaining: 11 }
		]);
	});
});

describe('promotions', () => {
	const history = [
		promo('p2', 'senior', '2025-04-01', '业绩达标'),
		promo('p1', 'am', '2024-03-15')
	];
	it('lists a member’s history in the order it took effect, each from the level before', () => {
		expect(promotionHistory(history, 'm1')).toEqual([
			{
				id: 'p1',
				memberId: 'm1',
				fromLevelId: null,
				toLevelId: 'am',
				effective: '2024-03-15',
				note: ''
			},
			{
				id: 'p2',
				memberId: 'm1',
				fromLevelId: 'am',
				toLevelId: 'senior',
				effective: '2025-04-01',
				note: '业绩达标'
			}
		]);
		expect(promotionHistory(history, 'm2')).toEqual([]);
	});
	it('lists changes only: a record repeating the level, or out of force that day, is no step', () => {
		const noisy = [
			...history,
			promo('p3', 'senior', '2025-09-01'),
			{ ...promo('p4', 'lead', '2025-04-01'), trashedAt: 7 }
		];
		expect(promotionHistory(noisy, 'm1').map((p) => p.id)).toEqual(['p1', 'p2']);
	});
	it('gives the level on a day', () => {
		expect(levelAt(history, 'm1', '2024-03-14')).toBeNull();
		expect(levelAt(history, 'm1', '2024-03-15')).toBe('am');
		expect(levelAt(history, 'm1', '2025-03-31')).toBe('am');
		expect(levelAt(history, 'm1', '2025-04-01')).toBe('senior');
		expect(levelAt(history, 'm2', '2025-04-01')).toBeNull();
	});
	it('tells an assignment, a promotion and a demotion apart', () => {
		expect(checkPromotion(promo('p1', 'am', '2024-03-15'), LADDER, [])).toEqual({
			ok: true,
			kind: 'assignment'
		});
		expect(checkPromotion(promo('p9', 'senior', '2025-04-01'), LADDER, HISTORY)).toEqual({
			ok: true,
			kind: 'promotion'
		});
		expect(checkPromotion(promo('p9', 'am', '2025-06-01'), LADDER, history)).toEqual({
			ok: true,
			kind: 'demotion'
		});
	});
	it('judges a record dated before the others by the level in force on its own date', () => {
		expect(checkPromotion(promo('p9', 'senior', '2024-01-01'), LADDER, HISTORY)).toEqual({
			ok: true,
			kind: 'assignment'
		});
		expect(checkPromotion(promo('p9', 'lead', '2024-06-01'), LADDER, history)).toEqual({
			ok: true,
			kind: 'promotion'
		});
	});
	it.each([
		[promo('p9', 'nowhere', '2025-04-01'), 'level_unknown'],
		[promo('p9', 'am', '2025-04-01'), 'level_unchanged'],
		[promo('p9', 'senior', '2025-04-31'), 'effective_invalid']
	])('refuses %j with %s', (p, code) => {
		expect(checkPromotion(p, LADDER, HISTORY)).toEqual({ ok: false, code });
	});
	it('checks an edited record against the others, not itself', () => {
		expect(checkPromotion(promo('p1', 'senior', '2024-03-15'), LADDER, HISTORY)).toEqual({
			ok: true,
			kind: 'assignment'
		});
	});
});

describe('validateLadder', () => {
	it('accepts the ladder', () => expect(validateLadder(LADDER)).toEqual([]));
	it('names each bad level and criterion', () => {
		const bad: Level[] = [
			{ id: 'a', name: ' ', criteria: none },
			{ id: 'a', name: 'X', criteria: { ...none, monthsAtLevel: 1.5 } },
			{
				id: 'b',
				name: 'X',
				criteria: {
					monthsAtLevel: -1,
					attainment: { periods: 0, minPct: 100 },
					minReviewScore: Number.NaN,
					trainings: { count: 1, courseIds: ['c', 'c'] }
				}
			}
		];
		expect(validateLadder(bad)).toEqual([
			{ code: 'level_name_required', level: 0 },
			{ code: 'level_id_duplicate', level: 1 },
			{ code: 'criterion_invalid', level: 1, criterion: 'monthsAtLevel' },
			{ code: 'level_name_duplicate', level: 2 },
			{ code: 'criterion_invalid', level: 2, criterion: 'monthsAtLevel' },
			{ code: 'criterion_invalid', level: 2, criterion: 'attainment' },
			{ code: 'criterion_invalid', level: 2, criterion: 'minReviewScore' },
			{ code: 'criterion_invalid', level: 2, criterion: 'trainings' }
		]);
		expect(validateLadder([])).toEqual([{ code: 'ladder_empty', level: -1 }]);
	});
});

describe('wholeMonthsBetween', () => {
	it.each([
		['2025-01-31', '2025-02-28', 0],
		['2025-01-31', '2025-03-01', 1],
		['2024-03-15', '2025-03-15', 12],
		['2024-03-15', '2025-03-14', 11],
		['2025-03-15', '2025-01-01', 0]
	])('%s → %s: %d', (a, b, n) => expect(wholeMonthsBetween(a, b)).toBe(n));
	it('refuses malformed dates', () => expect(wholeMonthsBetween('x', '2025-01-01')).toBeNull());
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiMetric } from '../goal/goal';
import {
	DEFAULT_SCORECARD,
	RATING_CRITERIA,
	attainmentOf,
	kpiPoints,
	scoreReview,
	validateRatings,
	validateScorecard,
	weightedTotal,
	type Scorecard
} from './scorecard';

const RUNS = 1000;
const ALL_FOUR = { communication: 4, problem_solving: 4, teamwork: 4, product_knowledge: 4 };

const CARD: Scorecard = {
	kpis: [
		{ metric: 'sales_amount', weight: 50 },
		{ metric: 'complaint_rate', weight: 10 }
	],
	ratings: [
		{ criterion: 'communication', weight: 20 },
		{ criterion: 'teamwork', weight: 20 }
	],
	cap: 120
};

describe('validateScorecard', () => {
	it('accepts the default and a card whose weights sum to 100', () => {
		expect(validateScorecard(DEFAULT_SCORECARD)).toEqual([]);
		expect(validateScorecard(CARD)).toEqual([]);
		expect(DEFAULT_SCORECARD.ratings.map((r) => r.criterion)).toEqual([...RATING_CRITERIA]);
	});
	it('names the sum the weights came to', () => {
		const card = { ...CARD, kpis: [{ metric: 'sales_amount' as const, weight: 45 }] };
		expect(validateScorecard(card)).toEqual([{ field: 'weights', code: 'weights_sum', sum: 85 }]);
		const over = { ...CARD, ratings: [...CARD.ratings, { criterion: 'extra', weight: 0.5 }] };
		expect(validateScorecard(over)).toEqual([
			{ field: 'weights', code: 'weights_sum', sum: 100.5 }
		]);
	});
	it('takes weights with decimals that sum to 100 despite rounding', () => {
		const thirds: Scorecard = {
			kpis: [],
			ratings: [
				{ criterion: 'a', weight: 33.3 },
				{ criterion: 'b', weight: 33.3 },
				{ criterion: 'c', weight: 33.4 }
			],
			cap: 100
		};
		expect(validateScorecard(thirds)).toEqual([]);
	});
	it('refuses bad weights, duplicates, unknown metrics, bad keys and a low cap', () => {
		const bad: Scorecard = {
			kpis: [
				{ metric: 'sales_amount', weight: -10 },
				{ metric: 'sales_amount', weight: 50 },
				{ metric: 'luck' as KpiMetric, weight: Number.NaN }
			],
			ratings: [
				{ criterion: 'Team Work', weight: 30 },
				{ criterion: 'teamwork', weight: 30 },
				{ criterion: 'teamwork', weight: 0 }
			],
			cap: 99
		};
		expect(validateScorecard(bad).map((e) => `${e.field}:${e.code}`)).toEqual([
			'kpis.1.metric:kpi_duplicate',
			'kpis.2.metric:metric_invalid',
			'ratings.0.criterion:criterion_invalid',
			'ratings.2.criterion:criterion_duplicate',
			'kpis.0.weight:weight_invalid',
			'kpis.2.weight:weight_invalid',
			'cap:cap_invalid'
		]);
		expect(validateScorecard({ kpis: [], ratings: [], cap: 120 })).toEqual([
			{ field: 'scorecard', code: 'scorecard_empty' }
		]);
	});
});

describe('validateRatings', () => {
	it('wants a whole number from 1 to 5 for every criterion', () => {
		expect(validateRatings(CARD, { communication: 5, teamwork: 1 })).toEqual([]);
		expect(validateRatings(CARD, { communication: 0 })).toEqual([
			{ field: 'communication', code: 'rating_invalid' },
			{ field: 'teamwork', code: 'rating_missing' }
		]);
		expect(validateRatings(CARD, { communication: 3.5, teamwork: 6 }).map((e) => e.code)).toEqual([
			'rating_invalid',
			'rating_invalid'
		]);
	});
});

describe('attainment and points', () => {
	it('higher is better: actual over target', () => {
		expect(attainmentOf('sales_amount', 80, 100)).toBe(0.8);
		expect(attainmentOf('sales_amount', 0, 0)).toBe(1);
		expect(attainmentOf('sales_amount', null, 100)).toBeNull();
		expect(attainmentOf('sales_amount', 5, -1)).toBeNull();
	});
	it('lower is better: target over actual', () => {
		expect(attainmentOf('complaint_rate', 4, 2)).toBe(0.5);
		expect(attainmentOf('avg_resolution_time', 12, 24)).toBe(2);
		expect(attainmentOf('complaint_rate', 0, 2)).toBe(Infinity);
		expect(attainmentOf('complaint_rate', 0, 0)).toBe(1);
		expect(attainmentOf('complaint_rate', 1, 0)).toBe(0);
	});
	it('100% is 100 points, capped, never below 0', () => {
		expect(kpiPoints(1, 120)).toBe(100);
		expect(kpiPoints(1.1, 120)).toBeCloseTo(110);
		expect(kpiPoints(3, 120)).toBe(120);
		expect(kpiPoints(Infinity, 120)).toBe(120);
		expect(kpiPoints(-1, 120)).toBe(0);
		expect(kpiPoints(null, 120)).toBe(0);
	});
});

describe('scoreReview', () => {
	it('weights each line’s points', () => {
		const r = scoreReview(
			CARD,
			{ sales_amount: 1.3, complaint_rate: 0.5 },
			{ communication: 5, teamwork: 3 }
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.lines.map((l) => [l.key, l.points])).toEqual([
			['sales_amount', 120],
			['complaint_rate', 50],
			['communication', 100],
			['teamwork', 60]
		]);
		expect(r.value.total).toBeCloseTo((50 * 120 + 10 * 50 + 20 * 100 + 20 * 60) / 100);
	});
	it('a KPI without data scores 0 and says so', () => {
		const r = scoreReview(CARD, { sales_amount: 1 }, { communication: 5, teamwork: 5 });
		expect(r.ok && r.value.lines[1]).toMatchObject({
			key: 'complaint_rate',
			points: 0,
			missing: true
		});
		expect(r.ok && r.value.total).toBeCloseTo(90);
	});
	it('refuses an invalid scorecard or ratings, with the codes', () => {
		const card = { ...CARD, cap: 50 };
		expect(scoreReview(card, {}, ALL_FOUR)).toEqual({
			ok: false,
			errors: [{ field: 'cap', code: 'cap_invalid' }]
		});
		expect(scoreReview(CARD, {}, { communication: 9 })).toEqual({
			ok: false,
			errors: [
				{ field: 'communication', code: 'rating_invalid' },
				{ field: 'teamwork', code: 'rating_missing' }
			]
		});
	});
});

/** Scorecards with 1-4 KPI lines and 0-4 rating lines, integer weights summing to exactly 100. */
const METRICS: KpiMetric[] = ['sales_amount', 'new_customers', 'follow_ups', 'complaint_rate'];
const cardArb: fc.Arbitrary<Scorecard> = fc
	.record({
		kpiCount: fc.integer({ min: 1, max: 4 }),
		ratingCount: fc.integer({ min: 0, max: 4 }),
		raw: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 8, maxLength: 8 }),
		cap: fc.integer({ min: 100, max: 200 })
	})
	.map(({ kpiCount, ratingCount, raw, cap }) => {
		const n = kpiCount + ratingCount;
		const parts = raw.slice(0, n).map((x) => x + 1);
		const total = parts.reduce((a, b) => a + b, 0);
		const weights = parts.map((p) => Math.floor((p * 100) / total));
		weights[0] = (weights[0] ?? 0) + 100 - weights.reduce((a, b) => a + b, 0);
		return {
			kpis: METRICS.slice(0, kpiCount).map((metric, i) => ({ metric, weight: weights[i] ?? 0 })),
			ratings: RATING_CRITERIA.slice(0, ratingCount).map((criterion, i) => ({
				criterion,
				weight: weights[kpiCount + i] ?? 0
			})),
			cap
		};
	});
const attainmentArb = fc.option(fc.double({ min: -0.5, max: 2, noNaN: true }), { freq: 5 });
const attainmentsArb = fc.tuple(attainmentArb, attainmentArb, attainmentArb, attainmentArb);
const ratingsArb = fc
	.tuple(...RATING_CRITERIA.map(() => fc.integer({ min: 1, max: 5 })))
	.map((r) => Object.fromEntries(RATING_CRITERIA.map((c, i) => [c, r[i] ?? 1])));
const byMetric = (a: readonly (number | null)[]) =>
	Object.fromEntries(METRICS.map((m, i) => [m, a[i] ?? null]));

function total(card: Scorecard, a: readonly (number | null)[], ratings: Record<string, number>) {
	const r = scoreReview(card, byMetric(a), ratings);
	if (!r.ok) throw new Error(r.errors.map((e) => e.code).join());
	return r.value.total;
}

describe('laws of scoring', () => {
	it('the total lies between 0 and the cap', () => {
		fc.assert(
			fc.property(cardArb, attainmentsArb, ratingsArb, (card, a, ratings) => {
				expect(validateScorecard(card)).toEqual([]);
				const t = total(card, a, ratings);
				expect(t).toBeGreaterThanOrEqual(0);
				expect(t).toBeLessThanOrEqual(card.cap);
			}),
			{ numRuns: RUNS }
		);
	});
	it('a better attainment never lowers the total', () => {
		let rose = 0;
		fc.assert(
			fc.property(
				cardArb,
				attainmentsArb,
				ratingsArb,
				fc.nat({ max: 3 }),
				fc.integer({ min: 1, max: 300 }).map((x) => x / 100),
				(card, a, ratings, i, more) => {
					const line = i % card.kpis.length;
					const better = [...a];
					better[line] = (a[line] ?? 0) + more;
					const before = total(card, a, ratings);
					const after = total(card, better, ratings);
					expect(after).toBeGreaterThanOrEqual(before - 1e-9);
					if (after > before + 1e-9) rose += 1;
				}
			),
			{ numRuns: RUNS }
		);
		expect(rose).toBeGreaterThan(RUNS / 5);
	});
	it('scaling every weight by the same factor changes nothing', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						weight: fc.integer({ min: 0, max: 100 }),
						points: fc.integer({ min: 0, max: 120 })
					}),
					{ minLength: 1, maxLength: 8 }
				),
				fc.double({ min: 0.01, max: 100, noNaN: true }),
				(lines, k) => {
					const scaled = lines.map((l) => ({ ...l, weight: l.weight * k }));
					expect(weightedTotal(scaled)).toBeCloseTo(weightedTotal(lines), 9);
				}
			),
			{ numRuns: RUNS }
		);
	});
	it('when every line earns the same points, so does the total', () => {
		fc.assert(
			fc.property(cardArb, fc.integer({ min: 1, max: 5 }), (card, r) => {
				const ratings = Object.fromEntries(RATING_CRITERIA.map((c) => [c, r]));
				const a = METRICS.map(() => r / 5);
				expect(total(card, a, ratings)).toBeCloseTo(r * 20, 9);
			}),
			{ numRuns: RUNS }
		);
	});
});

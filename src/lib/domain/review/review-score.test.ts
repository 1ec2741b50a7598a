import { describe, expect, it } from 'vitest';
import { kpiAttainment, reviewKpis, reviewScore, roundScore } from './review-score';
import type { Scorecard } from './scorecard';

const CARD: Scorecard = {
	kpis: [
		{ metric: 'sales_amount', weight: 50 },
		{ metric: 'complaint_rate', weight: 10 },
		{ metric: 'market_share', weight: 10 }
	],
	ratings: [
		{ criterion: 'communication', weight: 15 },
		{ criterion: 'teamwork', weight: 15 }
	],
	cap: 120
};

describe('a review’s KPI lines', () => {
	it('take each KPI’s goal and actual, in the scorecard’s order', () => {
		const lines = reviewKpis(CARD, { sales_amount: 250_000, complaint_rate: 2, new_customers: 9 }, [
			{ metric: 'complaint_rate', target: 4, updated: 'b' },
			{ metric: 'sales_amount', target: 1_000_000, updated: 'a' },
			{ metric: 'new_customers', target: 10, updated: 'a' }
		]);
		expect(lines).toEqual([
			{ metric: 'sales_amount', target: 1_000_000, actual: 250_000 },
			{ metric: 'complaint_rate', target: 4, actual: 2 },
			{ metric: 'market_share', target: null, actual: null }
		]);
		expect(lines.map(kpiAttainment)).toEqual([0.25, 2, null]);
	});

	it('take the goal written last when two were set on one metric', () => {
		const goals = [
			{ metric: 'sales_amount' as const, target: 100, updated: '0001' },
			{ metric: 'sales_amount' as const, target: 300, updated: '0003' },
			{ metric: 'sales_amount' as const, target: 200, updated: '0002' }
		];
		expect(reviewKpis(CARD, {}, goals)[0]?.target).toBe(300);
		expect(reviewKpis(CARD, {}, [...goals].reverse())[0]?.target).toBe(300);
	});

	it('have no attainment without a goal, and one for a figure of nothing', () => {
		expect(kpiAttainment({ metric: 'sales_amount', target: null, actual: 5 })).toBeNull();
		expect(kpiAttainment({ metric: 'sales_amount', target: 100, actual: null })).toBeNull();
		expect(kpiAttainment({ metric: 'complaint_rate', target: 2, actual: 0 })).toBe(Infinity);
	});
});

describe('a review’s score', () => {
	const kpis = [
		{ metric: 'sales_amount' as const, target: 100, actual: 130 },
		{ metric: 'complaint_rate' as const, target: 2, actual: 4 },
		{ metric: 'market_share' as const, target: null, actual: null }
	];
	it('is null until every criterion is rated', () => {
		const one = { communication: { rating: 5, comment: '' } };
		expect(reviewScore(CARD, kpis, { ratings: one })).toBeNull();
		expect(
			reviewScore(CARD, kpis, { ratings: { ...one, teamwork: { rating: null, comment: '' } } })
		).toBeNull();
	});
	it('weights the capped KPI points and the ratings', () => {
		const s = reviewScore(CARD, kpis, {
			ratings: {
				communication: { rating: 5, comment: '' },
				teamwork: { rating: 3, comment: '' }
			}
		});
		// 50 × 120 (130% capped) + 10 × 50 + 10 × 0 (no goal) + 15 × 100 + 15 × 60, over 100.
		expect(s?.total).toBeCloseTo(89);
		expect(s?.lines.find((l) => l.key === 'market_share')?.missing).toBe(true);
	});
	it('is null for a scorecard that is not valid', () => {
		const ratings = {
			communication: { rating: 5, comment: '' },
			teamwork: { rating: 5, comment: '' }
		};
		expect(reviewScore({ ...CARD, cap: 90 }, kpis, { ratings })).toBeNull();
	});
	it('is kept to one decimal', () => {
		expect(roundScore(88.96)).toBe(89);
		expect(roundScore(72.25)).toBe(72.3);
		expect(roundScore(0)).toBe(0);
	});
});

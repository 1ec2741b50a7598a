import { describe, expect, it } from 'vitest';
import {
	ScoreTally,
	feedbackScores,
	isValidCsat,
	monthRange,
	monthlyScoreTrend,
	npsCategory,
	type FeedbackScore,
	type InteractionScore
} from './scores';

const CN = 480;
const MAR = Date.UTC(2025, 2, 10);
const MAY = Date.UTC(2025, 4, 10);

const csat = (score: number, at = MAR, trashedAt: number | null = null): FeedbackScore => ({
	kind: 'csat',
	score,
	at,
	trashedAt
});
const nps = (score: number, at = MAR): FeedbackScore => ({
	kind: 'nps',
	score,
	at,
	trashedAt: null
});
const inter = (satisfaction: number | null, at = MAR): InteractionScore => ({
	satisfaction,
	at,
	trashedAt: null
});

describe('categories and validity', () => {
	it('NPS: promoters 9-10, passives 7-8, detractors 0-6', () => {
		expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
			'detractor',
			'detractor',
			'passive',
			'passive',
			'promoter',
			'promoter'
		]);
		expect(npsCategory(11)).toBeNull();
		expect(npsCategory(-1)).toBeNull();
		expect(npsCategory(8.5)).toBeNull();
	});
	it('CSAT is 1-5', () => {
		expect(isValidCsat(1)).toBe(true);
		expect(isValidCsat(5)).toBe(true);
		expect(isValidCsat(0)).toBe(false);
		expect(isValidCsat(6)).toBe(false);
		expect(isValidCsat(Number.NaN)).toBe(false);
	});
});

describe('feedbackScores', () => {
	it('averages CSAT including interactions’ satisfaction', () => {
		const s = feedbackScores([csat(5), csat(4)], [inter(3), inter(null)]);
		expect(s.csat).toEqual({ count: 3, sum: 12, average: 4 });
	});
	it('computes NPS as % promoters minus % detractors', () => {
		// 5 promoters, 3 passives, 2 detractors of 10 → 50 - 20 = 30
		const entries = [9, 10, 9, 10, 9, 7, 8, 7, 0, 6].map((s) => nps(s));
		expect(feedbackScores(entries).nps).toEqual({
			count: 10,
			promoters: 5,
			passives: 3,
			detractors: 2,
			score: 30
		});
		expect(feedbackScores([nps(0), nps(3)]).nps.score).toBe(-100);
		expect(feedbackScores([nps(10)]).nps.score).toBe(100);
	});
	it('no answers: null averages', () => {
		const s = feedbackScores([]);
		expect(s.csat.average).toBeNull();
		expect(s.nps.score).toBeNull();
	});
	it('skips trashed entries and counts invalid scores as ignored', () => {
		const s = feedbackScores([csat(5, MAR, 1), csat(9), nps(11), nps(4.5)], [inter(0)]);
		expect(s.csat.count).toBe(0);
		expect(s.nps.count).toBe(0);
		expect(s.ignored).toBe(4);
	});
	it('a tally can be fed incrementally', () => {
		const t = new ScoreTally();
		t.addCsat(2);
		t.addNps(9);
		expect(t.csat.average).toBe(2);
		t.addCsat(4);
		expect(t.csat.average).toBe(3);
		expect(t.nps.score).toBe(100);
	});
});

describe('monthRange', () => {
	it('spans a year end, empty when malformed or inverted', () => {
		expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
		expect(monthRange('2025-03', '2025-01')).toEqual([]);
		expect(monthRange('2025-3', '2025-04')).toEqual([]);
	});
});

describe('monthlyScoreTrend', () => {
	it('groups by local month and fills months without data', () => {
		const rows = monthlyScoreTrend([csat(4), csat(2), nps(10, MAY)], [inter(5, MAY)], CN);
		expect(rows.map((r) => r.month)).toEqual(['2025-03', '2025-04', '2025-05']);
		expect(rows[0]?.csat.average).toBe(3);
		expect(rows[1]?.csat).toEqual({ count: 0, sum: 0, average: null });
		expect(rows[2]?.csat.average).toBe(5);
		expect(rows[2]?.nps.score).toBe(100);
	});
	it('uses the time-zone offset at month edges', () => {
		const edge = Date.UTC(2025, 2, 31, 17); // April 1st 01:00 in Beijing
		expect(monthlyScoreTrend([csat(5, edge)], [], CN)[0]?.month).toBe('2025-04');
		expect(monthlyScoreTrend([csat(5, edge)], [], 0)[0]?.month).toBe('2025-03');
	});
	it('an explicit range covers exactly those months', () => {
		const rows = monthlyScoreTrend([csat(4), csat(5, MAY)], [], CN, {
			from: '2025-04',
			to: '2025-06'
		});
		expect(rows.map((r) => [r.month, r.csat.count])).toEqual([
			['2025-04', 0],
			['2025-05', 1],
			['2025-06', 0]
		]);
	});
	it('no data and no range: no rows', () => {
		expect(monthlyScoreTrend([], [inter(null)], CN)).toEqual([]);
	});
});

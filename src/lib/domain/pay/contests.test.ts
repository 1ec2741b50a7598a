import { describe, expect, it } from 'vitest';
import { computeStandings, standingsId, validateContest, type Contest } from './contests';

const contest: Omit<Contest, 'id' | 'trashedAt'> = {
	title: 'Spring sprint',
	metric: 'sales_amount',
	currency: 'CNY',
	start: '2025-03-01',
	end: '2025-04-01',
	prize: 'A weekend in Hangzhou',
	prizeAmount: null
};

describe('validateContest', () => {
	it('accepts a contest with a metric, a period and a prize', () => {
		expect(validateContest(contest)).toEqual([]);
		expect(
			validateContest({ ...contest, prize: '', prizeAmount: { minor: 100, currency: 'CNY' } })
		).toEqual([]);
	});
	it('names each missing or bad part', () => {
		expect(
			validateContest({
				title: ' ',
				metric: 'sales_amount',
				currency: null,
				start: '2025-04-01',
				end: '2025-04-01',
				prize: '',
				prizeAmount: null
			})
		).toEqual(['title_required', 'currency_required', 'period_invalid', 'prize_required']);
		expect(
			validateContest({
				...contest,
				metric: 'karma' as Contest['metric'],
				start: '2025-02-30',
				prizeAmount: { minor: 0, currency: 'CNY' }
			})
		).toEqual(['metric_invalid', 'period_invalid', 'prize_amount_invalid']);
	});
});

describe('computeStandings', () => {
	it('ranks highest first; ties share a rank and the next rank skips', () => {
		const s = computeStandings(
			'c1',
			[
				{ memberId: 'd', value: 5 },
				{ memberId: 'b', value: 9 },
				{ memberId: 'a', value: 9 },
				{ memberId: 'c', value: 7 },
				{ memberId: 'e', value: 5 }
			],
			77
		);
		expect(s).toEqual({
			id: 'standings:c1',
			contestId: 'c1',
			computedAt: 77,
			rows: [
				{ memberId: 'a', value: 9, rank: 1 },
				{ memberId: 'b', value: 9, rank: 1 },
				{ memberId: 'c', value: 7, rank: 3 },
				{ memberId: 'd', value: 5, rank: 4 },
				{ memberId: 'e', value: 5, rank: 4 }
			]
		});
	});
	it('leaves out members without a figure and lists a member once', () => {
		const s = computeStandings(
			'c1',
			[
				{ memberId: 'a', value: Number.NaN },
				{ memberId: 'b', value: 1 },
				{ memberId: 'b', value: 50 },
				{ memberId: 'c', value: 0 }
			],
			1
		);
		expect(s.rows).toEqual([
			{ memberId: 'b', value: 1, rank: 1 },
			{ memberId: 'c', value: 0, rank: 2 }
		]);
		expect(computeStandings('c1', [], 1).rows).toEqual([]);
		expect(standingsId('c1')).toBe('standings:c1');
	});
});

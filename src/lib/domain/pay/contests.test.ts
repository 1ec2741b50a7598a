import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	computeStandings,
	contestsShownOn,
	dayAfter,
	dayBefore,
	standingsId,
	validateContest,
	type Contest
} from './contests';

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

describe('dayAfter and dayBefore', () => {
	it('step over the ends of months and years, and leap days', () => {
		expect(dayAfter('2026-03-31')).toBe('2026-04-01');
		expect(dayAfter('2026-12-31')).toBe('2027-01-01');
		expect(dayAfter('2028-02-28')).toBe('2028-02-29');
		expect(dayBefore('2026-03-01')).toBe('2026-02-28');
		expect(dayAfter('2026-02-30')).toBeNull();
		expect(dayBefore('')).toBeNull();
	});

	it('undo each other', () => {
		const day = fc
			.date({
				min: new Date(Date.UTC(1990, 0, 1)),
				max: new Date(Date.UTC(2090, 0, 1)),
				noInvalidDate: true
			})
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(day, (d) => {
				expect(dayBefore(dayAfter(d)!)).toBe(d);
				expect(dayAfter(d)! > d).toBe(true);
			})
		);
	});
});

describe('contestsShownOn', () => {
	const c = (start: string, end: string, trashedAt: number | null = null) => ({
		start,
		end,
		trashedAt
	});

	it('shows the running contests and those ended in the last two weeks, ending soonest first', () => {
		const running = c('2026-03-01', '2026-04-01');
		const justEnded = c('2026-02-01', '2026-03-05');
		const longEnded = c('2026-01-01', '2026-02-01');
		const coming = c('2026-03-20', '2026-04-20');
		const trashed = c('2026-03-01', '2026-04-01', 5);
		expect(contestsShownOn([running, justEnded, longEnded, coming, trashed], '2026-03-15')).toEqual(
			[justEnded, running]
		);
	});

	it('shows a contest from its first day, and for two weeks after its last', () => {
		const march = c('2026-03-01', '2026-04-01');
		expect(contestsShownOn([march], '2026-02-28')).toEqual([]);
		expect(contestsShownOn([march], '2026-03-01')).toEqual([march]);
		expect(contestsShownOn([march], '2026-04-14')).toEqual([march]);
		expect(contestsShownOn([march], '2026-04-15')).toEqual([]);
	});
});

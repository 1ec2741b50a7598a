import { describe, expect, it } from 'vitest';
import { checkTeamBonus, type TeamBonusCheckInput, type TeamBonusDraft } from './team-bonus-check';
import { MARCH, YUAN } from './test-helpers';

const draft = (over: Partial<TeamBonusDraft> = {}): TeamBonusDraft => ({
	periodStart: MARCH.start,
	pot: { minor: 1_200_050, currency: 'CNY' },
	method: 'sales',
	memberIds: ['a', 'b'],
	note: '',
	...over
});

const input = (over: Partial<TeamBonusCheckInput> = {}): TeamBonusCheckInput => ({
	draft: draft(),
	closed: [],
	knownMemberIds: new Set(['a', 'b', 'c']),
	figures: new Map([
		['a', { salesMinor: 150_000 * YUAN, reviewScore: null }],
		['b', { salesMinor: 50_000 * YUAN, reviewScore: null }]
	]),
	...over
});

const codes = (i: TeamBonusCheckInput) => {
	const r = checkTeamBonus(i);
	return r.ok ? [] : r.errors.map((e) => e.code);
};

describe('checkTeamBonus', () => {
	it('splits ¥12,000.50 by sales 3:1 to the fen, the odd fen to the larger share', () => {
		const r = checkTeamBonus(input());
		expect(r.ok && r.shares.map((s) => [s.memberId, s.minor, s.leftoverMinor])).toEqual([
			['a', 900_038, 1],
			['b', 300_012, 0]
		]);
	});

	it('refuses a pot of zero, below zero or not a whole number of fen', () => {
		for (const minor of [0, -100, 1.5, Number.NaN])
			expect(codes(input({ draft: draft({ pot: { minor, currency: 'CNY' } }) }))).toEqual([
				'bonus_pot_invalid'
			]);
	});

	it('refuses no members, and members not on the team', () => {
		expect(codes(input({ draft: draft({ memberIds: [] }) }))).toEqual(['bonus_members_empty']);
		expect(codes(input({ draft: draft({ memberIds: ['a', 'z'] }) }))).toEqual([
			'bonus_member_unknown'
		]);
	});

	it('refuses a closed month and a day that is not a month', () => {
		const closed = [{ start: MARCH.start, end: MARCH.end }];
		expect(codes(input({ closed }))).toEqual(['bonus_period_closed']);
		expect(codes(input({ draft: draft({ periodStart: '2025-03-02' }) }))).toEqual([
			'bonus_period_invalid'
		]);
	});

	it('refuses a split by review score when nobody has one, and by sales when nobody sold', () => {
		expect(codes(input({ draft: draft({ method: 'review_score' }) }))).toEqual([
			'bonus_scores_none'
		]);
		expect(codes(input({ figures: new Map() }))).toEqual(['bonus_sales_none']);
		expect(codes(input({ draft: draft({ method: 'bogus' }) }))).toEqual(['bonus_method_invalid']);
	});

	it('splits by review score once someone has one', () => {
		const figures = new Map([['a', { salesMinor: 0, reviewScore: 80 }]]);
		const r = checkTeamBonus(input({ draft: draft({ method: 'review_score' }), figures }));
		expect(r.ok && r.shares.map((s) => s.minor)).toEqual([1_200_050, 0]);
	});
});

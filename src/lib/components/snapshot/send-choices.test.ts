import { describe, expect, it } from 'vitest';
import { exchangeKey } from '$lib/sync/exchange';
import { choicesFor, exchangeOf } from './send-choices';

describe('what "Send my changes" offers', () => {
	it('offers a member their own customers and goals first, the team and the lead mine or all', () => {
		expect(choicesFor({ kind: 'member', memberId: 'm2' })[0]).toBe('theirs');
		expect(choicesFor({ kind: 'team' })).toEqual(['all', 'mine']);
		expect(choicesFor({ kind: 'lead' })).toEqual(['mine', 'all']);
	});

	it('names the exchange by recipient and scope', () => {
		const m2 = { kind: 'member', memberId: 'm2' } as const;
		expect(exchangeKey(exchangeOf(m2, 'theirs', 'me'))).toBe('member:m2/mine:m2');
		expect(exchangeKey(exchangeOf(m2, 'goals', 'me'))).toBe('member:m2/goals:m2');
		expect(exchangeKey(exchangeOf(m2, 'mine', 'me'))).toBe('member:m2/mine:me');
		expect(exchangeKey(exchangeOf({ kind: 'lead' }, 'mine', 'me'))).toBe('lead/mine:me');
		expect(exchangeKey(exchangeOf({ kind: 'team' }, 'all', 'me'))).toBe('team/all');
	});
});

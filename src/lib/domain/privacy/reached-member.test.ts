import { describe, expect, it } from 'vitest';
import { reachedMember } from './reached-member';

describe('what has reached a member', () => {
	it('a review once the lead signed it, read leniently', () => {
		expect(reachedMember('reviews', { leadSignedAt: null })).toBe(false);
		expect(reachedMember('reviews', {})).toBe(false);
		expect(reachedMember('reviews', { leadSignedAt: '5' })).toBe(false);
		expect(reachedMember('reviews', { leadSignedAt: 1 })).toBe(true);
	});

	it('a statement once its month closed', () => {
		expect(reachedMember('payStatements', { closedAt: null })).toBe(false);
		expect(reachedMember('payStatements', { closedAt: 5 })).toBe(true);
	});

	it('every other record as it is', () => {
		expect(reachedMember('goals', {})).toBe(true);
		expect(reachedMember('payDisputes', { closedAt: null })).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { isOneOf } from './one-of';

describe('isOneOf', () => {
	const TIERS = ['A', 'B', 'C'] as const;

	it('accepts each code of the list', () => {
		for (const tier of TIERS) expect(isOneOf(TIERS, tier)).toBe(true);
	});

	it('refuses what is not in the list, exactly as written', () => {
		expect(isOneOf(TIERS, 'D')).toBe(false);
		expect(isOneOf(TIERS, 'a')).toBe(false);
		expect(isOneOf(TIERS, ' A')).toBe(false);
		expect(isOneOf(TIERS, '')).toBe(false);
		expect(isOneOf([], 'A')).toBe(false);
	});

	it('does not take inherited names of objects for codes', () => {
		expect(isOneOf(TIERS, 'constructor')).toBe(false);
		expect(isOneOf(TIERS, 'toString')).toBe(false);
	});
});

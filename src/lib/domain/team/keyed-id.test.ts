import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_METRICS } from '../goal/goal';
import { goalId, memberFactId, periodCloseId, reviewId } from './keyed-id';

describe('keyed ids', () => {
	it('read as their key', () => {
		const m = '0b6c5a0e-1f7e-4a3a-9a43-4d2f1c3b2a10';
		expect(goalId(m, 'sales_amount', 'quarter', '2025-04-01')).toBe(
			`goal:${m}:sales_amount:quarter:2025-04-01`
		);
		expect(goalId(m, 'sales_amount', 'quarter', '2025-04-01', 'team')).toBe(
			`goal:${m}:sales_amount:quarter:2025-04-01:team`
		);
		expect(reviewId(m, 'month', '2025-03-01')).toBe(`review:${m}:month:2025-03-01`);
		expect(memberFactId(m, 'level', '2025-06-01')).toBe(`member_fact:${m}:level:2025-06-01`);
		expect(periodCloseId('custom', '2025-03-01', '2025-03-16')).toBe(
			'period_close:custom:2025-03-01:2025-03-16'
		);
	});
	it('escape a member id that holds the separator', () => {
		expect(goalId('a:b', 'follow_ups', 'month', '2025-01-01')).toBe(
			'goal:a%3Ab:follow_ups:month:2025-01-01'
		);
	});
	it('law: two different keys never share an id, the same key always does', () => {
		const key = fc.tuple(
			fc.string({ unit: fc.constantFrom('a', ':', '%', '3', 'A'), maxLength: 6 }),
			fc.constantFrom(...KPI_METRICS),
			fc.constantFrom('month', 'quarter'),
			fc.constantFrom('2025-01-01', '2025-04-01'),
			fc.constantFrom('own' as const, 'team' as const)
		);
		let same = 0;
		fc.assert(
			fc.property(fc.tuple(key, key, fc.boolean()), ([a, other, twice]) => {
				const b = twice ? a : other;
				const equalKeys = JSON.stringify(a) === JSON.stringify(b);
				if (equalKeys) same += 1;
				expect(goalId(...a) === goalId(...b)).toBe(equalKeys);
				expect(reviewId(a[0], a[2], a[3]) === reviewId(b[0], b[2], b[3])).toBe(
					a[0] === b[0] && a[2] === b[2] && a[3] === b[3]
				);
				expect(memberFactId(a[0], a[2], a[3]) === memberFactId(b[0], b[2], b[3])).toBe(
					a[0] === b[0] && a[2] === b[2] && a[3] === b[3]
				);
			}),
			{ numRuns: 1000 }
		);
		expect(same).toBeGreaterThan(0);
	});
});

import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { goalPeriodText, periodStartFor } from './period-text';

describe('goal periods', () => {
	it('starts on the first day of the month, quarter or year', () => {
		expect(periodStartFor('month', '2026-05')).toBe('2026-05-01');
		expect(periodStartFor('quarter', '2026-05')).toBe('2026-04-01');
		expect(periodStartFor('year', '2026-05')).toBe('2026-01-01');
		expect(periodStartFor('month', '')).toBe('');
	});
	it('names the period', () => {
		i18n.setLocale('en');
		expect(goalPeriodText({ periodKind: 'month', periodStart: '2026-11-01' })).toBe(
			'Month: November 2026'
		);
		expect(goalPeriodText({ periodKind: 'year', periodStart: '2026-01-01' })).toBe('Year: 2026');
		expect(goalPeriodText({ periodKind: 'quarter', periodStart: '2026-10-01' })).toBe(
			'Quarter: Oct 2026 – Dec 2026'
		);
	});
});

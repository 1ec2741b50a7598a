import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { formatGoalValue, goalInputText, parseEnteredShare, parseGoalTarget } from './goal-value';

describe('goal values', () => {
	it('reads targets by metric', () => {
		expect(parseGoalTarget('sales_amount', '50,000')).toBe(5_000_000);
		expect(parseGoalTarget('interactions', '40')).toBe(40);
		expect(parseGoalTarget('interactions', '4.5')).toBeNaN();
		expect(parseGoalTarget('avg_satisfaction', '4.2')).toBe(4.2);
		expect(parseGoalTarget('avg_satisfaction', '6')).toBeNaN();
		expect(parseGoalTarget('complaint_rate', '3%')).toBe(3);
		expect(parseGoalTarget('new_customers', '')).toBeNaN();
		expect(parseGoalTarget('follow_ups', '-1')).toBeNaN();
		expect(parseGoalTarget('avg_resolution_time', '8.5')).toBe(8.5);
		expect(parseGoalTarget('avg_resolution_time', '-8')).toBeNaN();
		expect(parseGoalTarget('market_share', '20%')).toBe(20);
		expect(parseGoalTarget('market_share', '150')).toBeNaN();
	});
	it('reads an entered share: empty is none, the range is left to the repository', () => {
		expect(parseEnteredShare('')).toBeNull();
		expect(parseEnteredShare(' 18% ')).toBe(18);
		expect(parseEnteredShare('150')).toBe(150);
		expect(parseEnteredShare('abc')).toBeNaN();
	});
	it('gives a stored value back as the field’s text', () => {
		expect(goalInputText('sales_amount', 5_000_050)).toBe('50000.50');
		expect(goalInputText('avg_resolution_time', 8.5)).toBe('8.5');
	});
	it('shows values by metric', () => {
		i18n.setLocale('en');
		expect(formatGoalValue('sales_amount', 5_000_000)).toBe('¥50,000.00');
		expect(formatGoalValue('retention_rate', 87.25)).toBe('87.3%');
		expect(formatGoalValue('avg_satisfaction', 4.256)).toBe('4.26');
	});
});

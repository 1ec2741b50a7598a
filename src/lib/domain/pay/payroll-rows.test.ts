import { describe, expect, it } from 'vitest';
import { majorText, minorDigits, PAYROLL_COLUMNS, payrollRows } from './payroll-rows';
import { MARCH, statementOf } from './test-helpers';

describe('payrollRows', () => {
	it('gives one row per statement, amounts in exact major units, in the columns’ order', () => {
		const s = statementOf({ period: MARCH, reviewScore: 92 });
		const rows = payrollRows([s], new Map([['m1', '王芳']]));
		expect(rows).toHaveLength(1);
		const row = Object.fromEntries(PAYROLL_COLUMNS.map((c, i) => [c, rows[0]?.[i]]));
		expect(row).toEqual({
			statement_id: 'payout:m1:2025-03-01',
			member_id: 'm1',
			member_name: '王芳',
			period_start: '2025-03-01',
			period_last_day: '2025-03-31',
			currency: 'CNY',
			base: '6000.00',
			commission: '5500.00',
			performance_bonus: '2400.00',
			team_bonus: '0.00',
			adjustments: '0.00',
			total: '13900.00',
			plan_id: 'plan-am-2025',
			closed: '0'
		});
	});
	it('leaves an unknown name empty', () => {
		const s = statementOf({ period: MARCH });
		expect(payrollRows([s], new Map())[0]?.[2]).toBe('');
	});
});

describe('majorText', () => {
	it.each([
		[300_000, 'CNY', '3000.00'],
		[5, 'CNY', '0.05'],
		[-250_000, 'CNY', '-2500.00'],
		[-5, 'CNY', '-0.05'],
		[1234, 'JPY', '1234'],
		[1234, 'KWD', '1.234'],
		[Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91']
	])('%d %s → %s', (minor, currency, text) => expect(majorText(minor, currency)).toBe(text));
	it('takes two digits for a currency Intl does not know', () => {
		expect(minorDigits('XQZ')).toBe(2);
		expect(minorDigits('not a code')).toBe(2);
	});
});

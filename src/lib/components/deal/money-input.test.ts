import { describe, expect, it } from 'vitest';
import { moneyInputOf, parseMoneyInput } from './money-input';

describe('parseMoneyInput', () => {
	it('reads grouped, full-width and symbol-prefixed amounts', () => {
		expect(parseMoneyInput('12,345.6', 'CNY')).toBe(1_234_560);
		expect(parseMoneyInput('１２３４５', 'CNY')).toBe(1_234_500);
		expect(parseMoneyInput('¥8000', 'CNY')).toBe(800_000);
		expect(parseMoneyInput('1500', 'JPY')).toBe(1500);
		expect(parseMoneyInput('0.10', 'USD')).toBe(10);
	});
	it('refuses negatives, words and too many decimals', () => {
		for (const bad of ['', '-5', 'abc', '1.234', '1.5.2'])
			expect(parseMoneyInput(bad, 'CNY')).toBeNaN();
		expect(parseMoneyInput('10.5', 'JPY')).toBeNaN();
	});
	it('round-trips through the field text', () => {
		expect(moneyInputOf(1_234_560, 'CNY')).toBe('12345.60');
		expect(parseMoneyInput(moneyInputOf(7, 'USD'), 'USD')).toBe(7);
		expect(moneyInputOf(1500, 'JPY')).toBe('1500');
	});
});

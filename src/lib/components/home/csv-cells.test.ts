import { describe, expect, it } from 'vitest';
import { csvDateTime, csvMoney } from './csv-cells';

describe('csv cells', () => {
	it('writes local date and time', () => {
		const at = new Date(2026, 0, 5, 9, 7).getTime();
		expect(csvDateTime(at)).toBe('2026-01-05 09:07');
		expect(csvDateTime(null)).toBe('');
	});
	it('writes money as a plain decimal in the currency’s minor digits', () => {
		expect(csvMoney(123450, 'CNY')).toBe('1234.50');
		expect(csvMoney(5, 'USD')).toBe('0.05');
		expect(csvMoney(-250, 'EUR')).toBe('-2.50');
		expect(csvMoney(1500, 'JPY')).toBe('1500');
	});
});

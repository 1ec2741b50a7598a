import { describe, expect, it } from 'vitest';
import {
	formatBytesIn,
	formatDateIn,
	formatDateTimeIn,
	formatMoneyIn,
	formatNumberIn,
	formatRelativeDaysIn
} from './format';

// 2026-11-22 14:05 local time
const at = new Date(2026, 10, 22, 14, 5).getTime();

describe('dates', () => {
	it('formats a timestamp per locale', () => {
		expect(formatDateIn('zh-CN', at)).toBe('2026年11月22日');
		expect(formatDateIn('en', at)).toBe('Nov 22, 2026');
	});
	it('reads YYYY-MM-DD as a local calendar day', () => {
		expect(formatDateIn('zh-CN', '2026-01-01')).toBe('2026年1月1日');
		expect(formatDateIn('en', '1990-02-28')).toBe('Feb 28, 1990');
	});
	it('returns empty text for invalid input', () => {
		expect(formatDateIn('en', 'not a date')).toBe('');
		expect(formatDateIn('en', Number.NaN)).toBe('');
		expect(formatDateTimeIn('zh-CN', Number.POSITIVE_INFINITY)).toBe('');
	});
	it('formats date and time', () => {
		expect(formatDateTimeIn('zh-CN', at)).toBe('2026年11月22日 14:05');
		expect(formatDateTimeIn('en', at).replace(/\s/g, ' ')).toBe('Nov 22, 2026, 2:05 PM');
	});
});

describe('numbers and money', () => {
	it('groups thousands', () => {
		expect(formatNumberIn('zh-CN', 1234567.5)).toBe('1,234,567.5');
		expect(formatNumberIn('en', 100000)).toBe('100,000');
	});
	it('money from minor units, CNY by default', () => {
		expect(formatMoneyIn('zh-CN', 123450)).toBe('¥1,234.50');
		expect(formatMoneyIn('en', 123450)).toBe('¥1,234.50');
		expect(formatMoneyIn('en', -5)).toBe('-¥0.05');
		expect(formatMoneyIn('en', 0)).toBe('¥0.00');
	});
	it('uses the currency’s own minor digits', () => {
		expect(formatMoneyIn('en', 1234, 'JPY')).toBe('¥1,234');
		expect(formatMoneyIn('en', 199, 'USD')).toBe('$1.99');
	});
});

describe('bytes', () => {
	it('uses binary multiples with one decimal at most', () => {
		expect(formatBytesIn('en', 0)).toBe('0 B');
		expect(formatBytesIn('en', 1023)).toBe('1,023 B');
		expect(formatBytesIn('en', 1536)).toBe('1.5 KB');
		expect(formatBytesIn('zh-CN', 5 * 1024 ** 3)).toBe('5 GB');
		expect(formatBytesIn('en', 3 * 1024 ** 5)).toBe('3,072 TB');
	});
	it('rejects nonsense', () => {
		expect(formatBytesIn('en', -1)).toBe('');
		expect(formatBytesIn('en', Number.NaN)).toBe('');
	});
});

describe('relative days', () => {
	it('counts days in the past, negatives in the future', () => {
		expect(formatRelativeDaysIn('en', 0)).toBe('today');
		expect(formatRelativeDaysIn('en', 1)).toBe('yesterday');
		expect(formatRelativeDaysIn('en', 5)).toBe('5 days ago');
		expect(formatRelativeDaysIn('en', -3)).toBe('in 3 days');
		expect(formatRelativeDaysIn('zh-CN', 0)).toBe('今天');
		expect(formatRelativeDaysIn('zh-CN', 5)).toBe('5天前');
		expect(formatRelativeDaysIn('zh-CN', -1)).toBe('明天');
		expect(formatRelativeDaysIn('en', Number.NaN)).toBe('');
	});
});

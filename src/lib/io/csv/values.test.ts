import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate, toEpochMs } from './dates';
import { parseInteractionType, parseKind, parseSource, parseStage, parseTier } from './enums';
import { parseNumber } from './numbers';

describe('parseDate', () => {
	it.each([
		['2024-01-05', '2024-01-05'],
		['2024/1/5', '2024-01-05'],
		['2024.1.5', '2024-01-05'],
		['2024年1月5日', '2024-01-05'],
		['２０２４年１月５日', '2024-01-05'],
		['20240105', '2024-01-05'],
		['2024-01-05 14:30', '2024-01-05'],
		['5.1.2024', '2024-01-05'],
		['25/12/2024', '2024-12-25'],
		['12/25/2024', '2024-12-25'],
		['45296', '2024-01-05']
	])('%s → %s', (raw, iso) => {
		expect(parseDate(raw)).toMatchObject({ ok: true, value: iso });
	});

	it.each(['2024-02-30', '2023/2/29', 'yesterday', '', '13/13/2024', '2024', '1/2/24', '60'])(
		'refuses %j',
		(raw) => {
			expect(parseDate(raw)).toEqual({ ok: false, code: 'date_invalid' });
		}
	);

	it('reads 1/5/2024 month first unless told day first, and flags it as ambiguous', () => {
		expect(parseDate('1/5/2024')).toEqual({
			ok: true,
			value: '2024-01-05',
			ambiguous: true,
			minutes: null
		});
		expect(parseDate('1/5/2024', 'dmy')).toMatchObject({ value: '2024-05-01', ambiguous: true });
		expect(parseDate('5/5/2024')).toMatchObject({ ambiguous: false });
		expect(parseDate('13/5/2024')).toMatchObject({ value: '2024-05-13', ambiguous: false });
	});

	it('keeps the time of day', () => {
		expect(parseDate('2024-01-05 09:15')).toMatchObject({ minutes: 555 });
		expect(parseDate('2024/1/5 下午2:05')).toMatchObject({ minutes: 14 * 60 + 5 });
		expect(parseDate('1/5/2024 12:30 AM')).toMatchObject({ minutes: 30 });
		expect(parseDate('45296.75')).toMatchObject({ value: '2024-01-05', minutes: 18 * 60 });
		expect(parseDate('2024-01-05 25:00')).toEqual({ ok: false, code: 'date_invalid' });
	});
});

describe('excelSerialToIso (1900 system)', () => {
	it('follows Excel, including its fictitious 1900-02-29', () => {
		expect(excelSerialToIso(1)).toBe('1900-01-01');
		expect(excelSerialToIso(59)).toBe('1900-02-28');
		expect(excelSerialToIso(60)).toBeNull();
		expect(excelSerialToIso(61)).toBe('1900-03-01');
		expect(excelSerialToIso(36526)).toBe('2000-01-01');
		expect(excelSerialToIso(2958465)).toBe('9999-12-31');
		expect(excelSerialToIso(0)).toBeNull();
	});

	it('converts to epoch ms at a UTC offset', () => {
		expect(toEpochMs('2024-01-05', 9 * 60, 480)).toBe(Date.UTC(2024, 0, 5, 1, 0));
	});
});

describe('parseNumber', () => {
	it.each([
		['1,234,567.50', 1234567.5, null],
		['1.234.567,50', 1234567.5, null],
		['1 234 567', 1234567, null],
		['1,234', 1234, null],
		['12,5', 12.5, null],
		['¥1,200', 1200, 'CNY'],
		['￥ 1200.00', 1200, 'CNY'],
		['RMB 88', 88, 'CNY'],
		['1200元', 1200, 'CNY'],
		['$9.99', 9.99, 'USD'],
		['US$ 5', 5, 'USD'],
		['€1.234,50', 1234.5, 'EUR'],
		['1.5万', 15000, null],
		['12.3万元', 123000, 'CNY'],
		['2亿', 200000000, null],
		['-50', -50, null],
		['(50)', -50, null],
		['+3', 3, null]
	])('%s', (raw, value, currency) => {
		expect(parseNumber(raw)).toEqual({ ok: true, value, currency });
	});

	it.each(['', 'abc', '1-2', '12..5', '¥'])('refuses %j', (raw) => {
		expect(parseNumber(raw)).toEqual({ ok: false, code: 'number_invalid' });
	});
});

describe('enumerations', () => {
	it.each([
		['A', 'A'],
		['a', 'A'],
		['A类', 'A'],
		['B级', 'B'],
		['c级客户', 'C'],
		['重要', 'A'],
		['普通', 'B'],
		['VIP', 'A'],
		['Ｂ', 'B']
	])('tier %s → %s', (raw, tier) => {
		expect(parseTier(raw)).toBe(tier);
	});

	it('returns null for values it does not know', () => {
		expect(parseTier('金牌')).toBeNull();
		expect(parseKind('外星人')).toBeNull();
		expect(parseStage('???')).toBeNull();
		expect(parseSource('飞鸽传书')).toBeNull();
		expect(parseInteractionType('心灵感应')).toBeNull();
	});

	it('reads kinds, stages, sources and interaction types', () => {
		expect(parseKind('个人')).toBe('person');
		expect(parseKind('企业')).toBe('company');
		expect(parseKind('公司')).toBe('company');
		expect(parseStage('已成交')).toBe('customer');
		expect(parseStage('Closed Lost')).toBe('churned');
		expect(parseSource('老客户转介绍')).toBe('referral');
		expect(parseSource('展会')).toBe('exhibition');
		expect(parseInteractionType('电话')).toBe('call');
		expect(parseInteractionType('上门拜访')).toBe('visit');
	});
});

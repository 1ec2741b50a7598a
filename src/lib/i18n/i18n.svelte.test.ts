import { describe, expect, it } from 'vitest';
import { errorText, formatMoney, hasMessage, i18n, plural, t } from './i18n.svelte';

describe('i18n state', () => {
	it('t follows the current locale', () => {
		i18n.setLocale('en');
		expect(i18n.locale).toBe('en');
		expect(t('settings.title')).toBe('Settings');
		expect(formatMoney(100)).toBe('¥1.00');
		i18n.setLocale('zh-CN');
		expect(t('settings.title')).toBe('设置');
		expect(t('shell.home_welcome', { name: 'Li' })).toBe('欢迎，Li');
	});
});

describe('keys built from open codes', () => {
	it('hasMessage knows a key by its table, and refuses made-up or malformed ones', () => {
		i18n.setLocale('en');
		expect(hasMessage('trash.days_left_one')).toBe(true);
		expect(hasMessage('trash.days_left_none')).toBe(false);
		expect(hasMessage('nope.title')).toBe(false);
		expect(hasMessage('trash')).toBe(false);
		expect(hasMessage('')).toBe(false);
	});

	it('errorText takes the record’s own message, then the shared one, then the generic one', () => {
		i18n.setLocale('en');
		expect(errorText('deals', 'stage_unknown')).toBe(t('deals.error_stage_unknown'));
		expect(errorText('deals', 'date_invalid')).toBe(t('common.error_date_invalid'));
		expect(errorText('deals', 'no_such_code')).toBe(t('common.error_unknown'));
		expect(errorText('deals', '')).toBe(t('common.error_unknown'));
	});

	it('plural picks the singular for one only', () => {
		i18n.setLocale('en');
		expect(plural('trash.days_left', 1, { days: 1 })).toBe('1 day');
		for (const days of [0, 2, 21]) {
			expect(plural('trash.days_left', days, { days })).toBe(`${days} days`);
		}
	});
});

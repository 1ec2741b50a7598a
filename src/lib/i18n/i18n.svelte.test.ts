import { describe, expect, it } from 'vitest';
import { formatMoney, i18n, t } from './i18n.svelte';

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

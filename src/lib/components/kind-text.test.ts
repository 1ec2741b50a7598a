import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { SYNCED_TABLES } from '$lib/sync/tables';
import { kindName, oneRecordName } from './kind-text';

describe('kind names', () => {
	afterEach(() => i18n.setLocale('en'));

	it('name each synced table, as a kind and as one record, in both languages', () => {
		for (const locale of ['en', 'zh-CN'] as const) {
			i18n.setLocale(locale);
			for (const table of SYNCED_TABLES) {
				expect(kindName(table)).not.toMatch(/^records\./);
				expect(oneRecordName(table)).not.toMatch(/^records\./);
			}
		}
		i18n.setLocale('en');
		expect(kindName('contacts')).toBe('Contact people');
		expect(oneRecordName('contacts')).toBe('Contact person');
		i18n.setLocale('zh-CN');
		expect(kindName('interactions')).toBe('联系记录');
	});

	it('show a kind this version does not know as written, or as a record', () => {
		i18n.setLocale('en');
		expect(kindName('invoices')).toBe('invoices');
		expect(oneRecordName('invoices')).toBe('Record');
		expect(oneRecordName('constructor')).toBe('Record');
	});
});

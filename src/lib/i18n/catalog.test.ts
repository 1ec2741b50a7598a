import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	detectLocale,
	interpolate,
	isLoaded,
	loadNamespaces,
	LOCALES,
	lookup,
	NAMESPACES,
	namespaceOf,
	type Locale,
	type Namespace
} from './catalog';

const placeholders = (s = '') => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function table(locale: Locale, ns: Namespace): Promise<Record<string, string>> {
	return ((await import(`./messages/${locale}/${ns}.ts`)) as { default: Record<string, string> })
		.default;
}

describe('message catalog', () => {
	for (const locale of LOCALES) {
		it(`lists every file in messages/${locale}`, () => {
			const dir = fileURLToPath(new URL(`./messages/${locale}`, import.meta.url));
			const files = readdirSync(dir)
				.filter((f) => f.endsWith('.ts'))
				.map((f) => f.replace(/\.ts$/, ''))
				.sort();
			expect([...NAMESPACES].sort()).toEqual(files);
		});
	}

	for (const ns of NAMESPACES) {
		describe(ns, () => {
			it('en and zh have identical key sets', async () => {
				const [en, zh] = await Promise.all([table('en', ns), table('zh-CN', ns)]);
				expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
			});
			it('no message is empty', async () => {
				const [en, zh] = await Promise.all([table('en', ns), table('zh-CN', ns)]);
				for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) {
					expect(v.trim(), `${ns}.${k}`).not.toBe('');
				}
			});
			it('placeholders match between languages', async () => {
				const [en, zh] = await Promise.all([table('en', ns), table('zh-CN', ns)]);
				for (const k of Object.keys(en)) {
					expect(placeholders(zh[k]), `${ns}.${k}`).toEqual(placeholders(en[k]));
				}
			});
		});
	}
});

describe('loading tables', () => {
	it('loads a table once and reports it loaded (the setup file loaded all of them)', async () => {
		await loadNamespaces('en', ['trash', 'trash']);
		expect(isLoaded('en', 'trash')).toBe(true);
		expect(lookup('trash.title', 'en')).toBe('Trash');
	});
	it('knows the namespace of a key', () => {
		expect(namespaceOf('deals.title')).toBe('deals');
		expect(namespaceOf('nope.title')).toBeNull();
		expect(namespaceOf('nodot')).toBeNull();
	});
});

describe('lookup', () => {
	it('finds a key per locale and fills placeholders', () => {
		expect(lookup('shell.nav_customers', 'en')).toBe('Customers');
		expect(lookup('shell.nav_customers', 'zh-CN')).toBe('客户');
		expect(lookup('shell.home_welcome', 'zh-CN', { name: '张三' })).toBe('欢迎，张三');
	});
	it('returns the key itself for unknown namespaces or keys', () => {
		expect(lookup('nope.title', 'en')).toBe('nope.title');
		expect(lookup('shell.nope', 'zh-CN')).toBe('shell.nope');
		expect(lookup('nodot', 'en')).toBe('nodot');
	});
});

describe('interpolate', () => {
	it('replaces every occurrence and keeps unknown placeholders visible', () => {
		expect(interpolate('{a} and {a}, {b}', { a: 1 })).toBe('1 and 1, {b}');
		expect(interpolate('{n}', { n: 0 })).toBe('0');
		expect(interpolate('plain {x}')).toBe('plain {x}');
	});
});

describe('detectLocale', () => {
	it('picks zh-CN for any Chinese variant, else English', () => {
		expect(detectLocale(['zh-TW'])).toBe('zh-CN');
		expect(detectLocale(['en-US', 'zh'])).toBe('zh-CN');
		expect(detectLocale(['zh-Hans-CN'])).toBe('zh-CN');
		expect(detectLocale(['en-GB', 'fr'])).toBe('en');
		expect(detectLocale(['zu'])).toBe('en'); // Zulu is not Chinese
		expect(detectLocale([])).toBe('en');
		expect(detectLocale(undefined)).toBe('en');
	});
});

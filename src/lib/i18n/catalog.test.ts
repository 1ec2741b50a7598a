import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, detectLocale, interpolate, lookup, type Namespace } from './catalog';

const placeholders = (s = '') => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const namespaces = Object.keys(catalog) as Namespace[];

describe('message catalog', () => {
	it('registers every file in messages/', () => {
		const dir = fileURLToPath(new URL('./messages', import.meta.url));
		const files = readdirSync(dir)
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
			.map((f) => f.replace(/\.ts$/, ''))
			.sort();
		expect([...namespaces].sort()).toEqual(files);
	});

	for (const ns of namespaces) {
		describe(ns, () => {
			const en: Record<string, string> = catalog[ns].en;
			const zh: Record<string, string> = catalog[ns].zh;
			it('en and zh have identical key sets', () => {
				expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
			});
			it('no message is empty', () => {
				for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) {
					expect(v.trim(), `${ns}.${k}`).not.toBe('');
				}
			});
			it('placeholders match between languages', () => {
				for (const k of Object.keys(en)) {
					expect(placeholders(zh[k]), `${ns}.${k}`).toEqual(placeholders(en[k]));
				}
			});
		});
	}
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

import { describe, expect, it } from 'vitest';
import { emailKey, normalizeEmail } from './email';

describe('normalizeEmail', () => {
	it.each([
		['a@b.cn', 'a@b.cn'],
		['  Zhang.San@Example.COM ', 'Zhang.San@example.com'],
		['li＠qq．com', 'li@qq.com'],
		['x+tag@sub.mail.example.org', 'x+tag@sub.mail.example.org']
	])('%s → %s', (raw, want) => {
		expect(normalizeEmail(raw)).toEqual({ ok: true, value: want });
	});

	it.each([
		'',
		'plain',
		'a@b',
		'a b@c.cn',
		'a@@b.cn',
		'@b.cn',
		'a@-b.cn',
		'<script>@x.cn',
		`${'a'.repeat(250)}@b.cn`
	])('%s is invalid', (raw) => {
		expect(normalizeEmail(raw)).toEqual({ ok: false, code: 'email_invalid' });
	});

	it('compares case-insensitively', () => {
		expect(emailKey(' A@B.cn')).toBe(emailKey('a@b.CN'));
	});
});

import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-url';

describe('safeHref', () => {
	it.each([
		['https://example.com/a?b=1', 'https://example.com/a?b=1'],
		['http://例子.中国', 'http://xn--fsqu00a.xn--fiqs8s/'],
		['mailto:a@b.cn', 'mailto:a@b.cn'],
		['tel:+8613812345678', 'tel:+8613812345678']
	])('allows %s', (raw, want) => {
		expect(safeHref(raw)).toBe(want);
	});

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox',
		'file:///etc/passwd',
		'//evil.example',
		'/relative',
		'',
		'http://'
	])('refuses %s', (raw) => {
		expect(safeHref(raw)).toBeNull();
	});
});

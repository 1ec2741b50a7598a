import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030';
import { detectDelimiter } from './delimiter';
import { guessEncoding } from './detect-encoding';
import { sniff } from './sniff';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf16le = (s: string): Uint8Array => {
	const out = new Uint8Array(s.length * 2);
	for (let i = 0; i < s.length; i++) {
		out[2 * i] = s.charCodeAt(i) & 0xff;
		out[2 * i + 1] = s.charCodeAt(i) >> 8;
	}
	return out;
};
const swap = (b: Uint8Array): Uint8Array => b.map((_, i) => b[i ^ 1] ?? 0);

describe('sniff: refusals', () => {
	it.each([
		['file_empty', bytes()],
		['file_empty', utf8(' \r\n\r\n')],
		['file_bom_only', bytes(0xef, 0xbb, 0xbf)],
		['file_bom_only', bytes(0xff, 0xfe)],
		['file_bom_only', bytes(0xef, 0xbb, 0xbf, 0x0d, 0x0a)],
		['file_xlsx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0)],
		['file_xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0)],
		['file_pdf', utf8('%PDF-1.7\n%âãÏÓ')],
		['file_image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
		['file_image', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
		['file_image', utf8('GIF89a\u0001\u0000')],
		['file_image', utf8('RIFF\u0024\u0000\u0000\u0000WEBPVP8 ')],
		['file_binary', utf8('name,phone\nab\u0000c,1\n')],
		['file_binary', bytes(...Array.from({ length: 200 }, (_, i) => (i * 7) % 32))]
	])('%s', (code, input) => {
		expect(sniff(input, { complete: true })).toEqual({ ok: false, code });
	});
});

describe('sniff: encodings', () => {
	it('reads UTF-8 with and without BOM', () => {
		expect(sniff(utf8('姓名,电话\n张三,1'), { complete: true })).toMatchObject({
			ok: true,
			encoding: 'utf-8',
			bom: false
		});
		expect(sniff(utf8('\uFEFF姓名,电话\n张三,1'), { complete: true })).toMatchObject({
			ok: true,
			encoding: 'utf-8',
			bom: true
		});
	});

	it('reads UTF-16 with a BOM and guesses it without one from the NUL pattern', () => {
		const le = utf16le('\uFEFFname\tphone\r\n张三\t138\r\n');
		expect(sniff(le, { complete: true })).toMatchObject({
			ok: true,
			encoding: 'utf-16le',
			bom: true,
			delimiter: '\t'
		});
		expect(sniff(swap(le), { complete: true })).toMatchObject({
			ok: true,
			encoding: 'utf-16be',
			bom: true
		});
		const bare = utf16le('name,phone\r\nAnna,138\r\n');
		expect(sniff(bare, { complete: true })).toMatchObject({
			ok: true,
			encoding: 'utf-16le',
			bom: false
		});
		expect(sniff(swap(bare), { complete: true })).toMatchObject({ ok: true, encoding: 'utf-16be' });
	});

	it('recognises GBK/GB18030 bytes that are not UTF-8', () => {
		const gbk = encodeGb18030('客户名称,联系人\n北京某某科技有限公司,张伟\n');
		expect(sniff(gbk, { complete: true })).toMatchObject({ ok: true, encoding: 'gb18030' });
	});

	it('asks when one stray byte sits in otherwise clean UTF-8', () => {
		const good = utf8('姓名,城市\n张三,北京\n李四,上海\n');
		const bad = new Uint8Array([...good, 0xc4, 0x2c, 0x31, 0x0a]);
		const r = sniff(bad, { complete: true });
		expect(r).toMatchObject({ ok: false, code: 'encoding_ambiguous', byteOffset: good.length });
		if (r.ok || r.code !== 'encoding_ambiguous') throw new Error('unreachable');
		expect(r.candidates.map((c) => c.encoding)).toEqual(['utf-8', 'gb18030']);
		expect(r.candidates[0]?.excerpt).toBe('\uFFFD,1');
	});

	it('offers windows-1252 for Latin-1 text with isolated high bytes', () => {
		const g = guessEncoding(bytes(...utf8('Name\nM'), 0xfc, ...utf8('ller\nJos'), 0xe9, 0x0a));
		expect(g).toMatchObject({ ok: false });
		if (g.ok) throw new Error('unreachable');
		expect(g.candidates).toContain('windows-1252');
	});

	it('uses the encoding the person chose', () => {
		const r = sniff(bytes(...utf8('a,b\n'), 0xc4, 0x0a), { complete: true, encoding: 'gb18030' });
		expect(r).toMatchObject({ ok: true, encoding: 'gb18030' });
	});
});

describe('detectDelimiter', () => {
	it.each([
		[',', 'a,b,c\n1,2,3\n'],
		[';', 'Name;Notes\nAnna;Umsatz 1.234,50 €\nBen;3,5\n'],
		['\t', 'a\tb\tc\n"x,y"\t2\t3\n'],
		['|', 'a|b|c\n1|2|3\n'],
		[',', '"a;b",c\n"1;2",3\n'],
		[',', 'just one column\nanother\n']
	])('%j for %j', (d, text) => {
		expect(detectDelimiter(text, true)).toBe(d);
	});

	it('ignores the cut-off last line of a sample', () => {
		expect(detectDelimiter('a;b\n1;2\n3;4\nx,y,z,w', false)).toBe(';');
	});
});

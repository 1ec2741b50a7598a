import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCell, formatRow, toCsv } from './export';
import { encodeGb18030 } from './gb18030';

const concat = (parts: Iterable<Uint8Array>): Uint8Array => {
	const list = [...parts];
	const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of list) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};

describe('formatCell', () => {
	it('quotes per RFC 4180 and neutralises formulas', () => {
		expect(formatCell('plain', ',')).toBe('plain');
		expect(formatCell('a,b', ',')).toBe('"a,b"');
		expect(formatCell('a,b', ';')).toBe('a,b');
		expect(formatCell('say "hi"', ',')).toBe('"say ""hi"""');
		expect(formatCell('two\nlines', ',')).toBe('"two\nlines"');
		expect(formatCell(' padded ', ',')).toBe('" padded "');
		expect(formatCell('=1+1', ',')).toBe("'=1+1");
		expect(formatCell('\t=1', ',')).toBe("'\t=1");
		expect(formatCell('\r=1', ',')).toBe('"\'\r=1"');
	});

	it('writes a lone empty cell as "" so the row is not a blank line', () => {
		expect(formatRow([''], ',')).toBe('""');
		expect(formatRow(['', ''], ',')).toBe(',');
	});
});

describe('toCsv', () => {
	it('writes UTF-8 with a BOM and CRLF line ends', () => {
		const bytes = concat(
			toCsv([
				['姓名', '电话'],
				['张三', '+8613812345678']
			])
		);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes)).toBe("姓名,电话\r\n张三,'+8613812345678\r\n");
	});

	it('writes GB18030 that decodes back to the same text', () => {
		const text = new TextDecoder('gb18030').decode(
			concat(
				toCsv(
					[
						['客户', '备注'],
						['䶮𠀀€', 'x;y']
					],
					{ encoding: 'gb18030', delimiter: ';' }
				)
			)
		);
		expect(text).toBe('客户;备注\r\n䶮𠀀€;"x;y"\r\n');
	});

	it('streams in chunks of rows', () => {
		const rows = Array.from({ length: 25 }, (_, i) => [`r${i}`]);
		expect([...toCsv(rows, { rowsPerChunk: 10 })]).toHaveLength(1 + 3);
	});
});

describe('encodeGb18030', () => {
	it('uses GBK double bytes, four-byte BMP codes and the supplementary formula', () => {
		expect([...encodeGb18030('A中')]).toEqual([0x41, 0xd6, 0xd0]);
		expect([...encodeGb18030('€')]).toEqual([0xa2, 0xe3]);
		expect([...encodeGb18030('\u0080')]).toEqual([0x81, 0x30, 0x81, 0x30]);
		expect([...encodeGb18030('\u{10000}')]).toEqual([0x90, 0x30, 0x81, 0x30]);
		expect([...encodeGb18030('\u{10FFFF}')]).toEqual([0xe3, 0x32, 0x9a, 0x35]);
	});

	it('round-trips any text without private-use or lone surrogates (property)', () => {
		const decoder = new TextDecoder('gb18030');
		const text = fc
			.string({ unit: 'grapheme', maxLength: 40 })
			.map((s) => s.replace(/[\uE000-\uF8FF]/g, ''));
		fc.assert(
			fc.property(text, (s) => decoder.decode(encodeGb18030(s)) === s),
			{ numRuns: 500 }
		);
	});
});

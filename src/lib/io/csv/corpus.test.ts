/**
 * A corpus of bad and hostile inputs, each with the exact outcome the importer must give.
 * Everything goes through importCsv with bytes fed in small chunks.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from './export';
import { encodeGb18030 } from './gb18030';
import { concat, importAll, utf16, utf8 } from './test-helpers';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('corpus: files that are not CSV text', () => {
	it.each([
		['empty file', bytes(), 'file_empty'],
		['BOM only', bytes(0xef, 0xbb, 0xbf), 'file_bom_only'],
		['UTF-16 BOM only', bytes(0xfe, 0xff), 'file_bom_only'],
		['xlsx (zip)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), 'file_xlsx'],
		['empty zip', bytes(0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0), 'file_xlsx'],
		['xls (OLE2)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'file_xls'],
		['PDF', utf8('%PDF-1.4\n1 0 obj'), 'file_pdf'],
		['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'file_image'],
		['JPEG', bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18), 'file_image'],
		['NUL bytes', utf8('name,phone\nA\u0000B,1\n'), 'file_binary'],
		['only blank lines', utf8('\n\n  \n'), 'file_empty']
	])('%s → %s', async (_, input, code) => {
		const o = await importAll(input);
		expect(o.events).toEqual([{ kind: 'refused', code }]);
	});
});

describe('corpus: structure', () => {
	it('only delimiters → file_empty once the text is read (no header, no rows)', async () => {
		const o = await importAll(utf8(',,,\r\n,,,\r\n , ,\t,\r\n'));
		expect(o.events.map((e) => e.kind)).toEqual(['sniffed', 'refused']);
		expect(o.last).toEqual({ kind: 'refused', code: 'file_empty' });
	});

	it('header only → done with notice file_header_only', async () => {
		const o = await importAll(utf8('姓名,手机\r\n'));
		expect(o.headers).toEqual(['姓名', '手机']);
		expect(o.last).toMatchObject({
			kind: 'done',
			summary: { rows: 0, notice: 'file_header_only' }
		});
	});

	it('ragged rows: a long row with data is rejected, a short row is padded with a warning', async () => {
		const o = await importAll(
			utf8('姓名,手机,城市\n张一,13812345671,北京,多余\n张二,13812345672\n')
		);
		expect(o.rows.map((r) => [r.line, r.draft?.name ?? null, r.issues[0]])).toEqual([
			[2, null, { field: '', code: 'row_ragged', severity: 'error', expected: 3, actual: 4 }],
			[3, '张二', { field: '', code: 'row_ragged', severity: 'warning', expected: 3, actual: 2 }]
		]);
	});

	it('an unclosed quote on row 3 does not swallow the rest', async () => {
		const lines = [
			'姓名,手机,备注',
			'张一,13812345671,"正常, 带逗号"',
			'张二,13812345672,"没有结束的引号'
		];
		for (let i = 3; i <= 30; i++)
			lines.push(`张${i},138123456${String(i).padStart(2, '0')},"备注, ${i}"`);
		const o = await importAll(utf8(lines.join('\r\n') + '\r\n'), {}, 17);
		expect(o.rows.find((r) => r.line === 3)).toEqual({
			line: 3,
			draft: null,
			issues: [{ field: '', code: 'quote_unclosed', severity: 'error' }],
			duplicates: [],
			duplicateOfLines: []
		});
		expect(o.rows.filter((r) => r.draft)).toHaveLength(29);
		expect(o.rows.find((r) => r.line === 4)?.draft).toMatchObject({
			name: '张3',
			notes: '备注, 3'
		});
	});

	it('an unclosed quote in the last row is reported without losing earlier rows', async () => {
		const o = await importAll(utf8('姓名,备注\n甲,x\n乙,"never closed\nstill going'));
		expect(o.rows.map((r) => [r.line, r.draft?.name ?? r.issues[0]?.code])).toEqual([
			[2, '甲'],
			[3, 'quote_unclosed'],
			[4, 'still going']
		]);
	});

	it('duplicated headers are numbered and every phone column lands', async () => {
		const o = await importAll(utf8('姓名,电话,电话\n张三,13812345678,010-62345678\n'));
		expect(o.headers).toEqual(['姓名', '电话', '电话 (2)']);
		expect(o.mapping).toEqual(['name', 'phone', 'phone']);
		expect(o.rows[0]?.draft?.phones).toEqual(['+8613812345678', '+861062345678']);
	});

	it('empty headers become column_N and are not mapped', async () => {
		const o = await importAll(utf8('姓名,,  \n张三,x,y\n'));
		expect(o.headers).toEqual(['姓名', 'column_2', 'column_3']);
		expect(o.mapping).toEqual(['name', null, null]);
	});

	it('__proto__ / constructor / prototype headers are plain columns and pollute nothing', async () => {
		const o = await importAll(
			utf8('__proto__,constructor,prototype,姓名\n{"polluted":1},x,y,张三\n')
		);
		expect(o.headers).toEqual(['__proto__', 'constructor', 'prototype', '姓名']);
		expect(o.mapping).toEqual([null, null, null, 'name']);
		expect(o.rows[0]?.draft?.name).toBe('张三');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('trailing delimiters: harmless on data rows, a column_N on the header', async () => {
		const a = await importAll(utf8('姓名,城市\n张三,北京,\n李四,上海,,\n'));
		expect(a.rows.map((r) => [r.draft?.city, r.issues])).toEqual([
			['北京', []],
			['上海', []]
		]);
		const b = await importAll(utf8('姓名,城市,\n张三,北京,\n'));
		expect(b.headers).toEqual(['姓名', '城市', 'column_3']);
		expect(b.rows[0]?.issues).toEqual([]);
	});

	it('quotes inside unquoted fields are data', async () => {
		const o = await importAll(utf8('姓名,备注\n张"三",他说"好"\n'));
		expect(o.rows[0]?.draft).toMatchObject({ name: '张"三"', notes: '他说"好"' });
	});

	it('mixed CRLF / LF / CR line endings, blank lines counted as rows', async () => {
		const o = await importAll(utf8('姓名,城市\r\n甲,北京\n乙,上海\r\r\n丙,"广\r\n州"\r丁,深圳'));
		expect(o.rows.map((r) => [r.line, r.draft?.name, r.draft?.city])).toEqual([
			[2, '甲', '北京'],
			[3, '乙', '上海'],
			[5, '丙', '广\n州'],
			[6, '丁', '深圳']
		]);
	});

	it('CR-only line endings (classic Mac)', async () => {
		const o = await importAll(utf8('Name,City\rAnna,Paris\rBen,Rome\r'));
		expect(o.rows.map((r) => [r.line, r.draft?.name, r.draft?.city])).toEqual([
			[2, 'Anna', 'Paris'],
			[3, 'Ben', 'Rome']
		]);
	});

	it('very wide rows (1,000 columns)', async () => {
		const header = ['姓名', ...Array.from({ length: 999 }, (_, i) => `c${i}`)];
		const row = ['张三', ...Array.from({ length: 999 }, (_, i) => `v${i}`)];
		const o = await importAll(utf8(`${header.join(',')}\n${row.join(',')}\n`), {}, 333);
		expect(o.headers).toHaveLength(1000);
		expect(o.rows).toHaveLength(1);
		expect(o.rows[0]?.draft?.name).toBe('张三');
	});

	it('a 100,001-character cell: cell_too_long in a mapped column, ignored elsewhere', async () => {
		const big = 'x'.repeat(100_001);
		const o = await importAll(utf8(`姓名,备注,其他\n甲,"${big}",\n乙,短,${big}\n丙,,\n`), {}, 4096);
		expect(o.rows.map((r) => [r.line, r.draft?.name ?? null, r.issues])).toEqual([
			[2, null, [{ field: 'notes', code: 'cell_too_long', severity: 'error', column: 2 }]],
			[3, '乙', []],
			[4, '丙', []]
		]);
	});

	it('a row without any name is rejected; a bad phone only warns', async () => {
		const o = await importAll(utf8('姓名,手机,备注\n,13812345678,空行但有备注\n王五,12345,\n'));
		expect(o.rows.map((r) => [r.draft?.name ?? null, r.issues.map((i) => i.code)])).toEqual([
			[null, ['name_missing']],
			['王五', ['phone_too_short']]
		]);
	});
});

describe('corpus: encodings', () => {
	it('a UTF-8 BOM does not leak into the first header', async () => {
		const o = await importAll(utf8('\uFEFF姓名,手机\n张三,13812345678\n'), {}, 1);
		expect(o.headers?.[0]).toBe('姓名');
		expect(o.mapping?.[0]).toBe('name');
	});

	it('one stray invalid byte in mostly-UTF-8 asks instead of guessing', async () => {
		const good = utf8('姓名,城市\n张三,北京\n李四,上海\n王五,广州\n');
		const o = await importAll(concat([good, bytes(0xb1, 0x2c, 0x41, 0x0a)]));
		expect(o.events).toEqual([
			{
				kind: 'ambiguous',
				code: 'encoding_ambiguous',
				byteOffset: good.length,
				candidates: [
					{ encoding: 'utf-8', excerpt: '\uFFFD,A' },
					{ encoding: 'gb18030', excerpt: '\uFFFD,A' }
				]
			}
		]);
	});

	it('UTF-16LE without a BOM, tab-separated (Excel "Unicode text")', async () => {
		const o = await importAll(utf16('姓名\t手机\r\n张三\t13812345678\r\n'), {}, 3);
		expect(o.first).toEqual({ kind: 'sniffed', encoding: 'utf-16le', delimiter: '\t' });
		expect(o.rows[0]?.draft).toMatchObject({ name: '张三', phones: ['+8613812345678'] });
	});

	it('UTF-16BE with a BOM', async () => {
		const o = await importAll(utf16('\uFEFFName,Email\r\nAnna,anna@example.com\r\n', true));
		expect(o.headers).toEqual(['Name', 'Email']);
		expect(o.rows[0]?.draft?.emails).toEqual(['anna@example.com']);
	});

	it('GB18030 characters outside GBK survive', async () => {
		const o = await importAll(
			encodeGb18030('客户名称,备注\r\n𠀀䶮科技有限公司,€ 与 ㊣\r\n'.repeat(1)),
			{},
			5
		);
		expect(o.first).toMatchObject({ encoding: 'gb18030' });
		expect(o.rows[0]?.draft).toMatchObject({ name: '𠀀䶮科技有限公司', notes: '€ 与 ㊣' });
	});

	it('Latin-1 European text is not silently read as Chinese', async () => {
		const o = await importAll(
			bytes(...utf8('Name;City\nM'), 0xfc, ...utf8('ller;K'), 0xf6, ...utf8('ln\n'))
		);
		expect(o.first).toMatchObject({ kind: 'ambiguous', code: 'encoding_ambiguous' });
	});

	it('NUL after the sniffed head is stripped from the cell, not stored', async () => {
		const pad = '甲,x\n'.repeat(20_000);
		const o = await importAll(utf8(`姓名,备注\n${pad}乙,a\u0000b\n`), {}, 65536);
		expect(o.rows.at(-1)?.draft).toMatchObject({ name: '乙', notes: 'ab' });
	});
});

describe('corpus: hostile content stays plain text', () => {
	it('formula, script and javascript: cells are stored verbatim and re-exported inert', async () => {
		const evil = "=cmd|' /C calc'!A0";
		const o = await importAll(
			utf8(`姓名,备注,微信\n<script>alert(1)</script>,"${evil}",javascript:alert(1)\n`)
		);
		expect(o.rows[0]?.draft).toMatchObject({
			name: '<script>alert(1)</script>',
			notes: evil,
			wechat: 'javascript:alert(1)'
		});
		const out = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			concat(toCsv([[evil, '+86 138', '-50']]))
		);
		expect(out).toBe(`\uFEFF'=cmd|' /C calc'!A0,'+86 138,'-50\r\n`);
	});

	it('a neutralised export cell comes back exactly', async () => {
		const file = concat(
			toCsv([
				['姓名', '手机', '备注'],
				['张三', '+8613812345678', '-50']
			])
		);
		const o = await importAll(file);
		expect(o.rows[0]?.draft).toMatchObject({ phones: ['+8613812345678'], notes: '-50' });
	});
});

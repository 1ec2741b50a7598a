import { describe, expect, it } from 'vitest';
import { cleanHeaders } from './headers';
import { parseRows, type ParseEvent, type ParsedRow, type ParseIssue } from './parse';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
	for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export async function parseAll(text: string, delimiter = ',', size = 5, batchSize = 2000) {
	const events: ParseEvent[] = [];
	for await (const ev of parseRows(chunks(text, size), { delimiter, batchSize })) events.push(ev);
	const header = events.find((e) => e.kind === 'header');
	const rows: ParsedRow[] = events.flatMap((e) => (e.kind === 'batch' ? e.rows : []));
	const issues: ParseIssue[] = events.flatMap((e) => (e.kind === 'batch' ? e.issues : []));
	return { events, headers: header?.kind === 'header' ? header.headers : null, rows, issues };
}

describe('cleanHeaders', () => {
	it('trims, drops BOMs, names empty headers and numbers duplicates', () => {
		expect(cleanHeaders(['\uFEFF 姓名 ', '', '电话', '电话', '电话 (2)', '　', '电话'])).toEqual([
			'姓名',
			'column_2',
			'电话',
			'电话 (2)',
			'电话 (2) (2)',
			'column_6',
			'电话 (3)'
		]);
	});

	it('keeps prototype-ish names as plain strings', () => {
		expect(cleanHeaders(['__proto__', 'constructor', 'prototype', '__proto__'])).toEqual([
			'__proto__',
			'constructor',
			'prototype',
			'__proto__ (2)'
		]);
	});
});

describe('parseRows', () => {
	it('numbers rows like a spreadsheet, skipping blank lines and keeping multi-line cells', async () => {
		const r = await parseAll('name,notes\r\n\r\nAnna,"line 1\r\nline 2"\r\nBen,x\r\n,\r\n');
		expect(r.headers).toEqual(['name', 'notes']);
		expect(r.rows).toEqual([
			{ line: 3, cells: ['Anna', 'line 1\r\nline 2'] },
			{ line: 4, cells: ['Ben', 'x'] }
		]);
	});

	it('yields batches of the requested size', async () => {
		const text = 'a\n' + Array.from({ length: 25 }, (_, i) => `r${i}`).join('\n');
		const r = await parseAll(text, ',', 7, 10);
		const sizes = r.events
			.filter((e) => e.kind === 'batch')
			.map((e) => (e.kind === 'batch' ? e.rows.length : 0));
		expect(sizes).toEqual([10, 10, 5]);
		expect(r.rows.at(-1)).toEqual({ line: 26, cells: ['r24'] });
	});

	it('pads short rows with a warning and drops long rows with data as errors', async () => {
		const r = await parseAll('a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n');
		expect(r.rows).toEqual([
			{ line: 2, cells: ['1', '2', ''] },
			{ line: 4, cells: ['1', '2', '3'] }
		]);
		expect(r.issues).toEqual([
			{ line: 2, code: 'row_ragged', severity: 'warning', expected: 3, actual: 2 },
			{ line: 3, code: 'row_ragged', severity: 'error', expected: 3, actual: 4 }
		]);
	});

	it('reports an unclosed quote at its row and parses the rows after it', async () => {
		const r = await parseAll('a,b\n1,2\n3,"oops\n5,6\n7,8\n');
		expect(r.issues).toEqual([{ line: 3, code: 'quote_unclosed', severity: 'error' }]);
		expect(r.rows.map((x) => x.line)).toEqual([2, 4, 5]);
		expect(r.rows[1]?.cells).toEqual(['5', '6']);
	});

	it('undoes formula neutralisation on every cell', async () => {
		const r = await parseAll("phone,n\n'+8613812345678,'-50\n");
		expect(r.rows[0]?.cells).toEqual(['+8613812345678', '-50']);
	});

	it('keeps a U+FEFF that starts a cell in the middle of the file', async () => {
		const r = await parseAll('a\n\uFEFFx\n', ',', 2);
		expect(r.rows[0]?.cells).toEqual(['\uFEFFx']);
	});
});

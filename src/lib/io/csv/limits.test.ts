/**
 * The caps on what one file may hold: the length of one cell and the number of columns. A cap
 * on a data row rejects that row (named by row and column) and the rest of the file is read; a
 * cap on the header row refuses the file, since without its header no row can be read.
 */
import { describe, expect, it } from 'vitest';
import { decodeChunks } from './decode';
import { MAX_COLUMNS, MAX_CSV_CELL } from './limits';
import { parseRows } from './parse';
import { previewCsv } from './preview';
import { SNIFF_BYTES } from './sniff';
import { chunked, importAll, utf8 } from './test-helpers';

const columns = (n: number, prefix: string): string =>
	Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(',');

describe('caps on a cell and on the columns', () => {
	it('a multi-MB unquoted cell rejects its row, naming the column; the other rows are read', async () => {
		const big = 'x'.repeat(3_000_000);
		const file = utf8(`Name,Notes,Other\nA,short,\nB,n,${big}\nC,,\n`);
		const o = await importAll(file, {}, 4096);
		expect(o.rows.map((r) => [r.line, r.draft?.name ?? null, r.issues])).toEqual([
			[2, 'A', []],
			[3, null, [{ field: '', code: 'cell_over_limit', severity: 'error', column: 3 }]],
			[4, 'C', []]
		]);
		expect(o.last).toMatchObject({ kind: 'done', summary: { accepted: 2, rejected: 1 } });
	});

	it('a data row of more than 2,000 cells is rejected; the other rows are read', async () => {
		const o = await importAll(utf8(`Name,Phone\nA,\n${columns(2_001, 'v')}\nC,\n`));
		expect(o.rows.map((r) => [r.line, r.draft?.name ?? null, r.issues])).toEqual([
			[2, 'A', []],
			[3, null, [{ field: '', code: 'columns_over_limit', severity: 'error', column: 2_001 }]],
			[4, 'C', []]
		]);
	});

	it('a header of more than 2,000 columns refuses the file, in the preview too', async () => {
		const file = utf8(`${columns(2_001, 'c')}\n${columns(2_001, 'v')}\n`);
		const o = await importAll(file);
		expect(o.last).toEqual({ kind: 'refused', code: 'file_columns_over_limit' });
		expect(await previewCsv(file, true)).toEqual({ ok: false, code: 'file_columns_over_limit' });
	});

	it('a header cell over the cell cap refuses the file (it is not a CSV file)', async () => {
		const o = await importAll(utf8(`Name,${'h'.repeat(1_000_001)}\nA,b\n`), {}, 65536);
		expect(o.last).toEqual({ kind: 'refused', code: 'file_cell_over_limit' });
	});

	it("a header too wide for the preview's first 64 KiB is refused by the preview already", async () => {
		const file = utf8(`${columns(20_000, 'a_long_column_name_')}\nA\n`);
		expect(file.length).toBeGreaterThan(SNIFF_BYTES);
		expect(await previewCsv(file.subarray(0, SNIFF_BYTES), false)).toEqual({
			ok: false,
			code: 'file_columns_over_limit'
		});
	});

	it('a full export of 100,000 customers with long notes is inside the caps', async () => {
		const extra = columns(10, 'x');
		const header = `Name,Phone,Email,Company,City,Address,Tags,Stage,Source,Notes,${extra}`;
		const notes = '需求：'.repeat(3_000);
		const lines = [header];
		for (let i = 0; i < 100_000; i++)
			lines.push(
				`客户${i},138${String(i).padStart(8, '0')},c${i}@example.cn,某某科技有限公司,杭州,` +
					`"西湖区, ${i}号",VIP,customer,referral,"${i % 1000 === 0 ? notes : '备注'}",${extra}`
			);
		const bytes = utf8(lines.join('\r\n'));
		let rows = 0;
		let issues = 0;
		const text = decodeChunks(chunked(bytes, 65_536), 'utf-8', { fatal: true });
		for await (const ev of parseRows(text, { delimiter: ',' })) {
			if (ev.kind === 'refused') throw new Error(ev.code);
			if (ev.kind !== 'batch') continue;
			rows += ev.rows.length;
			issues += ev.issues.length;
		}
		expect([rows, issues]).toEqual([100_000, 0]);
		expect(notes.length).toBeLessThan(MAX_CSV_CELL);
		expect(header.split(',').length).toBeLessThan(MAX_COLUMNS);
	});
});

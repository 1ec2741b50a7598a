/**
 * The caps on what one file may hold: the length of one cell and the number of columns. A cap
 * on a data row rejects that row (named by row and column) and the rest of the file is read; a
 * cap on the header row refuses the file, since without its header no row can be read.
 */
import { describe, expect, it } from 'vitest';
import { previewCsv } from './preview';
import { importAll, utf8 } from './test-helpers';

const columns = (n: number, prefix: string): string =>
	Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(',');

describe('caps on a cell and on the columns', () => {
	it.fails(
		'a multi-MB unquoted cell rejects its row, naming the column; the other rows are read',
		async () => {
			const big = 'x'.repeat(3_000_000);
			const file = utf8(`Name,Notes,Other\nA,short,\nB,n,${big}\nC,,\n`);
			const o = await importAll(file, {}, 4096);
			expect(o.rows.map((r) => [r.line, r.draft?.name ?? null, r.issues])).toEqual([
				[2, 'A', []],
				[3, null, [{ field: '', code: 'cell_over_limit', severity: 'error', column: 3 }]],
				[4, 'C', []]
			]);
			expect(o.last).toMatchObject({ kind: 'done', summary: { accepted: 2, rejected: 1 } });
		}
	);

	it.fails('a data row of more than 2,000 cells is rejected; the other rows are read', async () => {
		const o = await importAll(utf8(`Name,Phone\nA,\n${columns(2_001, 'v')}\nC,\n`));
		expect(o.rows.map((r) => [r.line, r.draft?.name ?? null, r.issues])).toEqual([
			[2, 'A', []],
			[3, null, [{ field: '', code: 'columns_over_limit', severity: 'error', column: 2_001 }]],
			[4, 'C', []]
		]);
	});

	it.fails('a header of more than 2,000 columns refuses the file, in the preview too', async () => {
		const file = utf8(`${columns(2_001, 'c')}\n${columns(2_001, 'v')}\n`);
		const o = await importAll(file);
		expect(o.last).toEqual({ kind: 'refused', code: 'file_columns_over_limit' });
		expect(await previewCsv(file, true)).toEqual({ ok: false, code: 'file_columns_over_limit' });
	});

	it.fails('a header cell over the cell cap refuses the file (it is not a CSV file)', async () => {
		const o = await importAll(utf8(`Name,${'h'.repeat(1_000_001)}\nA,b\n`), {}, 65536);
		expect(o.last).toEqual({ kind: 'refused', code: 'file_cell_over_limit' });
	});
});

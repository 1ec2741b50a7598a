/** Export → import gives back the same cells, byte for byte (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks, type CsvEncoding } from './decode';
import type { Delimiter } from './delimiter';
import { toCsv, type ExportEncoding } from './export';
import { parseRows } from './parse';
import { sniff } from './sniff';
import { chunked, concat } from './test-helpers';

async function reimport(
	bytes: Uint8Array,
	encoding: CsvEncoding,
	delimiter: Delimiter
): Promise<string[][]> {
	const rows: string[][] = [];
	const text = decodeChunks(chunked(bytes, 97), encoding, { fatal: true });
	for await (const ev of parseRows(text, { delimiter, batchSize: 50 })) {
		if (ev.kind === 'header') rows.push(ev.headers);
		else if (ev.kind === 'batch') {
			expect(ev.issues).toEqual([]);
			rows.push(...ev.rows.map((r) => r.cells));
		}
	}
	return rows;
}

/** Cells full of what breaks CSV: formula triggers, quotes, delimiters, line ends, BOMs. */
const nasty = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc
		.array(
			fc.constantFrom(
				'=',
				'+',
				'-',
				'@',
				"'",
				'\t',
				'\r',
				'\n',
				'\r\n',
				'"',
				',',
				';',
				'|',
				' ',
				'\uFEFF',
				'中',
				'a',
				'1'
			),
			{ maxLength: 8 }
		)
		.map((cs) => cs.join(''))
);

const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
	fc
		.array(
			fc
				.array(nasty, { minLength: width, maxLength: width })
				.filter((r) => r.some((c) => c.trim() !== '')),
			{ minLength: 1, maxLength: 12 }
		)
		.map((rows) => ({ header: Array.from({ length: width }, (_, i) => `h${i}`), rows }))
);

describe('export → import round trip', () => {
	for (const [encoding, read] of [
		['utf-8-bom', 'utf-8'],
		['gb18030', 'gb18030']
	] as [ExportEncoding, CsvEncoding][]) {
		for (const delimiter of [',', ';', '\t'] as Delimiter[]) {
			it(`${encoding}, ${JSON.stringify(delimiter)}: same cells, leading + - = @ included (property)`, async () => {
				const noPrivateUse = (s: string): string => s.replace(/[\uE000-\uF8FF]/g, '');
				await fc.assert(
					fc.asyncProperty(table, async ({ header, rows }) => {
						const clean = rows.map((r) => r.map(encoding === 'gb18030' ? noPrivateUse : (c) => c));
						if (!clean.every((r) => r.some((c) => c.trim() !== ''))) return;
						const bytes = concat(
							toCsv([header, ...clean], { encoding, delimiter, rowsPerChunk: 3 })
						);
						expect(await reimport(bytes, read, delimiter)).toEqual([header, ...clean]);
					}),
					{ numRuns: 150 }
				);
			});
		}
	}

	it('keeps +8613812345678, -50, =1+1 and @x exactly', async () => {
		const rows = [
			['phone', 'n', 'f', 'at'],
			['+8613812345678', '-50', '=1+1', '@x'],
			["'=quoted", "''", "'", '-']
		];
		expect(await reimport(concat(toCsv(rows)), 'utf-8', ',')).toEqual(rows);
	});

	it('sniffs its own exports back: UTF-8 BOM and GB18030, comma and semicolon', () => {
		const rows = [
			['客户名称', '手机', '备注'],
			['北京某某科技有限公司', '+8613812345678', '重点客户, 需回访']
		];
		expect(sniff(concat(toCsv(rows)), { complete: true })).toMatchObject({
			ok: true,
			encoding: 'utf-8',
			bom: true,
			delimiter: ','
		});
		expect(
			sniff(concat(toCsv(rows, { encoding: 'gb18030', delimiter: ';' })), { complete: true })
		).toMatchObject({
			ok: true,
			encoding: 'gb18030',
			delimiter: ';'
		});
	});
});

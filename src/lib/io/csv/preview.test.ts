import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { previewCsv } from './preview';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

describe('previewCsv', () => {
	it('reads a GBK file with its headers and first rows', async () => {
		const r = await previewCsv(fixture('excel-zh-gbk.csv'), true);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.encoding).toBe('gb18030');
		expect(r.headers.join('|')).toMatch(/[\u4e00-\u9fff]/);
		expect(r.rows.length).toBeGreaterThan(0);
	});

	it('re-reads with the encoding and delimiter the person chose', async () => {
		const bytes = new TextEncoder().encode('a;b\n1;2\n3;4\n');
		const guessed = await previewCsv(bytes, true);
		expect(guessed).toMatchObject({ ok: true, delimiter: ';', headers: ['a', 'b'] });
		const forced = await previewCsv(bytes, true, { delimiter: ',' });
		expect(forced).toMatchObject({
			ok: true,
			delimiter: ',',
			headers: ['a;b'],
			rows: [['1;2'], ['3;4']]
		});
	});

	it('drops a record cut at the end of the head', async () => {
		const r = await previewCsv(new TextEncoder().encode('name,city\nA,Hangzhou\nB,Shang'), false);
		expect(r).toMatchObject({ ok: true, rows: [['A', 'Hangzhou']] });
	});

	it('refuses what is not a CSV', async () => {
		expect(await previewCsv(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), true)).toMatchObject({
			ok: false,
			code: 'file_xlsx'
		});
	});
});

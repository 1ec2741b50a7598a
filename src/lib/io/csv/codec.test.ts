import { describe, expect, it } from 'vitest';
import { importCsv, type ImportEvent, type ImportOptions } from './codec';
import type { ImportTarget } from './fields';
import { encodeGb18030 } from './gb18030';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function run<T extends ImportTarget>(
	input: Parameters<typeof importCsv>[0],
	options: ImportOptions<T>
): Promise<ImportEvent<T>[]> {
	const out: ImportEvent<T>[] = [];
	for await (const ev of importCsv(input, options)) out.push(ev);
	return out;
}

async function* chunked(b: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < b.length; i += size) yield b.slice(i, i + size);
}

describe('importCsv', () => {
	it('emits sniffed → header → batch → progress → done', async () => {
		const bytes = utf8('姓名,手机\n张三,13812345678\n');
		const ev = await run(bytes, { target: 'customer' });
		expect(ev.map((e) => e.kind)).toEqual(['sniffed', 'header', 'batch', 'progress', 'done']);
		expect(ev[1]).toMatchObject({ headers: ['姓名', '手机'], mapping: ['name', 'phone'] });
		expect(ev[2]).toMatchObject({
			rows: [{ line: 2, draft: { name: '张三', phones: ['+8613812345678'] } }]
		});
		const n = bytes.length;
		expect(ev[3]).toEqual({ kind: 'progress', bytesRead: n, totalBytes: n, rows: 1 });
		expect(ev.at(-1)).toMatchObject({
			summary: { rows: 1, accepted: 1, rejected: 0, notice: null }
		});
	});

	it('uses a given mapping and ignores unknown field names in it', async () => {
		const ev = await run(utf8('a,b\nx,y\n'), {
			target: 'customer',
			mapping: ['notes', 'nonsense']
		});
		expect(ev[1]).toMatchObject({ mapping: ['notes', null] });
		expect(ev[2]).toMatchObject({ rows: [{ draft: null, issues: [{ code: 'name_missing' }] }] });
	});

	it('stops at a refusal or an ambiguous encoding, and continues once the encoding is chosen', async () => {
		expect(await run(new Uint8Array([0x50, 0x4b, 3, 4, 0]), { target: 'customer' })).toEqual([
			{ kind: 'refused', code: 'file_xlsx' }
		]);
		const bytes = new Uint8Array([...utf8('姓名\n张三\n李四\n'), 0xd5, 0xc5, 0x0a]);
		const first = await run(bytes, { target: 'customer' });
		expect(first).toHaveLength(1);
		expect(first[0]).toMatchObject({ kind: 'ambiguous', code: 'encoding_ambiguous' });
		const chosen = await run(bytes, { target: 'customer', encoding: 'utf-8' });
		expect(chosen.at(-1)).toMatchObject({ kind: 'done', summary: { rows: 3, accepted: 3 } });
	});

	it('fails with the byte offset when a bad byte appears after the sniffed head', async () => {
		const head = utf8('姓名\n' + '张三\n'.repeat(20_000));
		const bytes = new Uint8Array([...head, 0xff, 0x0a]);
		const ev = await run(chunked(bytes, 4096), { target: 'customer' });
		expect(ev.at(-1)).toEqual({
			kind: 'failed',
			code: 'encoding_invalid',
			byteOffset: head.length
		});
	});

	it('reports duplicates against existing customers and earlier rows', async () => {
		const text = '姓名,公司,邮箱\n张伟,北京某某科技有限公司,a@x.cn\n李娜,,b@x.cn\n李娜,,B@X.cn\n';
		const ev = await run(utf8(text), {
			target: 'customer',
			existing: [
				{ id: 'c1', kind: 'person', name: '张伟', company: '某某科技', phones: [], emails: [] }
			]
		});
		const rows = ev.flatMap((e) => (e.kind === 'batch' ? e.rows : []));
		expect(rows.map((r) => [r.duplicates, r.duplicateOfLines])).toEqual([
			[[{ id: 'c1', rule: 'same_name_company' }], []],
			[[], []],
			[[], [{ line: 3, rule: 'same_email' }]]
		]);
		expect(ev.at(-1)).toMatchObject({ summary: { duplicates: 2 } });
	});

	it('reads a GB18030 stream of interactions', async () => {
		const text = '客户,方式,时间,内容\r\n张伟,电话,2024/3/1 10:00,报价\r\n';
		const ev = await run(chunked(encodeGb18030(text), 3), {
			target: 'interaction',
			utcOffsetMinutes: 480
		});
		expect(ev[0]).toEqual({ kind: 'sniffed', encoding: 'gb18030', delimiter: ',' });
		expect(ev.find((e) => e.kind === 'batch')).toMatchObject({
			rows: [
				{
					line: 2,
					draft: { customerKey: '张伟', type: 'call', at: Date.UTC(2024, 2, 1, 2), summary: '报价' }
				}
			]
		});
	});

	it('streams 100,000 rows in batches of at most 2,000', async () => {
		const lines = ['客户名称,联系人,手机,电子邮箱,客户等级,生日,备注'];
		for (let i = 0; i < 100_000; i++)
			lines.push(
				`某某${i}科技有限公司,张${i},138${String(i).padStart(8, '0')},u${i}@example.cn,A,1990/1/${(i % 28) + 1},"备注,${i}"`
			);
		const bytes = encodeGb18030(lines.join('\r\n') + '\r\n');
		const started = performance.now();
		let batches = 0;
		let biggest = 0;
		let last: ImportEvent<'customer'> | undefined;
		for await (const ev of importCsv(chunked(bytes, 64 * 1024), { target: 'customer' })) {
			if (ev.kind === 'batch') {
				batches++;
				biggest = Math.max(biggest, ev.rows.length);
			}
			last = ev;
		}
		console.log(`100,000 GB18030 rows imported in ${Math.round(performance.now() - started)} ms`);
		expect(biggest).toBeLessThanOrEqual(2000);
		expect(batches).toBeGreaterThanOrEqual(50);
		expect(last).toMatchObject({
			kind: 'done',
			summary: { rows: 100_000, accepted: 100_000, duplicates: 0 }
		});
	});
});

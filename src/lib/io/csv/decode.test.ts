import { describe, expect, it } from 'vitest';
import { CsvDecodeError, decodeChunks } from './decode';
import { encodeGb18030 } from './gb18030';

async function collect(it: AsyncIterable<string>): Promise<string[]> {
	const out: string[] = [];
	for await (const s of it) out.push(s);
	return out;
}

async function* chunked(b: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < b.length; i += size) yield b.slice(i, i + size);
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeChunks', () => {
	it('joins characters split between chunks and yields several chunks', async () => {
		const text = '姓名,电话\n张三,13812345678\n😀,x\n'.repeat(5);
		const parts = await collect(decodeChunks(chunked(utf8(text), 5), 'utf-8'));
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.join('')).toBe(text);
	});

	it('strips the BOM so it never reaches the first header', async () => {
		const parts = await collect(decodeChunks(chunked(utf8('\uFEFFname,x\n'), 2), 'utf-8'));
		expect(parts.join('')).toBe('name,x\n');
		const gb = new Uint8Array([0x84, 0x31, 0x95, 0x33, ...encodeGb18030('客户\n')]);
		expect((await collect(decodeChunks(chunked(gb, 3), 'gb18030'))).join('')).toBe('客户\n');
		const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]);
		expect((await collect(decodeChunks(chunked(le, 1), 'utf-16le'))).join('')).toBe('a\n');
	});

	it('keeps a second U+FEFF (a real character) after the BOM', async () => {
		const parts = await collect(decodeChunks(chunked(utf8('\uFEFF\uFEFFa'), 64), 'utf-8'));
		expect(parts.join('')).toBe('\uFEFFa');
	});

	it('reads a web ReadableStream', async () => {
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(utf8('a,'));
				c.enqueue(utf8('b\n'));
				c.close();
			}
		});
		expect((await collect(decodeChunks(stream, 'utf-8'))).join('')).toBe('a,b\n');
	});

	it('reports the exact byte offset of an invalid byte when fatal', async () => {
		const good = utf8('名字,电话\n'.repeat(10));
		const bad = new Uint8Array([...good, 0xff, 0x41]);
		const run = collect(decodeChunks(chunked(bad, 7), 'utf-8', { fatal: true }));
		await expect(run).rejects.toBeInstanceOf(CsvDecodeError);
		await expect(run).rejects.toMatchObject({ code: 'encoding_invalid', byteOffset: good.length });
	});

	it('writes U+FFFD instead when not fatal', async () => {
		const parts = await collect(
			decodeChunks(chunked(new Uint8Array([0x61, 0xff, 0x62]), 1), 'utf-8')
		);
		expect(parts.join('')).toBe('a\uFFFDb');
	});
});

describe('decodeChunks at the end of the bytes', () => {
	it('points at the first byte of a character cut off by the end', async () => {
		const bytes = new Uint8Array([0x61, 0x62, 0xe4, 0xb8]);
		await expect(
			collect(decodeChunks(chunked(bytes, 64), 'utf-8', { fatal: true }))
		).rejects.toMatchObject({
			byteOffset: 2
		});
	});
});

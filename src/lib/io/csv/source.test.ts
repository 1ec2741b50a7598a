import { describe, expect, it } from 'vitest';
import { chunksOf, peek, totalBytes } from './source';
import { chunked, concat } from './test-helpers';

async function all(it: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const p of it) parts.push(p);
	return concat(parts);
}

const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

describe('peek', () => {
	it('returns the head and replays every byte exactly once', async () => {
		const p = await peek(chunked(data, 64), 300);
		expect(p.head).toEqual(data.subarray(0, 300));
		expect(p.complete).toBe(false);
		expect(await all(p.chunks)).toEqual(data);
	});

	it('says complete when the input is shorter than the head', async () => {
		const p = await peek(chunked(data, 64), 5000);
		expect(p.head).toEqual(data);
		expect(p.complete).toBe(true);
		expect(await all(p.chunks)).toEqual(data);
	});
});

describe('chunksOf', () => {
	it('reads bytes, ArrayBuffers, Blobs and web streams', async () => {
		expect(await all(chunksOf(data))).toEqual(data);
		expect(await all(chunksOf(data.slice().buffer))).toEqual(data);
		expect(await all(chunksOf(new Blob([data])))).toEqual(data);
		expect(await all(chunksOf(new Blob([data]).stream()))).toEqual(data);
		expect(totalBytes(new Blob([data]))).toBe(1000);
		expect(totalBytes(chunked(data, 10))).toBeNull();
	});
});

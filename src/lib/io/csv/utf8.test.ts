import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, scanUtf8 } from './utf8';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scanUtf8', () => {
	it('counts valid multi-byte sequences and finds invalid bytes', () => {
		const b = new Uint8Array([...utf8('中a😀'), 0xff, 0x41, 0xc0, 0xaf, 0xed, 0xa0, 0x80]);
		const s = scanUtf8(b);
		expect(s.multibyte).toBe(2);
		expect(s.invalid).toEqual([8, 10, 11, 12, 13, 14]);
		expect(s.invalidCount).toBe(6);
		expect(s.truncated).toBe(false);
	});

	it('counts every invalid byte even beyond the listed ones', () => {
		const s = scanUtf8(new Uint8Array(100).fill(0xff), 5);
		expect(s.invalid).toHaveLength(5);
		expect(s.invalidCount).toBe(100);
	});

	it('tells a cut-off sequence at the end from an invalid one', () => {
		expect(scanUtf8(utf8('中').subarray(0, 2)).truncated).toBe(true);
		expect(firstInvalidUtf8(new Uint8Array([0x41, ...utf8('中').subarray(0, 2)]))).toBe(1);
		expect(firstInvalidUtf8(utf8('全部有效'))).toBe(-1);
	});
});

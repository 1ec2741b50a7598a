import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex } from './sha256';

const nodeHex = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');

describe('Sha256', () => {
	it('matches the FIPS test vectors', () => {
		expect(sha256Hex(new Uint8Array())).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
	it('gives the same digest whatever the chunking, equal to node:crypto', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300)), (data, cuts) => {
				const h = new Sha256();
				let at = 0;
				for (const c of [...cuts].sort((a, b) => a - b)) {
					h.update(data.subarray(at, Math.max(at, c)));
					at = Math.max(at, c);
				}
				h.update(data.subarray(at));
				expect(h.hex()).toBe(nodeHex(data));
			}),
			{ numRuns: 300 }
		);
	});
});

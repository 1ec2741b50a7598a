/**
 * Incremental SHA-256 (FIPS 180-4). WebCrypto's digest() takes one whole buffer; a snapshot body
 * can be hundreds of megabytes, so the encoder and decoder hash it chunk by chunk as it streams.
 * Checked against node:crypto in sha256.test.ts.
 *
 * Everything is kept in Int32Array and `| 0` arithmetic so V8 stays on small integers (a
 * Uint32Array read above 2^31 would be a heap double). Typed-array reads are in range by
 * construction; their `?? 0` only satisfies noUncheckedIndexedAccess and costs nothing measurable.
 */
const K = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

export class Sha256 {
	#h = new Int32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	]);
	#w = new Int32Array(64);
	#block = new Uint8Array(64);
	#blockView = new DataView(this.#block.buffer);
	#used = 0;
	#length = 0;

	update(data: Uint8Array): this {
		let i = 0;
		this.#length += data.length;
		if (this.#used > 0) {
			const take = Math.min(64 - this.#used, data.length);
			this.#block.set(data.subarray(0, take), this.#used);
			this.#used += take;
			i = take;
			if (this.#used < 64) return this;
			compress(this.#h, this.#w, this.#blockView, 0);
			this.#used = 0;
		}
		if (i + 64 <= data.length) {
			const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
			for (; i + 64 <= data.length; i += 64) compress(this.#h, this.#w, view, i);
		}
		if (i < data.length) {
			this.#block.set(data.subarray(i), 0);
			this.#used = data.length - i;
		}
		return this;
	}

	/** The 32-byte digest. The hasher must not be used afterwards. */
	digest(): Uint8Array {
		const bits = this.#length * 8;
		const pad = new Uint8Array((this.#used < 56 ? 56 : 120) - this.#used + 8);
		pad[0] = 0x80;
		const view = new DataView(pad.buffer);
		view.setUint32(pad.length - 8, Math.floor(bits / 2 ** 32));
		view.setUint32(pad.length - 4, bits >>> 0);
		this.update(pad);
		const out = new Uint8Array(32);
		const outView = new DataView(out.buffer);
		this.#h.forEach((word, i) => outView.setInt32(i * 4, word));
		return out;
	}

	/** The digest as lower-case hex. The hasher must not be used afterwards. */
	hex(): string {
		return toHex(this.digest());
	}
}

function compress(h: Int32Array, w: Int32Array, view: DataView, at: number): void {
	for (let t = 0; t < 16; t++) w[t] = view.getInt32(at + t * 4);
	for (let t = 16; t < 64; t++) {
		const a = w[t - 15] ?? 0;
		const b = w[t - 2] ?? 0;
		const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
		const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
		w[t] = ((w[t - 16] ?? 0) + s0 + (w[t - 7] ?? 0) + s1) | 0;
	}
	let a = h[0] ?? 0;
	let b = h[1] ?? 0;
	let c = h[2] ?? 0;
	let d = h[3] ?? 0;
	let e = h[4] ?? 0;
	let f = h[5] ?? 0;
	let g = h[6] ?? 0;
	let hh = h[7] ?? 0;
	for (let t = 0; t < 64; t++) {
		const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + (K[t] ?? 0) + (w[t] ?? 0)) | 0;
		const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		hh = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	h[0] = ((h[0] ?? 0) + a) | 0;
	h[1] = ((h[1] ?? 0) + b) | 0;
	h[2] = ((h[2] ?? 0) + c) | 0;
	h[3] = ((h[3] ?? 0) + d) | 0;
	h[4] = ((h[4] ?? 0) + e) | 0;
	h[5] = ((h[5] ?? 0) + f) | 0;
	h[6] = ((h[6] ?? 0) + g) | 0;
	h[7] = ((h[7] ?? 0) + hh) | 0;
}

export function toHex(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += b.toString(16).padStart(2, '0');
	return s;
}

export function sha256Hex(data: Uint8Array): string {
	return new Sha256().update(data).hex();
}

/**
 * GB18030 encoder without a dependency: the table is built once from the platform's own
 * TextDecoder('gb18030') (Node 20 and browsers have it), so what we write is exactly what the
 * same decoder — ours on import, Excel's on open — reads back. Built on first use, so only a
 * GB18030 export pays for it.
 *
 * Layout (GB 18030): ASCII as one byte; 23,940 two-byte codes (lead 81-FE, trail 40-7E, 80-FE);
 * the rest of the BMP as four-byte codes 81 30 81 30 … 84 31 A4 39; code points above U+FFFF
 * as four-byte codes counted linearly from 90 30 81 30.
 */

let table: Uint32Array | null = null;

function buildTable(): Uint32Array {
	const t = new Uint32Array(0x10000);
	const decoder = new TextDecoder('gb18030');
	const two: number[] = [];
	for (let lead = 0x81; lead <= 0xfe; lead++)
		for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) two.push(lead, trail);
	const s2 = decoder.decode(new Uint8Array(two));
	for (let i = 0; i < s2.length; i++) {
		const cp = s2.charCodeAt(i);
		if (cp !== 0xfffd && t[cp] === 0) t[cp] = ((two[2 * i] ?? 0) << 8) | (two[2 * i + 1] ?? 0);
	}
	const four: number[] = [];
	for (let b1 = 0x81; b1 <= 0x84; b1++)
		for (let b2 = 0x30; b2 <= 0x39; b2++)
			for (let b3 = 0x81; b3 <= 0xfe; b3++)
				for (let b4 = 0x30; b4 <= 0x39; b4++) four.push(b1, b2, b3, b4);
	const s4 = decoder.decode(new Uint8Array(four));
	// Every four-byte code decodes to one BMP unit; past 84 31 A4 39 come U+FFFD errors, but the
	// first U+FFFD (84 31 A4 37) is the real code of U+FFFD, and ascending order meets it first.
	for (let i = 0; i < s4.length; i++) {
		const cp = s4.charCodeAt(i);
		if (t[cp] !== 0) continue;
		t[cp] =
			(((four[4 * i] ?? 0) << 24) |
				((four[4 * i + 1] ?? 0) << 16) |
				((four[4 * i + 2] ?? 0) << 8) |
				(four[4 * i + 3] ?? 0)) >>>
			0;
	}
	return t;
}

/** The byte for characters GB18030 (as the platform decodes it) has no code for. */
const REPLACEMENT = 0x3f; // '?'

export function encodeGb18030(s: string): Uint8Array {
	table ??= buildTable();
	const out = new Uint8Array(s.length * 4);
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const cp = s.codePointAt(i) ?? 0;
		if (cp < 0x80) {
			out[n++] = cp;
			continue;
		}
		if (cp > 0xffff) {
			i++; // the low surrogate
			let v = cp - 0x10000;
			const b4 = 0x30 + (v % 10);
			v = Math.floor(v / 10);
			const b3 = 0x81 + (v % 126);
			v = Math.floor(v / 126);
			out[n++] = 0x90 + Math.floor(v / 10);
			out[n++] = 0x30 + (v % 10);
			out[n++] = b3;
			out[n++] = b4;
			continue;
		}
		const code = table[cp] ?? 0;
		if (code === 0) out[n++] = REPLACEMENT;
		else if (code > 0xffff) {
			out[n++] = code >>> 24;
			out[n++] = (code >>> 16) & 0xff;
			out[n++] = (code >>> 8) & 0xff;
			out[n++] = code & 0xff;
		} else {
			out[n++] = code >>> 8;
			out[n++] = code & 0xff;
		}
	}
	return out.slice(0, n);
}

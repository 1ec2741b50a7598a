#!/usr/bin/env node
// Draws Rapport's icons (a rounded-R monogram on the theme blue) and writes them as PNG files
// with node:zlib only, so no image library is needed. Run: node scripts/make-icons.mjs
// Shapes are signed distance functions; a pixel's coverage comes from its distance to the
// edge, which gives clean anti-aliased edges at every size.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../static/icons/', import.meta.url);
const TOP = [0x2a, 0x78, 0xab]; // lighter blue at the top
const BOTTOM = [0x1f, 0x5f, 0x8b]; // theme colour (#1f5f8b)
const INK = [0xff, 0xff, 0xff];

// --- geometry, in units of the icon size (0..1) ---
function segment(px, py, ax, ay, bx, by) {
	const dx = bx - ax;
	const dy = by - ay;
	const h = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(px - ax - dx * h, py - ay - dy * h);
}
function roundedSquare(px, py, inset, radius) {
	// distance to a square [inset, 1-inset]² with rounded corners (negative inside)
	const qx = Math.abs(px - 0.5) - (0.5 - inset - radius);
	const qy = Math.abs(py - 0.5) - (0.5 - inset - radius);
	return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}
/** The letter R as round-capped strokes: stem, bowl (two bars and a half ring) and leg. */
function letterR(px, py) {
	const w = 0.045; // half stroke width
	const cx = 0.5;
	const cy = 0.4;
	const r = 0.1;
	let d = segment(px, py, 0.36, 0.3, 0.36, 0.71); // stem
	d = Math.min(d, segment(px, py, 0.36, 0.3, cx, 0.3)); // top bar
	d = Math.min(d, segment(px, py, 0.36, 0.5, cx, 0.5)); // middle bar
	if (px >= cx) d = Math.min(d, Math.abs(Math.hypot(px - cx, py - cy) - r)); // bowl
	d = Math.min(d, segment(px, py, 0.5, 0.5, 0.64, 0.71)); // leg
	return d - w;
}

function draw(size, { maskable }) {
	const px = Buffer.alloc(size * size * 4);
	// A maskable icon fills the square; its content stays inside the central 80% safe circle.
	const glyphScale = maskable ? 0.78 : 1;
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const u = (x + 0.5) / size;
			const v = (y + 0.5) / size;
			const bg = maskable ? -1 : roundedSquare(u, v, 0.04, 0.2);
			const bgA = Math.max(0, Math.min(1, 0.5 - bg * size));
			const gu = (u - 0.5) / glyphScale + 0.5 + 0.01; // +0.01 centres the R optically
			const gv = (v - 0.5) / glyphScale + 0.5;
			const inkA = Math.max(0, Math.min(1, 0.5 - letterR(gu, gv) * glyphScale * size));
			const i = (y * size + x) * 4;
			for (let c = 0; c < 3; c++) {
				const base = TOP[c] + (BOTTOM[c] - TOP[c]) * v;
				px[i + c] = Math.round(base + (INK[c] - base) * inkA);
			}
			px[i + 3] = Math.round(255 * bgA);
		}
	}
	return png(size, size, px);
}

// --- PNG encoding: signature, IHDR, one IDAT (filter 0 per row), IEND ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}
function png(width, height, rgba) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 6; // colour type RGBA
	const raw = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) {
		raw[y * (width * 4 + 1)] = 0;
		rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

mkdirSync(OUT, { recursive: true });
const icons = [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['maskable-512.png', 512, true],
	['apple-touch-icon.png', 180, true]
];
for (const [name, size, maskable] of icons) {
	writeFileSync(new URL(name, OUT), draw(size, { maskable }));
	console.log(`wrote static/icons/${name} (${size}×${size}${maskable ? ', maskable' : ''})`);
}

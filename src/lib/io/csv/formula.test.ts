import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, restoreCell } from './formula';

describe('formula neutralisation', () => {
	it('prefixes cells a spreadsheet would run as a formula', () => {
		expect(neutralizeCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
		expect(neutralizeCell('+8613812345678')).toBe("'+8613812345678");
		expect(neutralizeCell('-50')).toBe("'-50");
		expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutralizeCell('\t=1')).toBe("'\t=1");
		expect(neutralizeCell('\r=1')).toBe("'\r=1");
	});

	it('leaves ordinary cells alone', () => {
		for (const s of ['张伟', 'a=b', '', "'quoted", '1+1', ' =1']) expect(neutralizeCell(s)).toBe(s);
	});

	it('guards cells that already start with apostrophes before a trigger', () => {
		expect(neutralizeCell("'=1")).toBe("''=1");
		expect(restoreCell("''=1")).toBe("'=1");
	});

	it('undoes exactly one prefix on import', () => {
		expect(restoreCell("'+8613812345678")).toBe('+8613812345678');
		expect(restoreCell("'-50")).toBe('-50');
		expect(restoreCell("'quoted")).toBe("'quoted");
		expect(restoreCell("'")).toBe("'");
	});

	it('round-trips every string (property)', () => {
		const cell = fc.oneof(
			fc.string(),
			fc
				.tuple(
					fc.constantFrom("'", "''", ''),
					fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'x'),
					fc.string()
				)
				.map(([a, b, c]) => a + b + c)
		);
		fc.assert(fc.property(cell, (s) => restoreCell(neutralizeCell(s)) === s));
	});
});

import { describe, expect, it } from 'vitest';
import { Interner } from './interner';

describe('Interner', () => {
	it('returns an equal text and keeps each distinct text once', () => {
		const interner = new Interner();
		expect(interner.size).toBe(0);
		for (const city of ['上海', '北京', '上海', '上海', '北京', '']) {
			expect(interner.intern(city)).toBe(city);
		}
		expect(interner.size).toBe(3);
	});

	it('keeps no new texts past its limit, and still returns every text unchanged', () => {
		const interner = new Interner(2);
		for (const t of ['a', 'b', 'c', 'd', 'a', 'c']) expect(interner.intern(t)).toBe(t);
		expect(interner.size).toBe(2);
	});
});

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

describe('Interner lists', () => {
	it('returns one frozen copy of each distinct list, equal to what it was given', () => {
		const interner = new Interner();
		const a = interner.internList(['VIP', '重点']);
		expect(a).toEqual(['VIP', '重点']);
		expect(Object.isFrozen(a)).toBe(true);
		expect(interner.internList(['VIP', '重点'])).toBe(a);
		expect(interner.internList(['重点', 'VIP'])).not.toBe(a);
		expect(interner.listCount).toBe(2);
	});

	it('tells lists apart whatever characters their texts hold', () => {
		const interner = new Interner();
		const lists = [['a', 'b'], ['a,b'], ['a\u0000b'], ['a', '', 'b'], ['"a","b"'], []];
		const kept = lists.map((l) => interner.internList(l));
		kept.forEach((k, i) => expect(k).toEqual(lists[i]));
		expect(new Set(kept).size).toBe(lists.length);
	});

	it('keeps no new lists past its limit, and still returns every list equal', () => {
		const interner = new Interner(1);
		const b = interner.internList(['b']);
		expect(interner.internList(['a'])).toEqual(['a']);
		expect(interner.internList(['b'])).toBe(b);
		expect(interner.listCount).toBe(1);
	});
});

import { describe, expect, it } from 'vitest';
import { Counter, countBy, sumCounts } from './counter';

describe('Counter', () => {
	it('adds, totals and ignores bad amounts', () => {
		const c = new Counter();
		c.add('a');
		c.add('a', 2);
		c.add('b', Number.NaN);
		c.add('b', -1);
		expect(c.get('a')).toBe(3);
		expect(c.get('b')).toBe(0);
		expect(c.total).toBe(3);
	});
	it('rows follow the given keys with zeros, then extra keys sorted', () => {
		const c = new Counter<string>();
		c.add('z');
		c.add('x', 2);
		c.add('b');
		expect(c.rows(['a', 'b'])).toEqual([
			{ key: 'a', value: 0 },
			{ key: 'b', value: 1 },
			{ key: 'x', value: 2 },
			{ key: 'z', value: 1 }
		]);
	});
	it('rows without keys: largest first, ties by key', () => {
		const c = new Counter();
		c.add('b');
		c.add('a');
		c.add('c', 5);
		expect(c.rows().map((r) => r.key)).toEqual(['c', 'a', 'b']);
	});
});

describe('countBy and sumCounts', () => {
	it('countBy skips null keys', () => {
		const rows = countBy([1, 2, 3, 4, 5], (n) => (n === 5 ? null : n % 2 ? 'odd' : 'even'), [
			'odd',
			'even'
		]);
		expect(rows).toEqual([
			{ key: 'odd', value: 2 },
			{ key: 'even', value: 2 }
		]);
	});
	it('sumCounts merges pre-counted pairs', () => {
		expect(
			sumCounts([
				['a', 2],
				['a', 3],
				['b', 1]
			] as const)
		).toEqual([
			{ key: 'a', value: 5 },
			{ key: 'b', value: 1 }
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { Counter } from './counter';

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

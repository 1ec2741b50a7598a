import { describe, expect, it } from 'vitest';
import { countByOwner } from './owner-counts';

describe('countByOwner', () => {
	it('counts rows per owner, the unowned included', () => {
		const rows = ['a', 'b', 'a', ''].map((ownerId) => ({ ownerId }));
		expect([...countByOwner(rows)].sort()).toEqual([
			['', 1],
			['a', 2],
			['b', 1]
		]);
	});
	it('is empty for no rows', () => {
		expect(countByOwner([]).size).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import { asideChanges, contentFields } from './aside-changes';

describe('asideChanges', () => {
	it('lists the fields whose values differ, not the stamps or the id', () => {
		const stored = { id: 'p', _meta: { a: 1 }, baseMinor: 600_000, brackets: [{ r: '3' }], x: 1 };
		const incoming = { id: 'p', _meta: { a: 2 }, baseMinor: 900_000, brackets: [{ r: '3' }], x: 1 };
		expect(asideChanges(stored, incoming)).toEqual([
			{ field: 'baseMinor', before: 600_000, after: 900_000 }
		]);
	});

	it('lists every field of a record the lead does not have', () => {
		expect(asideChanges(null, { id: 'p', a: 1, b: 'x' })).toEqual([
			{ field: 'a', before: null, after: 1 },
			{ field: 'b', before: null, after: 'x' }
		]);
	});

	it('keeps the content without id and stamps', () => {
		expect(contentFields({ id: 'p', _meta: {}, a: 1 })).toEqual({ a: 1 });
	});
});

import { describe, expect, it } from 'vitest';
import { createRecord, editRecord, sameValue } from './edit';
import type { Synced } from './stamp';

interface Rec extends Synced {
	name: string;
	tags: string[];
	searchKeys: string;
}
const s1 = { hlc: '000000000000001:0000:a', by: 'm1' };
const s2 = { hlc: '000000000000002:0000:a', by: 'm2' };

describe('createRecord / editRecord', () => {
	const rec = createRecord<Rec>('r1', { name: 'A', tags: ['x'], searchKeys: 'a' }, s1);

	it('stamps a new record once', () => {
		expect(rec._meta).toEqual({ created: s1, updated: s1.hlc });
	});

	it('stamps only the fields whose value changed', () => {
		const { next, changed } = editRecord(rec, { name: 'B', tags: ['x'] }, s2);
		expect(changed).toEqual(['name']);
		expect(next._meta).toEqual({ created: s1, fields: { name: s2 }, updated: s2.hlc });
		expect(next.tags).toEqual(['x']);
	});

	it('does not stamp derived fields, and a no-op edit changes nothing', () => {
		const derivedOnly = editRecord(rec, { searchKeys: 'zz' }, s2, ['searchKeys']);
		expect(derivedOnly.next._meta).toBe(rec._meta);
		expect(derivedOnly.next.searchKeys).toBe('zz');
		const none = editRecord(rec, { name: 'A' }, s2);
		expect(none.changed).toEqual([]);
		expect(none.next._meta).toBe(rec._meta);
	});

	it('never lets a stamp move `updated` backwards', () => {
		const later = editRecord(rec, { name: 'B' }, s2).next;
		const older = editRecord(later, { name: 'C' }, s1).next;
		expect(older._meta.updated).toBe(s2.hlc);
	});

	it('compares structurally', () => {
		expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
		expect(sameValue([1], { 0: 1 })).toBe(false);
		expect(sameValue(null, {})).toBe(false);
	});
});

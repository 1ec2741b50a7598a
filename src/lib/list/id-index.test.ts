import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashId, IdIndex } from './id-index';

interface Rec {
	id: string;
	v: number;
}
const byId = (r: Rec) => r.id;

/** Ids that really share a hash: found by trying, so that the collision paths are exercised. */
function collidingIds(groups: number): string[][] {
	const seen = new Map<number, string>();
	const found: string[][] = [];
	for (let i = 0; found.length < groups; i++) {
		const id = `c-${i}`;
		const h = hashId(id);
		const other = seen.get(h);
		if (other === undefined) seen.set(h, id);
		else found.push([other, id]);
	}
	return found;
}

const pairs = collidingIds(3);
const pool = [...pairs.flat(), 'a', 'b', '张三', '', 'b6a3c1de-0000-4000-8000-000000000001'];

type Op =
	{ op: 'set'; id: string; v: number } | { op: 'delete'; id: string } | { op: 'get'; id: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ op: fc.constant('set' as const), id: fc.constantFrom(...pool), v: fc.integer() }),
	fc.record({ op: fc.constant('delete' as const), id: fc.constantFrom(...pool) }),
	fc.record({ op: fc.constant('get' as const), id: fc.constantFrom(...pool) })
);

describe('hashId', () => {
	it('is a non-negative 30-bit integer (a Smi) and the same for equal strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
				const h = hashId(s);
				expect(Number.isInteger(h)).toBe(true);
				expect(h).toBeGreaterThanOrEqual(0);
				expect(h).toBeLessThan(2 ** 30);
				expect(hashId(s.slice())).toBe(h);
			})
		);
	});

	it('spreads 100,000 uuid-like ids with only a handful of collisions', () => {
		const hashes = new Set<number>();
		for (let i = 0; i < 100_000; i++) {
			const hex = i.toString(16).padStart(12, '0');
			hashes.add(hashId(`0f3c2a9e-1b7d-4c55-8e21-${hex}`));
		}
		expect(100_000 - hashes.size).toBeLessThan(50);
	});
});

describe('IdIndex', () => {
	it('collision groups used below really collide', () => {
		for (const [a, b] of pairs) {
			expect(a).not.toBe(b);
			expect(hashId(a ?? '')).toBe(hashId(b ?? ''));
		}
	});

	it('behaves like a Map from id to value under any mix of set, delete and get', () => {
		fc.assert(
			fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
				const index = new IdIndex<Rec>(byId);
				const model = new Map<string, Rec>();
				for (const o of ops) {
					if (o.op === 'set') {
						const r = { id: o.id, v: o.v };
						index.set(r);
						model.set(o.id, r);
					} else if (o.op === 'delete') {
						expect(index.delete(o.id)).toBe(model.delete(o.id));
					} else {
						expect(index.get(o.id)).toBe(model.get(o.id));
						expect(index.has(o.id)).toBe(model.has(o.id));
					}
					expect(index.size).toBe(model.size);
				}
				const values = [...index.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
				const expected = [...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
				expect(values).toEqual(expected);
			})
		);
	});

	it('is built from an iterable, the last value of an id winning', () => {
		const [a, b] = pairs[0] ?? [];
		const index = new IdIndex<Rec>(byId, [
			{ id: a ?? '', v: 1 },
			{ id: b ?? '', v: 2 },
			{ id: a ?? '', v: 3 }
		]);
		expect(index.size).toBe(2);
		expect(index.get(a ?? '')?.v).toBe(3);
		expect(index.get(b ?? '')?.v).toBe(2);
		expect(index.get('nobody')).toBeUndefined();
	});

	it('keeps string values by themselves (a set of ids)', () => {
		const ids = new IdIndex<string>((s) => s, ['x', 'y']);
		expect(ids.has('x')).toBe(true);
		expect(ids.has('z')).toBe(false);
		expect(ids.delete('x')).toBe(true);
		expect([...ids.values()]).toEqual(['y']);
	});
});

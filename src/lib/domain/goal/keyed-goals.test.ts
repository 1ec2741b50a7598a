import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goalId } from '../team/keyed-id';
import type { Goal } from './goal';
import { currentGoals, keyOf, selectGoals } from './keyed-goals';

const KEY = {
	ownerId: 'li',
	metric: 'sales_amount',
	periodKind: 'month',
	periodStart: '2026-04-01'
} as const;
const KEYED = goalId('li', 'sales_amount', 'month', '2026-04-01');

function goal(id: string, updated: string, p: Partial<Goal> = {}): Goal {
	return {
		id,
		...KEY,
		target: 100,
		setBy: 'lead',
		trashedAt: null,
		_meta: { created: updated, updated, fields: {} },
		...p
	} as Goal;
}

describe('selectGoals', () => {
	it('prefers the keyed goal to an older copy with a random id, even a newer one', () => {
		const keyed = goal(KEYED, 'b');
		const older = goal('7f3c-random', 'a', { target: 50 });
		const newer = goal('9e1d-random', 'c', { target: 70 });
		const s = selectGoals([older, keyed, newer]);
		expect(s.current).toEqual([keyed]);
		expect(s.retired).toEqual([older, newer]);
	});
	it('a deleted keyed goal is not brought back by an old copy', () => {
		const keyed = goal(KEYED, 'b', { trashedAt: 5 });
		const copy = goal('random', 'c');
		expect(selectGoals([keyed, copy])).toEqual({ current: [], retired: [copy] });
	});
	it('without a keyed goal, the copy written last stands for the key', () => {
		const a = goal('a-random', 'a', { target: 50 });
		const b = goal('b-random', 'b', { target: 70 });
		expect(selectGoals([b, a])).toEqual({ current: [b], retired: [a] });
	});
	it('keeps goals of other keys apart, and leaves trashed copies out of both lists', () => {
		const june = goal(goalId('li', 'sales_amount', 'month', '2026-06-01'), 'a', {
			periodStart: '2026-06-01'
		});
		const wang = goal('w-random', 'a', { ownerId: 'wang' });
		const gone = goal('gone', 'z', { trashedAt: 1, ownerId: 'zhao' });
		expect(selectGoals([june, wang, gone])).toEqual({ current: [june, wang], retired: [] });
	});
	it('a team goal is a key of its own', () => {
		const team = goal(goalId('li', 'sales_amount', 'month', '2026-04-01', 'team'), 'a');
		expect(keyOf(team)).not.toBe(KEYED);
		expect(currentGoals([team, goal(KEYED, 'a')])).toHaveLength(2);
	});
	it('laws: one live goal per key, whatever the order; nothing is lost or counted twice', () => {
		const arb = fc.array(
			fc.record({
				keyed: fc.boolean(),
				owner: fc.constantFrom('li', 'wang'),
				updated: fc.constantFrom('a', 'b', 'c'),
				trashed: fc.boolean(),
				n: fc.nat(1000)
			}),
			{ maxLength: 12 }
		);
		let checked = 0;
		fc.assert(
			fc.property(arb, (specs) => {
				const seen = new Set<string>();
				const goals = specs.flatMap((s) => {
					const id = s.keyed ? goalId(s.owner, 'sales_amount', 'month', '2026-04-01') : `r${s.n}`;
					if (seen.has(id)) return [];
					seen.add(id);
					return [goal(id, s.updated, { ownerId: s.owner, trashedAt: s.trashed ? 1 : null })];
				});
				const s = selectGoals(goals);
				const keys = s.current.map(keyOf);
				expect(new Set(keys).size).toBe(keys.length);
				expect(s.current.length + s.retired.length).toBe(
					goals.filter((g) => g.trashedAt === null).length
				);
				const reversed = selectGoals([...goals].reverse())
					.current.map((g) => g.id)
					.sort();
				expect(reversed).toEqual(s.current.map((g) => g.id).sort());
				if (s.retired.length) checked++;
			}),
			{ numRuns: 500 }
		);
		expect(checked).toBeGreaterThan(0);
	});
});

import { describe, expect, it } from 'vitest';
import { validateWorkPlan } from '../plan/work-plan';
import { emptiedPatch, EMPTIED_AT, inTrash, isKeyedKind, KEYED_KINDS } from './keyed';
import { TRASH_KINDS } from './kinds';

describe('keyed records deleted for good', () => {
	it('are kinds of the trash, and only the ones keyed by what they are about', () => {
		for (const kind of KEYED_KINDS) expect(TRASH_KINDS).toContain(kind);
		expect(TRASH_KINDS.filter(isKeyedKind)).toEqual(['goals', 'workPlans', 'checklists']);
	});

	it('empty a plan to a valid plan of nothing, keeping its key', () => {
		const patch = emptiedPatch('workPlans');
		expect(patch).toEqual({
			planned: { visits: 0, calls: 0, new_customers: 0 },
			dealIds: [],
			leadComment: '',
			trashedAt: EMPTIED_AT
		});
		expect('memberId' in patch || 'span' in patch || 'start' in patch).toBe(false);
		const plan = { memberId: 'm', span: 'week' as const, start: '2026-03-09', leadComment: '' };
		expect(validateWorkPlan({ ...plan, planned: patch.planned!, dealIds: patch.dealIds! })).toEqual(
			[]
		);
		// Each call is a fresh value: a caller's change never reaches the next one.
		patch.dealIds!.push('d');
		expect(emptiedPatch('workPlans').dealIds).toEqual([]);
	});

	it('empty a checklist of its items, keeping its scope', () => {
		expect(emptiedPatch('checklists')).toEqual({ items: [], trashedAt: EMPTIED_AT });
	});

	it('empty a goal of its target, keeping whose, which metric and period', () => {
		expect(emptiedPatch('goals')).toEqual({ target: 0, trashedAt: EMPTIED_AT });
	});

	it('are out of the trash, as are live records; a real time is in it', () => {
		expect(inTrash(EMPTIED_AT)).toBe(false);
		expect(inTrash(null)).toBe(false);
		expect(inTrash(undefined)).toBe(false);
		expect(inTrash('5')).toBe(false);
		expect(inTrash(-1)).toBe(false);
		expect(inTrash(1)).toBe(true);
		expect(inTrash(Date.UTC(2026, 0, 1))).toBe(true);
	});
});

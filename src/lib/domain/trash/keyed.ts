import type { Goal } from '../goal/goal';
import type { StoredChecklist, StoredWorkPlan } from '../plan/synced';
import { PLAN_MEASURES, type PlanMeasure } from '../plan/work-plan';
import type { TrashKind } from './kinds';

/**
 * Deleting for good a record that exists once per key. A member's goal of a metric and period,
 * their plan of a week and the checklist of a stage take their key as id, so that two devices
 * write one record (goals made before they were keyed have random ids, and are emptied all the
 * same: one rule per kind). A tombstone
 * wins over every later edit, on every device, for ever: one on such an id would refuse the key
 * itself, and the plan of that week saved again would vanish at the next file. So deleting one
 * for good empties it instead, by stamped edits that travel like any (its content cleared, its
 * `trashedAt` set to EMPTIED_AT): what it held is gone here and, once merged, at teammates, while
 * setting the same key again simply writes it anew.
 */

/** The `trashedAt` of an emptied record: before any real time, so no reader of the trash sees it. */
export const EMPTIED_AT = 0;

export const KEYED_KINDS = ['goals', 'workPlans', 'checklists'] as const;
export type KeyedKind = (typeof KEYED_KINDS)[number];

export function isKeyedKind(kind: TrashKind): kind is KeyedKind {
	return (KEYED_KINDS as readonly string[]).includes(kind);
}

type Content<T> = Partial<Omit<T, 'id' | '_meta'>>;

const EMPTIED = {
	goals: (): Content<Goal> => ({ target: 0, trashedAt: EMPTIED_AT }),
	workPlans: (): Content<StoredWorkPlan> => ({
		planned: Object.fromEntries(PLAN_MEASURES.map((m) => [m, 0])) as Record<PlanMeasure, number>,
		dealIds: [],
		leadComment: '',
		trashedAt: EMPTIED_AT
	}),
	checklists: (): Content<StoredChecklist> => ({ items: [], trashedAt: EMPTIED_AT })
} satisfies Record<KeyedKind, () => object>;

/** What emptying a keyed record writes: its content cleared, its key fields kept. */
export function emptiedPatch<K extends KeyedKind>(kind: K): ReturnType<(typeof EMPTIED)[K]> {
	return EMPTIED[kind]() as ReturnType<(typeof EMPTIED)[K]>;
}

/** Whether a record is in the trash: trashed at a real time, not emptied nor live. */
export function inTrash(trashedAt: unknown): trashedAt is number {
	return typeof trashedAt === 'number' && trashedAt > EMPTIED_AT;
}

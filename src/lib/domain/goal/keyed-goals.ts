import { goalId } from '../team/keyed-id';
import type { Goal } from './goal';

/**
 * One goal per key (owner, metric, period). Goals made before their ids were derived from that
 * key (domain/team/keyed-id.ts) have random ids, and an old snapshot file can still bring them
 * in beside the keyed goal of the same key: both would count, twice in a total, and a review
 * would pick either. The rule: the keyed record decides its key, whether it is live or deleted
 * (a goal the lead deleted is not brought back by an old copy); without a keyed record, the copy
 * written last stands for the key, as a person who corrected a target expects. Every other copy
 * is retired: left out of every read, and trashed by the next write of its key.
 */

type KeyedGoal = Pick<
	Goal,
	'id' | 'ownerId' | 'metric' | 'periodKind' | 'periodStart' | 'trashedAt' | '_meta'
>;

/** The keyed id a goal's key has; a goal on a supervisor's team figures keeps its `:team` id. */
export function keyOf(goal: KeyedGoal): string {
	const own = goalId(goal.ownerId, goal.metric, goal.periodKind, goal.periodStart);
	const team = goalId(goal.ownerId, goal.metric, goal.periodKind, goal.periodStart, 'team');
	return goal.id === team ? team : own;
}

export interface GoalSelection<G> {
	/** The live goal of each key that has one, in the order given. */
	current: G[];
	/** Live copies that another record of their key overrules. */
	retired: G[];
}

function wins(a: KeyedGoal, b: KeyedGoal, key: string): boolean {
	const aKeyed = a.id === key;
	const bKeyed = b.id === key;
	if (aKeyed !== bKeyed) return aKeyed;
	return a._meta.updated > b._meta.updated || (a._meta.updated === b._meta.updated && a.id > b.id);
}

/** Splits goals into the one that stands for each key and the copies to retire. */
export function selectGoals<G extends KeyedGoal>(goals: Iterable<G>): GoalSelection<G> {
	const all = [...goals];
	const best = new Map<string, G>();
	for (const g of all) {
		const key = keyOf(g);
		const held = best.get(key);
		if (!held || wins(g, held, key)) best.set(key, g);
	}
	const current: G[] = [];
	const retired: G[] = [];
	for (const g of all) {
		if (g.trashedAt !== null) continue;
		if (best.get(keyOf(g)) === g) current.push(g);
		else retired.push(g);
	}
	return { current, retired };
}

/** The goals that count: one live goal per key. */
export function currentGoals<G extends KeyedGoal>(goals: Iterable<G>): G[] {
	return selectGoals(goals).current;
}

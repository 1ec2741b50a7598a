import type { Period } from '../shared/dates';
import type { EpochMs, Id } from '../shared/types';
import type { Hierarchy } from './hierarchy';

/**
 * Figures rolled up through the dated hierarchy. A contribution is one fact, or many already
 * summed (a day's tally), owned by a member at an instant: it adds to its owner's own figures,
 * and to the team figures of its owner and of everyone above the owner *at that instant*. So a
 * member who moves team keeps their past under the team they were in then, and moving someone
 * after a period changes nothing in it.
 */

export interface Contribution<K extends string> {
	ownerId: Id;
	at: EpochMs;
	key: K;
	amount: number;
	/** The record the fact was read from, when there is one: what a drill-down lists. */
	source?: object;
}

export type Figures<K extends string> = Partial<Record<K, number>>;

export interface RollUp<K extends string> {
	/** Each member's own figures. */
	own: Map<Id, Figures<K>>;
	/** Each member's team figures: their own plus those of everyone under them at the time. */
	team: Map<Id, Figures<K>>;
}

function add<K extends string>(map: Map<Id, Figures<K>>, id: Id, key: K, amount: number): void {
	let f = map.get(id);
	if (!f) map.set(id, (f = {}));
	f[key] = (f[key] ?? 0) + amount;
}

/**
 * Sums contributions inside `span` ([startAt, endAt)); contributions outside it, or with an amount
 * that is not a finite number, are left out.
 */
export function rollUp<K extends string>(
	contributions: Iterable<Contribution<K>>,
	hierarchy: Hierarchy,
	span: Pick<Period, 'startAt' | 'endAt'>
): RollUp<K> {
	const own = new Map<Id, Figures<K>>();
	const team = new Map<Id, Figures<K>>();
	for (const c of contributions) {
		if (!(c.at >= span.startAt && c.at < span.endAt) || !Number.isFinite(c.amount)) continue;
		add(own, c.ownerId, c.key, c.amount);
		for (const id of hierarchy.chainAt(c.ownerId, c.at)) add(team, id, c.key, c.amount);
	}
	return { own, team };
}

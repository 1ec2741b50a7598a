import { localOffset } from '$lib/components/ui/local-offset';
import { keyedLive } from '$lib/db/keyed-live.svelte';
import { goalActuals, listGoals } from '$lib/db/repos/goals';
import type { Goal } from '$lib/domain/goal/goal';

export interface GoalsWithActuals {
	goals: Goal[];
	actuals: Map<string, number | null>;
}

/**
 * An owner's goals with their actual values, live: a won deal, a logged contact or a new customer
 * re-runs the figures. The goals are one live query, their actuals a second one keyed on them
 * (see keyed-live). `owner` gives null for everyone's, undefined while there is none to read;
 * `shown` picks the goals a page lists.
 */
export function liveGoals(
	owner: () => string | null | undefined,
	shown: (goals: Goal[]) => Goal[] = (goals) => goals
): { readonly current: GoalsWithActuals | null } {
	const goals = keyedLive(owner, (o) =>
		o === undefined ? Promise.resolve(null) : listGoals(o).then(shown)
	);
	const actuals = keyedLive(
		() => goals.current,
		(list) => (list ? goalActuals(list, localOffset()) : Promise.resolve(null))
	);
	return {
		get current() {
			const list = goals.current;
			const values = actuals.current;
			return list && values ? { goals: list, actuals: values } : null;
		}
	};
}

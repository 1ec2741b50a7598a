import type { Synced } from '../../sync/stamp';
import type { EpochMs, FieldError, Id } from '../shared/types';
import { validateLadder, type Ladder, type Level, type PromotionCriteria } from './levels';

/**
 * A level of the team's ladder as it is stored: one record per level, its place given by `rank`
 * (lowest first), its promotion criteria flattened into fields of their own, so that the lead
 * changing the months required on one device and the review score on another merge field by
 * field instead of one criteria object overwriting the other. A criterion left null is not
 * required. Trashing a level takes it off the ladder; the level records naming it keep its id.
 */
export interface LadderLevel extends Synced {
	name: string;
	rank: number;
	monthsAtLevel: number | null;
	/** Average goal attainment (percent) over the last `attainmentPeriods` periods. */
	attainmentPeriods: number | null;
	attainmentMinPct: number | null;
	minReviewScore: number | null;
	/** Courses done: at least `trainingCount`, including every one of `trainingCourseIds`. */
	trainingCount: number | null;
	trainingCourseIds: Id[];
	trashedAt: EpochMs | null;
	demo?: boolean;
}

/** What the ladder's form sets on a level (its rank comes from where it is in the ladder). */
export type LadderLevelDraft = Pick<
	LadderLevel,
	| 'name'
	| 'monthsAtLevel'
	| 'attainmentPeriods'
	| 'attainmentMinPct'
	| 'minReviewScore'
	| 'trainingCount'
	| 'trainingCourseIds'
>;

export const LEVEL_NAME_MAX = 60;

/** A level of this name with no criterion required (the ones given set). */
export function levelDraft(name: string, set: Partial<LadderLevelDraft> = {}): LadderLevelDraft {
	return {
		name,
		monthsAtLevel: null,
		attainmentPeriods: null,
		attainmentMinPct: null,
		minReviewScore: null,
		trainingCount: null,
		trainingCourseIds: [],
		...set
	};
}

export type LadderLevelErrorCode =
	'level_name_required' | 'level_name_duplicate' | 'level_name_too_long' | 'criterion_invalid';

export function criteriaOf(l: LadderLevelDraft): PromotionCriteria {
	return {
		monthsAtLevel: l.monthsAtLevel,
		attainment:
			l.attainmentPeriods === null && l.attainmentMinPct === null
				? null
				: { periods: l.attainmentPeriods ?? 0, minPct: l.attainmentMinPct ?? -1 },
		minReviewScore: l.minReviewScore,
		trainings:
			l.trainingCount === null && l.trainingCourseIds.length === 0
				? null
				: { count: l.trainingCount ?? 0, courseIds: l.trainingCourseIds }
	};
}

/** The field of the form that holds a criterion. */
const CRITERION_FIELD: Record<keyof PromotionCriteria, keyof LadderLevelDraft> = {
	monthsAtLevel: 'monthsAtLevel',
	attainment: 'attainmentMinPct',
	minReviewScore: 'minReviewScore',
	trainings: 'trainingCount'
};

/** The live levels, lowest first (by rank, then id: the same ladder on every device). */
export function liveLevels<L extends Pick<LadderLevel, 'id' | 'rank' | 'trashedAt'>>(
	records: Iterable<L>
): L[] {
	return [...records]
		.filter((l) => l.trashedAt === null)
		.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ladder the growth rules read, from the stored levels. */
export function ladderOf(records: Iterable<LadderLevel>): Ladder {
	return liveLevels(records).map((l): Level => ({
		id: l.id,
		name: l.name,
		criteria: criteriaOf(l)
	}));
}

/**
 * Codes for a level about to be saved beside the others (the ladder's rules of levels.ts: a
 * name, unique, and criteria that are whole months, a positive number of periods with a
 * percentage, a score, a count of courses). `id` is the level's own id, left out of the others.
 */
export function checkLadderLevel(
	draft: LadderLevelDraft,
	id: Id,
	stored: Iterable<LadderLevel>
): FieldError<LadderLevelErrorCode>[] {
	const errors: FieldError<LadderLevelErrorCode>[] = [];
	if (draft.name.trim().length > LEVEL_NAME_MAX)
		errors.push({ field: 'name', code: 'level_name_too_long' });
	const others = ladderOf([...stored].filter((l) => l.id !== id));
	const mine: Level = { id, name: draft.name, criteria: criteriaOf(draft) };
	for (const e of validateLadder([...others, mine])) {
		if (e.level !== others.length) continue;
		if (e.code === 'criterion_invalid' && e.criterion)
			errors.push({ field: CRITERION_FIELD[e.criterion], code: 'criterion_invalid' });
		else if (e.code === 'level_name_required' || e.code === 'level_name_duplicate')
			errors.push({ field: 'name', code: e.code });
	}
	return errors;
}

/** The rank that puts a new level at the top of the ladder. */
export function nextRank(records: Iterable<Pick<LadderLevel, 'rank' | 'trashedAt'>>): number {
	let top = -1;
	for (const l of records) if (l.trashedAt === null && l.rank > top) top = l.rank;
	return Math.floor(top) + 1;
}

/**
 * The ranks after moving a level one step down (-1) or up (+1) the ladder: every level numbered
 * 0, 1, 2 … in the new order (two levels added at once on two devices may share a rank), and
 * only those whose rank changes returned.
 */
export function movedRanks(
	records: Iterable<Pick<LadderLevel, 'id' | 'rank' | 'trashedAt'>>,
	id: Id,
	by: -1 | 1
): { id: Id; rank: number }[] {
	const order = liveLevels(records);
	const at = order.findIndex((l) => l.id === id);
	const to = at + by;
	if (at < 0 || to < 0 || to >= order.length) return [];
	const moved = [...order];
	[moved[at], moved[to]] = [moved[to]!, moved[at]!];
	return moved.flatMap((l, rank) => (l.rank === rank ? [] : [{ id: l.id, rank }]));
}

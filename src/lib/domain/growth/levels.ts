import { parseIsoDate } from '../shared/dates';
import type { Id, IsoDate } from '../shared/types';
import { historiesByMember, valueAt, type DatedEntry } from '../team/dated';

/**
 * The levels ladder (职级) the lead edits, e.g. 客户经理 → 高级客户经理 → 销售主管, each level with
 * the criteria for being promoted into it, and each member's promotions. A member's level on a
 * day is the latest promotion effective on or before it; pay looks it up on a period's first day.
 */

export interface PromotionCriteria {
	/** Whole months at the level below. */
	monthsAtLevel: number | null;
	/** Average goal attainment (percent) over the last `periods` periods. */
	attainment: { periods: number; minPct: number } | null;
	/** The latest review score. */
	minReviewScore: number | null;
	/** Courses done: at least `count`, including every one of `courseIds`. */
	trainings: { count: number; courseIds: Id[] } | null;
}

export interface Level {
	id: Id;
	name: string;
	/** What it takes to be promoted into this level (the first level's are not used). */
	criteria: PromotionCriteria;
}

/** The ladder, lowest level first. */
export type Ladder = readonly Level[];

export const PROMOTION_KINDS = ['assignment', 'promotion', 'demotion'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

/**
 * A member's level from a date: the dated level record of the roster (team/member-fact.ts, kind
 * 'level'), read through the fields these rules need. There is no separate promotion record: a
 * promotion is a level record whose level is above the one before it.
 */
export type LevelEntry = DatedEntry<Id> & { note?: string };

/** A change of level as a person reads it, derived from the level records (never stored). */
export interface Promotion {
	/** The level record's id. */
	id: Id;
	memberId: Id;
	/** null for the first assignment to the ladder. */
	fromLevelId: Id | null;
	toLevelId: Id;
	effective: IsoDate;
	note: string;
}

export type LadderErrorCode =
	| 'ladder_empty'
	| 'level_id_duplicate'
	| 'level_name_required'
	| 'level_name_duplicate'
	| 'criterion_invalid';

export interface LadderError {
	code: LadderErrorCode;
	/** Position of the level in the ladder; the criterion's name for criterion_invalid. */
	level: number;
	criterion?: keyof PromotionCriteria;
}

const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
const score = (n: number) => Number.isFinite(n) && n >= 0;

function badCriteria(c: PromotionCriteria): (keyof PromotionCriteria)[] {
	const bad: (keyof PromotionCriteria)[] = [];
	if (c.monthsAtLevel !== null && !whole(c.monthsAtLevel)) bad.push('monthsAtLevel');
	if (
		c.attainment !== null &&
		!(whole(c.attainment.periods) && c.attainment.periods > 0 && score(c.attainment.minPct))
	) {
		bad.push('attainment');
	}
	if (c.minReviewScore !== null && !score(c.minReviewScore)) bad.push('minReviewScore');
	if (
		c.trainings !== null &&
		!(
			whole(c.trainings.count) &&
			new Set(c.trainings.courseIds).size === c.trainings.courseIds.length
		)
	) {
		bad.push('trainings');
	}
	return bad;
}

export function validateLadder(ladder: Ladder): LadderError[] {
	if (ladder.length === 0) return [{ code: 'ladder_empty', level: -1 }];
	const errors: LadderError[] = [];
	const ids = new Set<Id>();
	const names = new Set<string>();
	ladder.forEach((l, i) => {
		if (ids.has(l.id)) errors.push({ code: 'level_id_duplicate', level: i });
		ids.add(l.id);
		const name = l.name.trim();
		if (!name) errors.push({ code: 'level_name_required', level: i });
		else if (names.has(name)) errors.push({ code: 'level_name_duplicate', level: i });
		names.add(name);
		for (const criterion of badCriteria(l.criteria)) {
			errors.push({ code: 'criterion_invalid', level: i, criterion });
		}
	});
	return errors;
}

/**
 * A member's changes of level in the order they took effect: one per day (the record in force
 * that day, as dated.ts decides), and only those that change the level.
 */
export function promotionHistory(levels: Iterable<LevelEntry>, memberId: Id): Promotion[] {
	const history = historiesByMember<Id, LevelEntry>(levels).get(memberId) ?? [];
	const out: Promotion[] = [];
	history.forEach((r, i) => {
		if (history[i + 1]?.from === r.from) return;
		const fromLevelId = out[out.length - 1]?.toLevelId ?? null;
		if (fromLevelId === r.value) return;
		out.push({
			id: r.id,
			memberId,
			fromLevelId,
			toLevelId: r.value,
			effective: r.from,
			note: r.note ?? ''
		});
	});
	return out;
}

/** The promotion that set a member's level on a day; null before their first assignment. */
export function promotionAt(
	levels: Iterable<LevelEntry>,
	memberId: Id,
	day: IsoDate
): Promotion | null {
	return promotionHistory(levels, memberId).findLast((p) => p.effective <= day) ?? null;
}

export function levelAt(levels: Iterable<LevelEntry>, memberId: Id, day: IsoDate): Id | null {
	const mine = [...levels].filter((r) => r.memberId === memberId);
	return valueAt(mine, day) ?? null;
}

/** Whole calendar months from one day to another (Jan 31 → Feb 28 is 0, → Mar 1 is 1). */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number | null {
	const a = parseIsoDate(from);
	const b = parseIsoDate(to);
	if (!a || !b) return null;
	const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
	return Math.max(0, months);
}

export type PromotionErrorCode = 'level_unknown' | 'level_unchanged' | 'effective_invalid';

/**
 * Checks a level record about to be saved against the ladder and the member's other records,
 * and says what it is on its date: an assignment (no level before), a promotion (up the ladder)
 * or a demotion. A record dated before others is judged by the level in force on its own date
 * (a correction of the history); a record replacing one of the same id is judged without it.
 */
export function checkPromotion(
	entry: LevelEntry,
	ladder: Ladder,
	levels: Iterable<LevelEntry>
): { ok: true; kind: PromotionKind } | { ok: false; code: PromotionErrorCode } {
	if (!parseIsoDate(entry.from)) return { ok: false, code: 'effective_invalid' };
	const to = ladder.findIndex((l) => l.id === entry.value);
	if (to < 0) return { ok: false, code: 'level_unknown' };
	const others = [...levels].filter((r) => r.id !== entry.id && r.memberId === entry.memberId);
	const current = valueAt(others, entry.from) ?? null;
	if (current === null) return { ok: true, kind: 'assignment' };
	if (current === entry.value) return { ok: false, code: 'level_unchanged' };
	const from = ladder.findIndex((l) => l.id === current);
	return { ok: true, kind: to > from ? 'promotion' : 'demotion' };
}

/** What a member has to show for the next level. */
export interface GrowthRecord {
	/** Goal attainment per finished period, percent (sales / target × 100). */
	attainments: readonly { periodStart: IsoDate; pct: number }[];
	reviewScores: readonly { periodStart: IsoDate; score: number }[];
	/** Ids of the courses the member has done. */
	coursesDone: readonly Id[];
}

export const CRITERIA = ['months_at_level', 'attainment', 'review_score', 'trainings'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface CriterionDistance {
	criterion: Criterion;
	required: number;
	/** null when there is nothing to measure yet (no review, no finished period). */
	actual: number | null;
	met: boolean;
	/** How much is still missing (months, points, courses); 0 once met. */
	remaining: number;
	/** attainment: periods still to be finished before the average counts. */
	periodsShort?: number;
	/** trainings: the named courses not done yet. */
	coursesMissing?: Id[];
}

export interface DistanceToNext {
	current: Id | null;
	/** null at the top of the ladder, or for a member not on it. */
	next: Id | null;
	criteria: CriterionDistance[];
	/** Every criterion met (and there is a next level). */
	ready: boolean;
}

const latest = <T extends { periodStart: IsoDate }>(xs: readonly T[]): T | undefined =>
	[...xs].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1)).at(-1);

/**
 * How far a member is from the next level, criterion by criterion, on `today`. Months count from
 * the promotion into the current level; attainment averages the last N finished periods (fewer
 * than N: not met, with the periods still short); the review score is the latest.
 */
export function distanceToNext(
	ladder: Ladder,
	levels: Iterable<LevelEntry>,
	memberId: Id,
	record: GrowthRecord,
	today: IsoDate
): DistanceToNext {
	const since = promotionAt(levels, memberId, today);
	const current = since?.toLevelId ?? null;
	const at = ladder.findIndex((l) => l.id === current);
	const next = at >= 0 ? ladder[at + 1] : undefined;
	if (!since || !next) return { current, next: null, criteria: [], ready: false };
	const c = next.criteria;
	const out: CriterionDistance[] = [];
	if (c.monthsAtLevel !== null) {
		const months = wholeMonthsBetween(since.effective, today) ?? 0;
		out.push(distance('months_at_level', c.monthsAtLevel, months));
	}
	if (c.attainment !== null) {
		const last = [...record.attainments]
			.filter((a) => Number.isFinite(a.pct))
			.sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1))
			.slice(-c.attainment.periods);
		// Two decimals: what the page shows is what is compared, free of float noise (89.999…).
		const avg = last.length
			? Math.round((last.reduce((s, a) => s + a.pct, 0) / last.length) * 100) / 100
			: null;
		const short = c.attainment.periods - last.length;
		const d = distance('attainment', c.attainment.minPct, avg);
		out.push(short > 0 ? { ...d, met: false, periodsShort: short } : d);
	}
	if (c.minReviewScore !== null) {
		out.push(
			distance('review_score', c.minReviewScore, latest(record.reviewScores)?.score ?? null)
		);
	}
	if (c.trainings !== null) {
		const done = new Set(record.coursesDone);
		const coursesMissing = c.trainings.courseIds.filter((id) => !done.has(id));
		const d = distance('trainings', c.trainings.count, done.size);
		const remaining = Math.max(d.remaining, coursesMissing.length);
		out.push({ ...d, remaining, met: remaining === 0, coursesMissing });
	}
	return { current, next: next.id, criteria: out, ready: out.every((d) => d.met) };
}

function distance(
	criterion: Criterion,
	required: number,
	actual: number | null
): CriterionDistance {
	const remaining = actual === null ? required : Math.max(0, required - actual);
	return { criterion, required, actual, met: actual !== null && actual >= required, remaining };
}

import type { Synced } from '../../sync/stamp';
import type { KpiMetric } from '../goal/goal';
import type { PeriodKind } from '../shared/dates';
import type { EpochMs, Id, IsoDate } from '../shared/types';
import type { Scorecard } from './scorecard';

/**
 * A performance review (绩效考核) of one member for one period, written by the lead: the KPI
 * lines filled from the merged data, the lead's ratings with comments, strengths, an improvement
 * plan, and the two sign-offs. One record per member and period, its id derived from that key
 * (domain/team/keyed-id.ts reviewId), so the lead's two devices write one review and the merge
 * reconciles it field by field.
 *
 * While the review is a draft its KPI lines follow the data and its scorecard the team's; the
 * lead's sign-off freezes both, with the score (sign-off.ts).
 */
export interface Review extends Synced {
	memberId: Id;
	periodKind: PeriodKind;
	periodStart: IsoDate;
	/** The scorecard it is scored on (the team's when last saved as a draft). */
	scorecard: Scorecard;
	/** One line per KPI of the scorecard, in its order: target and actual as at the period's end. */
	kpis: ReviewKpi[];
	/** The lead's rating and comment per rating criterion of the scorecard. */
	ratings: Record<string, RatingEntry>;
	strengths: string;
	/** The improvement plan (改进计划): actions with due dates. */
	plan: PlanAction[];
	/** The lead's overall comment. */
	notes: string;
	/** The total (0 to the cap) once every criterion is rated; frozen by the lead's sign-off. */
	score: number | null;
	/** Who wrote the review: the member of the device that last saved it. */
	reviewerId: Id;
	/** When it was last saved. */
	at: EpochMs;
	leadSignedAt: EpochMs | null;
	memberSignedAt: EpochMs | null;
	/** What the member wrote when signing (agreement, or what they see otherwise). */
	memberComment: string;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

/**
 * A KPI line: the member's goal for the period (null: none set) and their actual figure (null:
 * nothing to measure). The attainment and points are derived (review-score.ts): a stored
 * fraction could be infinite (a complaint rate of 0 against a target above 0), which no file
 * carries.
 */
export interface ReviewKpi {
	metric: KpiMetric;
	target: number | null;
	actual: number | null;
}

/** A rating 1-5 (null: not rated yet) and why. */
export interface RatingEntry {
	rating: number | null;
	comment: string;
}

/** One action of an improvement plan; `id` is unique within its plan (plan.ts nextActionId). */
export interface PlanAction {
	id: string;
	text: string;
	due: IsoDate;
	done: boolean;
}

/** What the lead edits: everything but the figures, the score and the sign-offs. */
export type ReviewContent = Pick<Review, 'ratings' | 'strengths' | 'plan' | 'notes'>;

/** A review is known by its member and period. */
export interface ReviewKey {
	memberId: Id;
	periodKind: PeriodKind;
	periodStart: IsoDate;
}

export const emptyReviewContent = (): ReviewContent => ({
	ratings: {},
	strengths: '',
	plan: [],
	notes: ''
});

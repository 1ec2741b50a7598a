import type { Id, IsoDate } from '../shared/types';
import type { GrowthRecord } from './levels';
import type { TrainingResult } from './training';

/**
 * What the promotion criteria are measured on (levels.ts `distanceToNext`), from the records a
 * member has: the attainment of each finished period is the sales goal's (sales / target, the 达成率
 * a ladder's criteria speak of); a review counts once the lead has signed it with a score; a
 * course is done by a record that did not fail.
 */

export interface FinishedSalesGoal {
	periodStart: IsoDate;
	/** Minor units, as the goal stores it. */
	target: number;
	/** The member's sales of the period as at its end; null when unknown. */
	actual: number | null;
}

export interface ReviewScore {
	periodStart: IsoDate;
	score: number | null;
	leadSignedAt: number | null;
	trashedAt: number | null;
}

export interface CourseTaken {
	courseId: Id;
	result: TrainingResult;
	trashedAt: number | null;
}

export function growthRecord(input: {
	salesGoals: readonly FinishedSalesGoal[];
	reviews: readonly ReviewScore[];
	trainings: readonly CourseTaken[];
}): GrowthRecord {
	return {
		attainments: input.salesGoals
			.filter((g) => g.target > 0 && g.actual !== null && Number.isFinite(g.actual))
			.map((g) => ({ periodStart: g.periodStart, pct: ((g.actual ?? 0) / g.target) * 100 })),
		reviewScores: input.reviews
			.filter((r) => r.trashedAt === null && r.leadSignedAt !== null && r.score !== null)
			.map((r) => ({ periodStart: r.periodStart, score: r.score ?? 0 })),
		coursesDone: [
			...new Set(
				input.trainings
					.filter((r) => r.trashedAt === null && r.result !== 'failed')
					.map((r) => r.courseId)
			)
		]
	};
}

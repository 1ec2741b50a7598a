import {
	teamTraining,
	trainingPlanProgress,
	type PlanProgress,
	type TeamTraining
} from '$lib/domain/growth/training';
import type {
	StoredCourse,
	StoredTrainingPlan,
	StoredTrainingRecord
} from '$lib/domain/growth/synced';
import type { IsoDate } from '$lib/domain/shared/types';
import { db } from '../db';

export interface TeamTrainingView extends TeamTraining {
	/** Every course, removed ones too, so that a record's course has a name. */
	courses: StoredCourse[];
	/** The team's records dated in the span, the newest first. */
	records: StoredTrainingRecord[];
	/** Each member's plans covering the span, with what is done of them. */
	plans: { plan: StoredTrainingPlan; progress: PlanProgress }[];
}

/**
 * The team's training: hours per member and per kind within the span, who has not done a
 * required course (ever), and the training plans that overlap the span with their progress.
 * All reads start at once (a live query sees only reads started before its first await).
 */
export async function teamTrainingView(
	memberIds: readonly string[],
	span: { start: IsoDate; end: IsoDate }
): Promise<TeamTrainingView> {
	const d = db();
	const [courses, records, plans] = await Promise.all([
		d.courses.toArray(),
		d.trainingRecords.toArray(),
		d.trainingPlans.toArray()
	]);
	const members = new Set(memberIds);
	return {
		...teamTraining(memberIds, courses, records, span),
		courses,
		records: records
			.filter(
				(r) =>
					r.trashedAt === null &&
					members.has(r.memberId) &&
					r.date >= span.start &&
					r.date < span.end
			)
			.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
		plans: plans
			.filter((p) => members.has(p.memberId) && p.start < span.end && p.end > span.start)
			.sort((a, b) => a.start.localeCompare(b.start))
			.map((plan) => ({ plan, progress: trainingPlanProgress(plan, records) }))
	};
}

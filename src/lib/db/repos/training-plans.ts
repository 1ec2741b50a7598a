import {
	trainingPlanId,
	validateTrainingPlan,
	type TrainingPlan
} from '$lib/domain/growth/training';
import type { StoredTrainingPlan } from '$lib/domain/growth/synced';
import { db } from '../db';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { TRAINING_FIELD } from './courses';
import { refuse } from './field-errors';
import { upsertKeyed } from './keyed-write';

export type TrainingPlanDraft = Omit<TrainingPlan, 'id'>;

/** A member's training plans, the latest period first. */
export async function listTrainingPlans(memberId: string): Promise<StoredTrainingPlan[]> {
	const list = await db().trainingPlans.where('memberId').equals(memberId).toArray();
	return list.sort((a, b) => b.start.localeCompare(a.start) || b.end.localeCompare(a.end));
}

/**
 * Sets the courses planned for a member in a period: one plan per member and period (its id is
 * that key), so saving again changes the same plan, on any device.
 */
export async function saveTrainingPlan(draft: TrainingPlanDraft): Promise<string> {
	const d = db();
	const id = trainingPlanId(draft.memberId, draft.start, draft.end);
	const stamp = await nextStamp();
	await guarded(() =>
		d.transaction('rw', [d.courses, d.trainingPlans], async () => {
			const errors: { field: string; code: string }[] = validateTrainingPlan(draft).map((code) => ({
				field: TRAINING_FIELD[code],
				code
			}));
			if (!draft.memberId) errors.push({ field: 'memberId', code: 'member_required' });
			const known = new Set(
				(await d.courses.toArray()).filter((c) => c.trashedAt === null).map((c) => c.id)
			);
			if (draft.courseIds.some((c) => !known.has(c)))
				errors.push({ field: 'courseIds', code: 'course_unknown' });
			refuse(errors);
			await upsertKeyed(
				d.trainingPlans,
				id,
				() => ({ ...draft }),
				() => ({ courseIds: draft.courseIds }),
				stamp
			);
		})
	);
	return id;
}

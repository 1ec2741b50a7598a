import { validateCourse, type Course, type TrainingErrorCode } from '$lib/domain/growth/training';
import type { StoredCourse } from '$lib/domain/growth/synced';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { refuse } from './field-errors';

/** What the lead sets on a course (培训课程). */
export type CourseDraft = Pick<Course, 'title' | 'kind' | 'hours' | 'required'>;

export const MAX_COURSE_TITLE = 200;

/** The field each code of the training rules is about. */
export const TRAINING_FIELD: Record<TrainingErrorCode, string> = {
	title_required: 'title',
	kind_invalid: 'kind',
	hours_invalid: 'hours',
	hours_over_day: 'hours',
	course_unknown: 'courseId',
	date_invalid: 'date',
	result_invalid: 'result',
	score_invalid: 'score',
	period_invalid: 'start',
	course_duplicate: 'courseIds'
};

function checked(d: CourseDraft): CourseDraft {
	const value = { ...d, title: d.title.trim() };
	const errors: { field: string; code: string }[] = validateCourse(value).map((code) => ({
		field: TRAINING_FIELD[code],
		code
	}));
	if (value.title.length > MAX_COURSE_TITLE)
		errors.push({ field: 'title', code: 'title_too_long' });
	refuse(errors);
	return value;
}

/** The team's courses, removed ones too (records of a removed course still name it). */
export async function listAllCourses(): Promise<StoredCourse[]> {
	const all = await db().courses.toArray();
	return all.sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
}

/** The courses on offer: not removed, by kind then title. */
export async function listCourses(): Promise<StoredCourse[]> {
	return (await listAllCourses()).filter((c) => c.trashedAt === null);
}

export async function createCourse(draft: CourseDraft): Promise<string> {
	const value = checked(draft);
	const id = newId();
	const record = createRecord<StoredCourse>(id, { ...value, trashedAt: null }, await nextStamp());
	await guarded(() => db().courses.add(record));
	return id;
}

export async function updateCourse(id: string, draft: CourseDraft): Promise<void> {
	const value = checked(draft);
	await editById(db().courses, id, () => value);
}

/** Takes a course off the list; its records keep their hours and still name it. */
export async function removeCourse(id: string): Promise<void> {
	await editById(db().courses, id, () => ({ trashedAt: Date.now() }));
}

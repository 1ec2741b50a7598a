import { parseIsoDate } from '../shared/dates';
import type { Id, IsoDate } from '../shared/types';

/**
 * Courses (培训课程) and who took them. A course is done by a record that did not fail; hours
 * are counted from the records (a member may attend part of a course), in hundredths of an hour
 * so that sums of 1.5 + 0.25 … stay exact.
 */
export const COURSE_KINDS = ['product', 'sales_skill', 'service', 'compliance'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export interface Course {
	id: Id;
	title: string;
	kind: CourseKind;
	hours: number;
	/** Everyone on the team must have done it. */
	required: boolean;
	trashedAt: number | null;
}

export const TRAINING_RESULTS = ['passed', 'attended', 'failed'] as const;
export type TrainingResult = (typeof TRAINING_RESULTS)[number];

export interface TrainingRecord {
	id: Id;
	memberId: Id;
	courseId: Id;
	date: IsoDate;
	hours: number;
	result: TrainingResult;
	/** 0-100, when the course is scored. */
	score: number | null;
	certificateNote: string;
	trashedAt: number | null;
}

/** The courses planned for a member in a period (培训计划). */
export interface TrainingPlan {
	id: Id;
	memberId: Id;
	/** [start, end) in local days. */
	start: IsoDate;
	end: IsoDate;
	courseIds: Id[];
}

export const MAX_COURSE_HOURS = 1000;
/** A record is one day's attendance: more hours than a day has is a typing mistake. */
export const MAX_RECORD_HOURS = 24;

export type TrainingErrorCode =
	| 'title_required'
	| 'kind_invalid'
	| 'hours_invalid'
	| 'hours_over_day'
	| 'course_unknown'
	| 'date_invalid'
	| 'result_invalid'
	| 'score_invalid'
	| 'period_invalid'
	| 'course_duplicate';

/** Hours in hundredths; null unless a finite amount from 0 to MAX_COURSE_HOURS in whole hundredths. */
export function hundredths(hours: number): number | null {
	if (!Number.isFinite(hours) || hours < 0 || hours > MAX_COURSE_HOURS) return null;
	const h = Math.round(hours * 100);
	return Math.abs(h - hours * 100) < 1e-6 ? h : null;
}

export function validateCourse(c: Omit<Course, 'id' | 'trashedAt'>): TrainingErrorCode[] {
	const errors: TrainingErrorCode[] = [];
	if (!c.title.trim()) errors.push('title_required');
	if (!COURSE_KINDS.includes(c.kind)) errors.push('kind_invalid');
	if (hundredths(c.hours) === null) errors.push('hours_invalid');
	return errors;
}

export function validateTrainingRecord(
	r: Omit<TrainingRecord, 'id' | 'trashedAt'>,
	courses: readonly Pick<Course, 'id' | 'trashedAt'>[]
): TrainingErrorCode[] {
	const errors: TrainingErrorCode[] = [];
	if (!courses.some((c) => c.id === r.courseId && c.trashedAt == null))
		errors.push('course_unknown');
	if (!parseIsoDate(r.date)) errors.push('date_invalid');
	if (hundredths(r.hours) === null) errors.push('hours_invalid');
	else if (r.hours > MAX_RECORD_HOURS) errors.push('hours_over_day');
	if (!TRAINING_RESULTS.includes(r.result)) errors.push('result_invalid');
	if (r.score !== null && !(Number.isFinite(r.score) && r.score >= 0 && r.score <= 100)) {
		errors.push('score_invalid');
	}
	return errors;
}

/** One plan per member and period: the lead's two devices write the same record. */
export function trainingPlanId(memberId: Id, start: IsoDate, end: IsoDate): Id {
	return `training_plan:${memberId}:${start}:${end}`;
}

export function validateTrainingPlan(p: Omit<TrainingPlan, 'id'>): TrainingErrorCode[] {
	const errors: TrainingErrorCode[] = [];
	if (!parseIsoDate(p.start) || !parseIsoDate(p.end) || p.end <= p.start) {
		errors.push('period_invalid');
	}
	if (new Set(p.courseIds).size !== p.courseIds.length) errors.push('course_duplicate');
	return errors;
}

const counts = (r: Pick<TrainingRecord, 'trashedAt'>) => r.trashedAt == null;
const isDone = (r: Pick<TrainingRecord, 'result' | 'trashedAt'>) =>
	counts(r) && r.result !== 'failed';

/** The courses a member has done, ever or by `until` (exclusive). */
export function coursesDone(
	records: readonly TrainingRecord[],
	memberId: Id,
	until?: IsoDate
): Set<Id> {
	const done = new Set<Id>();
	for (const r of records) {
		if (r.memberId === memberId && isDone(r) && (until === undefined || r.date < until)) {
			done.add(r.courseId);
		}
	}
	return done;
}

export interface PlanProgress {
	done: Id[];
	pending: Id[];
}

/** Which planned courses were done inside the plan's period. */
export function trainingPlanProgress(
	plan: TrainingPlan,
	records: readonly TrainingRecord[]
): PlanProgress {
	const inPeriod = new Set(
		records
			.filter(
				(r) =>
					r.memberId === plan.memberId && isDone(r) && r.date >= plan.start && r.date < plan.end
			)
			.map((r) => r.courseId)
	);
	return {
		done: plan.courseIds.filter((id) => inPeriod.has(id)),
		pending: plan.courseIds.filter((id) => !inPeriod.has(id))
	};
}

export interface MemberHours {
	memberId: Id;
	/** Hours, exact to the hundredth. */
	hours: number;
	byKind: Record<CourseKind, number>;
}

export interface TeamTraining {
	members: MemberHours[];
	byKind: Record<CourseKind, number>;
	/** Per required course (in the order given), the members who have not done it. */
	missingRequired: { courseId: Id; memberIds: Id[] }[];
}

const zeroByKind = (): Record<CourseKind, number> => ({
	product: 0,
	sales_skill: 0,
	service: 0,
	compliance: 0
});

/**
 * The team view: hours per member and per kind within [start, end) when given (records of
 * trashed courses or failed attempts still count their hours: the time was spent), and who has
 * not done a required course.
 */
export function teamTraining(
	memberIds: readonly Id[],
	courses: readonly Course[],
	records: readonly TrainingRecord[],
	span?: { start: IsoDate; end: IsoDate }
): TeamTraining {
	const kindOf = new Map(courses.map((c) => [c.id, c.kind]));
	const members = new Map<Id, { total: number; byKind: Record<CourseKind, number> }>(
		memberIds.map((id) => [id, { total: 0, byKind: zeroByKind() }])
	);
	const team = zeroByKind();
	for (const r of records) {
		const m = members.get(r.memberId);
		const kind = kindOf.get(r.courseId);
		const h = hundredths(r.hours);
		if (!m || !kind || h === null || !counts(r)) continue;
		if (span && !(r.date >= span.start && r.date < span.end)) continue;
		m.total += h;
		m.byKind[kind] += h;
		team[kind] += h;
	}
	const toHours = (byKind: Record<CourseKind, number>) =>
		Object.fromEntries(COURSE_KINDS.map((k) => [k, byKind[k] / 100])) as Record<CourseKind, number>;
	const done = new Map<Id, Set<Id>>(memberIds.map((id) => [id, new Set()]));
	for (const r of records) if (isDone(r)) done.get(r.memberId)?.add(r.courseId);
	const missingRequired = courses
		.filter((c) => c.required && c.trashedAt == null)
		.map((c) => ({
			courseId: c.id,
			memberIds: memberIds.filter((m) => !done.get(m)?.has(c.id))
		}))
		.filter((x) => x.memberIds.length > 0);
	return {
		members: memberIds.map((memberId) => {
			const m = members.get(memberId) ?? { total: 0, byKind: zeroByKind() };
			return { memberId, hours: m.total / 100, byKind: toHours(m.byKind) };
		}),
		byKind: toHours(team),
		missingRequired
	};
}

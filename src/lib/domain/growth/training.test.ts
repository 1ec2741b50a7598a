import { describe, expect, it } from 'vitest';
import {
	coursesDone,
	hundredths,
	teamTraining,
	trainingPlanId,
	trainingPlanProgress,
	validateCourse,
	validateTrainingPlan,
	validateTrainingRecord,
	type Course,
	type TrainingRecord
} from './training';

const course = (id: string, kind: Course['kind'], required = false): Course => ({
	id,
	title: id,
	kind,
	hours: 2,
	required,
	trashedAt: null
});
const COURSES = [
	course('p1', 'product'),
	course('c1', 'compliance', true),
	course('s1', 'service', true),
	{ ...course('old', 'compliance', true), trashedAt: 5 }
];

let n = 0;
const rec = (memberId: string, courseId: string, over: Partial<TrainingRecord> = {}) => ({
	id: `r${n++}`,
	memberId,
	courseId,
	date: '2025-03-10',
	hours: 1.5,
	result: 'passed' as const,
	score: null,
	certificateNote: '',
	trashedAt: null,
	...over
});

describe('teamTraining', () => {
	const records: TrainingRecord[] = [
		rec('a', 'p1', { hours: 1.25 }),
		rec('a', 'c1', { hours: 0.1 }),
		rec('a', 'c1', { hours: 0.2, result: 'failed' }),
		rec('b', 'c1', { result: 'failed' }),
		rec('b', 's1', { date: '2025-02-28' }),
		rec('b', 'p1', { trashedAt: 9 }),
		rec('ghost', 'p1'),
		rec('a', 'unknown-course')
	];
	it('sums hours per member and per kind exactly', () => {
		const t = teamTraining(['a', 'b', 'c'], COURSES, records);
		expect(t.members).toEqual([
			{
				memberId: 'a',
				hours: 1.55,
				byKind: { product: 1.25, sales_skill: 0, service: 0, compliance: 0.3 }
			},
			{
				memberId: 'b',
				hours: 3,
				byKind: { product: 0, sales_skill: 0, service: 1.5, compliance: 1.5 }
			},
			{ memberId: 'c', hours: 0, byKind: { product: 0, sales_skill: 0, service: 0, compliance: 0 } }
		]);
		expect(t.byKind).toEqual({ product: 1.25, sales_skill: 0, service: 1.5, compliance: 1.8 });
	});
	it('lists who has not done each required course (a failed attempt is not done)', () => {
		const t = teamTraining(['a', 'b', 'c'], COURSES, records);
		expect(t.missingRequired).toEqual([
			{ courseId: 'c1', memberIds: ['b', 'c'] },
			{ courseId: 's1', memberIds: ['a', 'c'] }
		]);
	});
	it('counts hours inside a span only, but required courses done at any time', () => {
		const t = teamTraining(['b'], COURSES, records, { start: '2025-03-01', end: '2025-04-01' });
		expect(t.members[0]?.hours).toBe(1.5);
		expect(t.missingRequired).toEqual([{ courseId: 'c1', memberIds: ['b'] }]);
	});
});

describe('courses done and plans', () => {
	const records = [rec('a', 'p1', { date: '2025-03-05' }), rec('a', 'c1', { date: '2025-04-02' })];
	it('knows what a member has done, by a date', () => {
		expect([...coursesDone(records, 'a')].sort()).toEqual(['c1', 'p1']);
		expect([...coursesDone(records, 'a', '2025-04-01')]).toEqual(['p1']);
	});
	it('tells planned courses done in the period from those pending', () => {
		const plan = {
			id: 'tp',
			memberId: 'a',
			start: '2025-03-01',
			end: '2025-04-01',
			courseIds: ['c1', 'p1', 's1']
		};
		expect(trainingPlanProgress(plan, records)).toEqual({ done: ['p1'], pending: ['c1', 's1'] });
	});
});

describe('validation', () => {
	it('refuses a course without a title, of an unknown kind or with bad hours', () => {
		expect(
			validateCourse({ title: 'Compliance 101', kind: 'compliance', hours: 1.25, required: true })
		).toEqual([]);
		expect(
			validateCourse({ title: ' ', kind: 'golf' as Course['kind'], hours: 0.001, required: false })
		).toEqual(['title_required', 'kind_invalid', 'hours_invalid']);
	});
	it('refuses a record of an unknown or trashed course, a bad date, result, hours or score', () => {
		const { id: _id, trashedAt: _t, ...ok } = rec('a', 'p1');
		expect(validateTrainingRecord(ok, COURSES)).toEqual([]);
		expect(
			validateTrainingRecord(
				{
					...ok,
					courseId: 'old',
					date: '2025-02-30',
					hours: -1,
					result: 'maybe' as 'passed',
					score: 101
				},
				COURSES
			)
		).toEqual([
			'course_unknown',
			'date_invalid',
			'hours_invalid',
			'result_invalid',
			'score_invalid'
		]);
	});
	it('refuses a record of more hours than a day has, and accepts a full day', () => {
		const { id: _id, trashedAt: _t, ...ok } = rec('a', 'p1');
		expect(validateTrainingRecord({ ...ok, hours: 24 }, COURSES)).toEqual([]);
		expect(validateTrainingRecord({ ...ok, hours: 24.25 }, COURSES)).toEqual(['hours_over_day']);
		expect(validateTrainingRecord({ ...ok, hours: 5000 }, COURSES)).toEqual(['hours_invalid']);
	});
	it('derives one training plan id per member and period', () => {
		expect(trainingPlanId('a', '2025-03-01', '2025-04-01')).toBe(
			'training_plan:a:2025-03-01:2025-04-01'
		);
		expect(trainingPlanId('a', '2025-03-01', '2025-04-01')).not.toBe(
			trainingPlanId('a', '2025-03-01', '2025-07-01')
		);
	});
	it('refuses a plan with a bad period or a course twice', () => {
		expect(
			validateTrainingPlan({
				memberId: 'a',
				start: '2025-03-01',
				end: '2025-03-01',
				courseIds: ['x', 'x']
			})
		).toEqual(['period_invalid', 'course_duplicate']);
	});
	it.each([
		[1.5, 150],
		[0.1, 10],
		[1000, 100000],
		[1000.01, null],
		[0.005, null],
		[-1, null],
		[Number.NaN, null]
	])('hours %d are %s hundredths', (h, out) => expect(hundredths(h)).toBe(out));
});

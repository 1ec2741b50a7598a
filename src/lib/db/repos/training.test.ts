import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { createCourse, listAllCourses, listCourses, removeCourse, updateCourse } from './courses';
import { teamTrainingView } from './team-training';
import { listTrainingPlans, saveTrainingPlan } from './training-plans';
import { createTrainingRecord, listTrainingRecords, trashTrainingRecord } from './training-records';
import { errorCodes } from './test-fixtures';

const course = (title: string, over = {}) =>
	createCourse({ title, kind: 'compliance', hours: 2, required: false, ...over });

const record = (memberId: string, courseId: string, over = {}) =>
	createTrainingRecord({
		memberId,
		courseId,
		date: '2026-03-02',
		hours: 2,
		result: 'passed',
		score: null,
		certificateNote: '',
		...over
	});

describe('courses', () => {
	it('are created, edited and taken off the list, still named for their records', async () => {
		const id = await course('  反洗钱合规  ', { required: true });
		expect((await listCourses()).find((c) => c.id === id)).toMatchObject({
			title: '反洗钱合规',
			required: true
		});
		await updateCourse(id, {
			title: '反洗钱合规 2026',
			kind: 'compliance',
			hours: 3,
			required: true
		});
		await removeCourse(id);
		expect((await listCourses()).map((c) => c.id)).not.toContain(id);
		expect((await listAllCourses()).find((c) => c.id === id)?.title).toBe('反洗钱合规 2026');
	});

	it('refuses an empty title, negative or absurd hours, a title too long', async () => {
		expect(await errorCodes(course(' ', { hours: -1 }))).toEqual([
			'title_required',
			'hours_invalid'
		]);
		expect(await errorCodes(course('Long', { hours: 1001 }))).toEqual(['hours_invalid']);
		expect(await errorCodes(course('x'.repeat(201)))).toEqual(['title_too_long']);
	});
});

describe('training records', () => {
	it('records a member taking a course; refuses bad hours, scores, a removed course', async () => {
		const c = await course('产品知识');
		const id = await record('tr-m1', c, { hours: 1.5, score: 88, certificateNote: ' 证书 A-1 ' });
		expect(await listTrainingRecords('tr-m1')).toMatchObject([
			{ id, hours: 1.5, score: 88, certificateNote: '证书 A-1' }
		]);
		expect(await errorCodes(record('tr-m1', c, { hours: -2 }))).toEqual(['hours_invalid']);
		expect(await errorCodes(record('tr-m1', c, { hours: 30 }))).toEqual(['hours_over_day']);
		expect(await errorCodes(record('tr-m1', c, { score: 120, date: '2026-02-30' }))).toEqual([
			'date_invalid',
			'score_invalid'
		]);
		expect(await errorCodes(record('tr-m1', c, { certificateNote: 'x'.repeat(1001) }))).toEqual([
			'note_too_long'
		]);
		await removeCourse(c);
		expect(await errorCodes(record('tr-m1', c))).toEqual(['course_unknown']);
		expect(await errorCodes(record('', 'nothing'))).toEqual(['course_unknown', 'member_required']);
		await trashTrainingRecord(id);
		expect(await listTrainingRecords('tr-m1')).toEqual([]);
	});
});

describe('the team view', () => {
	it('sums hours per member and kind, and names who has not done a required course', async () => {
		const required = await course('Compliance basics', { required: true, kind: 'compliance' });
		const skill = await course('Negotiation', { kind: 'sales_skill' });
		await record('tv-a', required, { hours: 2 });
		await record('tv-a', skill, { hours: 1.25 });
		await record('tv-b', required, { hours: 1, result: 'failed' });
		await record('tv-b', skill, { hours: 3, date: '2026-04-02' });

		const view = await teamTrainingView(['tv-a', 'tv-b', 'tv-c'], {
			start: '2026-03-01',
			end: '2026-04-01'
		});
		expect(view.members.map((m) => [m.memberId, m.hours])).toEqual([
			['tv-a', 3.25],
			['tv-b', 1],
			['tv-c', 0]
		]);
		expect(view.members[0]?.byKind).toMatchObject({ compliance: 2, sales_skill: 1.25 });
		const missing = view.missingRequired.find((m) => m.courseId === required);
		expect(missing?.memberIds).toEqual(['tv-b', 'tv-c']);
	});
});

describe('training plans', () => {
	it('keeps one plan per member and period, on any device', async () => {
		const a = await course('Plan A');
		const b = await course('Plan B');
		const draft = { memberId: 'tp-m', start: '2026-03-01', end: '2026-04-01', courseIds: [a] };
		const id = await saveTrainingPlan(draft);
		expect(await saveTrainingPlan({ ...draft, courseIds: [a, b] })).toBe(id);
		expect(await listTrainingPlans('tp-m')).toMatchObject([{ id, courseIds: [a, b] }]);
		const stored = await db().trainingPlans.get(id);
		// Only the changed field got a stamp of its own.
		expect(Object.keys(stored?._meta.fields ?? {})).toEqual(['courseIds']);

		await record('tp-m', a, { date: '2026-03-05' });
		const view = await teamTrainingView(['tp-m'], { start: '2026-03-01', end: '2026-04-01' });
		expect(view.plans).toMatchObject([{ progress: { done: [a], pending: [b] } }]);
	});

	it('refuses a period that ends before it starts, a course twice or unknown', async () => {
		const a = await course('Plan C');
		expect(
			await errorCodes(
				saveTrainingPlan({
					memberId: 'tp-x',
					start: '2026-03-01',
					end: '2026-02-01',
					courseIds: [a, a, 'nope']
				})
			)
		).toEqual(['period_invalid', 'course_duplicate', 'course_unknown']);
	});
});

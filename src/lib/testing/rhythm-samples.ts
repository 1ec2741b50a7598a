import type {
	StoredCourse,
	StoredTrainingPlan,
	StoredTrainingRecord
} from '$lib/domain/growth/synced';
import { trainingPlanId } from '$lib/domain/growth/training';
import { checklistId, tickId } from '$lib/domain/plan/checklists';
import { dailyReportId } from '$lib/domain/plan/daily-report';
import type {
	StoredChecklist,
	StoredChecklistTick,
	StoredDailyReport,
	StoredWorkPlan
} from '$lib/domain/plan/synced';
import { workPlanId } from '$lib/domain/plan/work-plan';
import { createRecord } from '$lib/sync/edit';
import type { Stamp } from '$lib/sync/stamp';

/**
 * Records of the growth and rhythm tables as the repositories write them, every field set: a
 * course, a training record and plan, a work plan, a sent daily report, a checklist of a stage
 * and a tick of it on a deal. For tests that need a record of every synced table.
 */
export function rhythmSamples(memberId: string, dealId: string, stamp: () => Stamp, now: number) {
	const course = createRecord<StoredCourse>(
		'course-1',
		{ title: '合规培训', kind: 'compliance', hours: 1.5, required: true, trashedAt: null },
		stamp()
	);
	const scope = { kind: 'deal_stage', stage: 'proposal' } as const;
	const listId = checklistId(scope);
	return {
		courses: [course],
		trainingRecords: [
			createRecord<StoredTrainingRecord>(
				'training-1',
				{
					memberId,
					courseId: course.id,
					date: '2026-03-02',
					hours: 1.5,
					result: 'passed',
					score: 92,
					certificateNote: '证书编号 A-17',
					trashedAt: null
				},
				stamp()
			)
		],
		trainingPlans: [
			createRecord<StoredTrainingPlan>(
				trainingPlanId(memberId, '2026-03-01', '2026-04-01'),
				{ memberId, start: '2026-03-01', end: '2026-04-01', courseIds: [course.id] },
				stamp()
			)
		],
		workPlans: [
			createRecord<StoredWorkPlan>(
				workPlanId(memberId, 'week', '2026-03-09'),
				{
					memberId,
					span: 'week',
					start: '2026-03-09',
					planned: { visits: 4, calls: 20, new_customers: 2 },
					dealIds: [dealId],
					leadComment: '多跑几家新客户',
					trashedAt: null
				},
				stamp()
			)
		],
		dailyReports: [
			createRecord<StoredDailyReport>(
				dailyReportId(memberId, '2026-03-13'),
				{
					memberId,
					date: '2026-03-13',
					figures: {
						contacts: 6,
						visits: 2,
						customersReached: 7,
						dealsMoved: [{ dealId, toStage: 'proposal' }],
						ticketsClosed: []
					},
					problems: '报价审批慢',
					helpNeeded: '请协调技术支持',
					tomorrowPlan: '拜访两家客户',
					sentAt: now,
					leadComment: '已协调'
				},
				stamp()
			)
		],
		checklists: [
			createRecord<StoredChecklist>(
				listId,
				{
					scope,
					items: [
						{ id: 'quote', label: '报价已审批', required: true },
						{ id: 'slides', label: '方案已演示', required: false }
					],
					trashedAt: null
				},
				stamp()
			)
		],
		checklistTicks: [
			createRecord<StoredChecklistTick>(
				tickId(dealId, listId, 'quote'),
				{
					checklistId: listId,
					itemId: 'quote',
					recordId: dealId,
					done: true,
					by: memberId,
					at: now
				},
				stamp()
			)
		]
	};
}

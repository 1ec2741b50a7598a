/**
 * Version 11: the team's growth and rhythm (domain/growth/training.ts, domain/plan/). Seven synced
 * tables, each with its stamps (`_meta.updated`, which the clock resumes after), its local change
 * number (`_chg`, see v9) and plain indexes on the fields that name a member or a parent record:
 *
 * - `courses`: the team's courses (title, kind, hours, required).
 * - `trainingRecords` (`memberId`, `courseId`): who took which course, when, for how long.
 * - `trainingPlans` (`memberId`): the courses planned for a member in a period.
 * - `workPlans` (`memberId`): a member's weekly or monthly plan, with the lead's comments.
 * - `dailyReports` (`memberId`, `date`): the 日报, one per member and day; the lead reads a day's
 *   reports of the whole team by `date`.
 * - `checklists`: the lead's checklists per deal stage and ticket kind.
 * - `checklistTicks` (`checklistId`, `recordId`): an item ticked on a deal or ticket.
 *
 * And one store of this device only, not synced:
 * - `checklistFlags` (`recordId`): a deal that left its stage, or a ticket that was closed, in a
 *   merged file with required checklist items unticked. The merge takes the change (it was made
 *   elsewhere and is history); the flag shows it on the deal or ticket until someone dismisses it.
 *
 * Only new stores: no record is rewritten, and the stores of earlier versions stay as they are.
 * The records of every table are identified by keys where they exist once per key (a member's
 * plan of a week, report of a day, tick of an item), so two devices write the same record.
 */
export const v11 = {
	version: 11,
	stores: {
		courses: 'id, _meta.updated, _chg',
		trainingRecords: 'id, memberId, courseId, _meta.updated, _chg',
		trainingPlans: 'id, memberId, _meta.updated, _chg',
		workPlans: 'id, memberId, _meta.updated, _chg',
		dailyReports: 'id, memberId, date, _meta.updated, _chg',
		checklists: 'id, _meta.updated, _chg',
		checklistTicks: 'id, checklistId, recordId, _meta.updated, _chg',
		checklistFlags: 'id, recordId'
	}
} as const;

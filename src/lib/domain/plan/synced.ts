import type { Synced } from '../../sync/stamp';
import type { Checklist, ChecklistTick } from './checklists';
import type { DailyReport } from './daily-report';
import type { WorkPlan } from './work-plan';

/**
 * Work plans, daily reports and checklists as stored and carried in snapshots: the rules' shapes
 * with their write stamps (sync/stamp.ts). The rules take these as they are.
 */
export interface StoredWorkPlan extends WorkPlan, Synced {}
export interface StoredDailyReport extends DailyReport, Synced {}
export interface StoredChecklist extends Checklist, Synced {}
export interface StoredChecklistTick extends ChecklistTick, Synced {}

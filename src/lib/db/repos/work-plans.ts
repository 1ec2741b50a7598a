import { MAX_REPORT_TEXT } from '$lib/domain/plan/daily-report';
import { plannedOf } from '$lib/domain/plan/shapes';
import type { StoredWorkPlan } from '$lib/domain/plan/synced';
import {
	planSpanOf,
	planVsActual,
	validateWorkPlan,
	workPlanId,
	type PlanVsActual,
	type WorkPlan
} from '$lib/domain/plan/work-plan';
import { db } from '../db';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { refuse, textError } from './field-errors';
import { upsertKeyed } from './keyed-write';
import { customersCreatedBy, interactionsOf, movesOf } from './plan-log';

/** What a member plans for a week or a month (the lead's comment is written on its own). */
export type WorkPlanDraft = Pick<WorkPlan, 'memberId' | 'span' | 'start' | 'planned' | 'dealIds'>;

/** A stored plan with its counts read leniently (a file may hold anything there). */
const read = (p: StoredWorkPlan): StoredWorkPlan => ({ ...p, planned: plannedOf(p.planned) });

/** A member's plans, the latest first; removed ones left out. */
export async function listWorkPlans(memberId: string): Promise<StoredWorkPlan[]> {
	const list = await db().workPlans.where('memberId').equals(memberId).toArray();
	return list
		.filter((p) => p.trashedAt === null)
		.map(read)
		.sort((a, b) => b.start.localeCompare(a.start) || a.span.localeCompare(b.span));
}

export async function getWorkPlan(id: string): Promise<StoredWorkPlan | undefined> {
	const p = await db().workPlans.get(id);
	return p && p.trashedAt === null ? read(p) : undefined;
}

/**
 * Saves a member's plan for a week (from a Monday) or a month (from the 1st): one plan per member,
 * span and start, so saving again edits it, and two devices write the same record.
 */
export async function saveWorkPlan(draft: WorkPlanDraft): Promise<string> {
	const errors: { field: string; code: string }[] = validateWorkPlan({
		...draft,
		leadComment: ''
	});
	if (!draft.memberId) errors.push({ field: 'memberId', code: 'member_required' });
	refuse(errors);
	const id = workPlanId(draft.memberId, draft.span, draft.start);
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.workPlans, () =>
			upsertKeyed(
				d.workPlans,
				id,
				() => ({ ...draft, leadComment: '', trashedAt: null }),
				() => ({ planned: draft.planned, dealIds: draft.dealIds, trashedAt: null }),
				stamp
			)
		)
	);
	return id;
}

/** The lead's comment on a plan. */
export async function commentOnWorkPlan(id: string, comment: string): Promise<void> {
	const text = comment.trim();
	const long = textError('leadComment', text, MAX_REPORT_TEXT, false);
	refuse(long ? [long] : []);
	await editById(db().workPlans, id, () => ({ leadComment: text }));
}

export async function removeWorkPlan(id: string): Promise<void> {
	await editById(db().workPlans, id, () => ({ trashedAt: Date.now() }));
}

/**
 * The plan against the member's log over its span, in the team's time zone (`tzOffsetMin`):
 * visits and calls they logged, customers of theirs created in it, and how each deal to push moved.
 */
export async function workPlanActual(
	plan: WorkPlan,
	tzOffsetMin: number
): Promise<PlanVsActual | null> {
	const span = planSpanOf(plan, tzOffsetMin);
	if (!span) return null;
	const [interactions, customers, dealMoves] = await Promise.all([
		interactionsOf(plan.memberId, span),
		customersCreatedBy(plan.memberId, span),
		movesOf(plan.dealIds)
	]);
	return planVsActual(plan, { interactions, customers, dealMoves }, tzOffsetMin);
}

import { validatePlan, type CompensationPlan, type PlanError } from '$lib/domain/pay/plan';
import type { StoredPayPlan } from '$lib/domain/pay/synced';
import type { Id } from '$lib/domain/shared/types';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { closedMonths } from './pay-inputs';

/**
 * The lead's compensation plans (domain/pay/plan.ts): one per level and effective date. A plan
 * is checked against the stored plans and the closed months inside the writing transaction, so
 * that nothing paid changes plan; an invalid one is refused with its fields and changes nothing.
 */
export type PlanDraft = Omit<CompensationPlan, 'id' | 'trashedAt'>;

/**
 * Where a refusal shows: a bracket's or band's fault by the later of the rows it names (the one
 * that starts in the wrong place), others by their field.
 */
function fieldOf(e: PlanError): string {
	const at = e.items[e.items.length - 1];
	if (e.field === 'brackets') return at === undefined ? 'brackets' : `brackets.${at}`;
	if (e.field === 'performanceBonus.bands') return at === undefined ? 'bands' : `bands.${at}`;
	return e.field;
}

export async function savePlan(draft: PlanDraft, id: Id = newId()): Promise<Id> {
	const stamp = await nextStamp();
	const closed = await closedMonths();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.payPlans, d.payCloses, async () => {
			const others = await d.payPlans.toArray();
			const plan = { ...draft, id };
			const errors = validatePlan(plan, others, closed);
			const stored = others.find((p) => p.id === id);
			// A plan already in force for a closed month is what that month was paid under.
			if (stored && closed.some((c) => stored.effective < c.end))
				errors.push({ field: 'effective', code: 'plan_effective_in_closed_period', items: [] });
			if (errors.length > 0)
				throw new ValidationFailed(errors.map((e) => ({ field: fieldOf(e), code: e.code })));
			const data = { ...draft, trashedAt: null };
			await d.payPlans.put(
				stored ? editRecord(stored, data, stamp).next : createRecord<StoredPayPlan>(id, data, stamp)
			);
		})
	);
	return id;
}

import type { Interaction, InteractionDraft } from '$lib/domain/interaction/interaction';
import { validateInteractionDraft } from '$lib/domain/interaction/validate';
import { followUpTask, localMidnight } from '$lib/domain/task/follow-up';
import type { Task } from '$lib/domain/task/task';
import { createRecord } from '$lib/sync/edit';
import { customersChanged } from '../changes';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';

/** The interaction log of one customer, newest first (read through the [customerId+at] index). */
export async function listInteractions(customerId: string): Promise<Interaction[]> {
	const list = await db()
		.interactions.where('[customerId+at]')
		.between([customerId, -Infinity], [customerId, Infinity])
		.reverse()
		.toArray();
	return list.filter((i) => i.trashedAt === null);
}

/**
 * Logs a contact in one transaction: the interaction, the follow-up task its "next follow-up"
 * asks for, and the customer's derived "last contacted".
 */
export async function logInteraction(draft: InteractionDraft): Promise<string> {
	const r = validateInteractionDraft(draft, Date.now());
	if (!r.ok) throw new ValidationFailed(r.errors);
	const value = r.value;
	const id = newId();
	const stamp = await nextStamp();
	const taskStamp = value.nextFollowUp ? await nextStamp() : null;
	const d = db();
	await guarded(() =>
		d.transaction('rw', [d.interactions, d.tasks, d.customers], async () => {
			const customer = await d.customers.get(value.customerId);
			if (!customer)
				throw new ValidationFailed([{ field: 'customerId', code: 'customer_required' }]);
			await d.interactions.add(createRecord<Interaction>(id, { ...value, trashedAt: null }, stamp));
			if (value.nextFollowUp && taskStamp) {
				await d.tasks.add(
					createRecord<Task>(
						newId(),
						followUpTask({ ...value, id }, localMidnight(value.nextFollowUp)),
						taskStamp
					)
				);
			}
			// Derived, not stamped: recomputed from the log on every device.
			if (customer.lastContactAt === null || value.at > customer.lastContactAt)
				await d.customers.update(value.customerId, { lastContactAt: value.at });
		})
	);
	customersChanged([value.customerId]);
	return id;
}

import type { Table } from 'dexie';
import type { Customer } from '$lib/domain/customer/customer';
import { withoutDerived } from '$lib/sync/merge';
import { customersChanged } from '../changes';
import { db } from '../db';
import { newId } from '../ids';
import { purgeRecords } from './purge';

/**
 * A person's data, as personal-information law (PIPL, GDPR) asks: everything stored about one
 * customer, for export, and permanent erasure (a tombstone that no old snapshot can undo).
 */
export interface PersonData {
	customer: Customer;
	contacts: unknown[];
	interactions: unknown[];
	tasks: unknown[];
	deals: unknown[];
	orders: unknown[];
	tickets: unknown[];
	feedback: unknown[];
}

export async function collectPersonData(customerId: string): Promise<PersonData | null> {
	const d = db();
	return d.transaction(
		'r',
		[d.customers, d.contacts, d.interactions, d.tasks, d.deals, d.orders, d.tickets, d.feedback],
		async () => {
			const customer = await d.customers.get(customerId);
			if (!customer) return null;
			// Their records without derived fields (the open-only index keys of tasks and tickets),
			// as snapshots carry them: not data about the person.
			const of = async (t: Table) =>
				(await t.where('customerId').equals(customerId).toArray()).map(
					(r: Record<string, unknown>) => withoutDerived(t.name, r)
				);
			return {
				customer,
				contacts: await of(d.contacts),
				interactions: await of(d.interactions),
				tasks: await of(d.tasks),
				deals: await of(d.deals),
				orders: await of(d.orders),
				tickets: await of(d.tickets),
				feedback: await of(d.feedback)
			};
		}
	);
}

/** Erases a customer and everything about them for good, and notes it in the audit log. */
export async function erasePerson(customerId: string): Promise<void> {
	await purgeRecords([customerId]);
	await db().audit.add({
		id: newId(),
		at: Date.now(),
		action: 'erase_person',
		detail: { customerId }
	});
	customersChanged([customerId]);
}

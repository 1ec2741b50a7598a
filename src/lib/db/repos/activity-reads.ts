import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Order } from '$lib/domain/order/order';
import {
	activityKey,
	type ActivityKeySource,
	type ActivityTarget
} from '$lib/io/import/activity-plan';
import { db } from '../db';

/** Interactions of these customers (not trashed), each customer's oldest first. */
export async function interactionsOfCustomers(ids: readonly string[]): Promise<Interaction[]> {
	const list = await db().interactions.where('customerId').anyOf(ids).toArray();
	return list.filter((i) => i.trashedAt === null).sort(byCustomerThenTime(ids));
}

/** Orders of these customers (not trashed), each customer's oldest first. */
export async function ordersOfCustomers(ids: readonly string[]): Promise<Order[]> {
	const list = await db().orders.where('customerId').anyOf(ids).toArray();
	return list.filter((o) => o.trashedAt === null).sort(byCustomerThenTime(ids));
}

/** In the order of `ids` (the list as the person sees it), then by time. */
function byCustomerThenTime(ids: readonly string[]) {
	const rank = new Map(ids.map((id, i) => [id, i]));
	return (a: { customerId: string; at: number }, b: { customerId: string; at: number }) =>
		(rank.get(a.customerId) ?? 0) - (rank.get(b.customerId) ?? 0) || a.at - b.at;
}

/** Identity keys of the stored interactions or orders of these customers (import duplicates). */
export async function storedActivityKeys(
	target: ActivityTarget,
	customerIds: readonly string[]
): Promise<Set<string>> {
	const list =
		target === 'interaction'
			? await interactionsOfCustomers(customerIds)
			: await ordersOfCustomers(customerIds);
	return new Set(list.map((r) => activityKey(r as ActivityKeySource)));
}

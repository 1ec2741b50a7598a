import type { Order } from '$lib/domain/order/order';
import { db } from '../db';
import { editById } from './edit-by-id';

/** A customer's purchase history (购买记录), newest first. */
export async function listOrdersForCustomer(customerId: string): Promise<Order[]> {
	const list = await db().orders.where('customerId').equals(customerId).toArray();
	return list.filter((o) => o.trashedAt === null).sort((a, b) => b.at - a.at);
}

/** The order a won deal recorded (several if it was won, reopened and won again). */
export async function listOrdersForDeal(dealId: string): Promise<Order[]> {
	const list = await db().orders.where('dealId').equals(dealId).toArray();
	return list.filter((o) => o.trashedAt === null).sort((a, b) => b.at - a.at);
}

/** Moves an order to the trash (a return, a mistake): it stops counting as a sale. */
export async function trashOrder(id: string): Promise<void> {
	await editById(db().orders, id, () => ({ trashedAt: Date.now() }));
}

import type { Task } from '$lib/domain/task/task';
import { db } from '../db';

/** Tasks linked to a customer (open and done), for its timeline. */
export async function listTasksForCustomer(customerId: string): Promise<Task[]> {
	const list = await db().tasks.where('customerId').equals(customerId).toArray();
	return list.filter((t) => t.trashedAt === null);
}

import type { ContactPerson, Customer } from '../customer/customer';
import { CUSTOMER_PARTS, type CustomerPart } from '../customer/parts';
import type { Deal } from '../deal/deal';
import type { Feedback } from '../feedback/feedback';
import type { Goal } from '../goal/goal';
import type { Interaction } from '../interaction/interaction';
import type { Order } from '../order/order';
import type { Task } from '../task/task';
import type { Ticket } from '../ticket/ticket';

/**
 * Every kind of record the app moves to the trash (a person's click, Undo of an import, a
 * teammate's trash merged from a file), in the order the Trash page lists them. Each is a table
 * of the same name with a `trashedAt` field. Members and reviews have the field too, but nothing
 * here trashes them. A deal's stage history goes with its deal and is never trashed on its own.
 */
type TrashedPart = Exclude<CustomerPart, 'dealStageChanges'>;
export const TRASH_KINDS = [
	'customers',
	...CUSTOMER_PARTS.filter((p): p is TrashedPart => p !== 'dealStageChanges'),
	'goals'
] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];

/** A trashed record with its kind: the type of the record follows the kind. */
export type TrashRecord =
	| { kind: 'customers'; record: Customer }
	| { kind: 'contacts'; record: ContactPerson }
	| { kind: 'interactions'; record: Interaction }
	| { kind: 'tasks'; record: Task }
	| { kind: 'deals'; record: Deal }
	| { kind: 'orders'; record: Order }
	| { kind: 'tickets'; record: Ticket }
	| { kind: 'feedback'; record: Feedback }
	| { kind: 'goals'; record: Goal };

/**
 * The customer a record belongs to, or null: a customer and a goal belong to none, and a task
 * may not. Read leniently (a record from a file of another version may lack the field).
 */
export function customerIdOf(kind: TrashKind, record: object): string | null {
	if (kind === 'customers' || kind === 'goals') return null;
	const id = (record as { customerId?: unknown }).customerId;
	return typeof id === 'string' && id !== '' ? id : null;
}

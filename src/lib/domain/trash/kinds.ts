import type { ContactPerson, Customer } from '../customer/customer';
import { CUSTOMER_PARTS, type CustomerPart } from '../customer/parts';
import type { Deal } from '../deal/deal';
import type { Feedback } from '../feedback/feedback';
import type { Goal } from '../goal/goal';
import type { StoredCourse, StoredTrainingRecord } from '../growth/synced';
import type { Interaction } from '../interaction/interaction';
import type { Order } from '../order/order';
import type { StoredChecklist, StoredWorkPlan } from '../plan/synced';
import type { Task } from '../task/task';
import type { Ticket } from '../ticket/ticket';

/**
 * Every kind of record the app moves to the trash (a person's click, Undo of an import, a
 * teammate's trash merged from a file), in the order the Trash page lists them. Each is a table
 * of the same name with a `trashedAt` field.
 *
 * Other tables have the field but stay out, each for a reason of its own: a member who left
 * and a ladder level are still named by the records and history that refer to them (so never
 * deleted for good), a member's dated fact and a period's close are keyed records whose removal
 * the team pages undo themselves (setting the fact again, closing the period again), and
 * nothing trashes a review, a pay plan, a team bonus or a contest. A deal's stage history goes
 * with its deal and is never trashed on its own.
 */
type TrashedPart = Exclude<CustomerPart, 'dealStageChanges'>;
export const TRASH_PARTS = CUSTOMER_PARTS.filter((p): p is TrashedPart => p !== 'dealStageChanges');
export const TRASH_KINDS = [
	'customers',
	...TRASH_PARTS,
	'goals',
	'courses',
	'trainingRecords',
	'workPlans',
	'checklists'
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
	| { kind: 'goals'; record: Goal }
	| { kind: 'courses'; record: StoredCourse }
	| { kind: 'trainingRecords'; record: StoredTrainingRecord }
	| { kind: 'workPlans'; record: StoredWorkPlan }
	| { kind: 'checklists'; record: StoredChecklist };

const PARTS: ReadonlySet<string> = new Set(CUSTOMER_PARTS);

/**
 * The customer a record belongs to, or null: only a customer's parts have one (and a task may
 * not). Read leniently (a record from a file of another version may lack the field).
 */
export function customerIdOf(kind: TrashKind, record: object): string | null {
	if (!PARTS.has(kind)) return null;
	const id = (record as { customerId?: unknown }).customerId;
	return typeof id === 'string' && id !== '' ? id : null;
}

import { isOpenTask } from '../task/ics';
import { isOpenTicket } from '../ticket/deadline';

/**
 * Index fields that exist only on records still open, so that an index over them holds only
 * those: IndexedDB leaves out a record whose key is missing. One manager's done tasks and closed
 * tickets pile up for years; Home asks only for the open ones, and reads only them.
 *
 * - `openDueAt` on tasks: the due time while the task is open (not done, not trashed);
 * - `openDeadlineAt` on tickets: the resolution deadline while the ticket is open.
 *
 * They are derived (never stamped, never merged, never exported) and set on every write by the
 * database layer (db/open-keys-middleware.ts).
 */
export const OPEN_KEY_FIELDS = { tasks: 'openDueAt', tickets: 'openDeadlineAt' } as const;
export type OpenKeyTable = keyof typeof OPEN_KEY_FIELDS;

type Loose = Record<string, unknown>;

/** The open key of a record: a number while it is open, undefined once it is not. */
export function openKeyOf(table: OpenKeyTable, record: Loose): number | undefined {
	if (table === 'tasks') {
		const t = record as Parameters<typeof isOpenTask>[0];
		return isOpenTask(t) ? t.dueAt : undefined;
	}
	const t = record as Parameters<typeof isOpenTicket>[0] & { deadlineAt?: unknown };
	return isOpenTicket(t) && typeof t.deadlineAt === 'number' && Number.isFinite(t.deadlineAt)
		? t.deadlineAt
		: undefined;
}

/** The record with its open key set or removed (the same object when it is already right). */
export function withOpenKey<R extends Loose>(table: OpenKeyTable, record: R): R {
	const field = OPEN_KEY_FIELDS[table];
	const key = openKeyOf(table, record);
	if (record[field] === key && (key !== undefined || !Object.hasOwn(record, field))) return record;
	const out: Loose = { ...record };
	if (key === undefined) delete out[field];
	else out[field] = key;
	return out as R;
}

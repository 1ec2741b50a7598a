import {
	DEFAULT_RESOLUTION_HOURS,
	OPEN_TICKET_STATUSES,
	overdueTickets,
	resolutionDeadline,
	resolutionHoursErrors,
	type ResolutionHours
} from '$lib/domain/ticket/deadline';
import type { Feedback } from '$lib/domain/feedback/feedback';
import {
	DEPARTMENTS,
	TICKET_KINDS,
	TICKET_PRIORITIES,
	TICKET_STATUSES,
	type Ticket
} from '$lib/domain/ticket/ticket';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { editById } from './edit-by-id';
import { isFiniteNumber, refuse, textError } from './field-errors';
import { assertMayClose, gateTables } from './checklist-gate';
import { readTeamSetting, writeTeamSetting } from './team-settings';

/** What a person fills in when a complaint or request comes in. */
export type TicketDraft = Pick<
	Ticket,
	'customerId' | 'kind' | 'priority' | 'title' | 'description' | 'openedAt' | 'ownerId'
>;

const FIVE_MINUTES = 5 * 60_000;

function checked(d: TicketDraft): TicketDraft {
	const errors = [];
	if (!d.customerId) errors.push({ field: 'customerId', code: 'customer_required' });
	if (!TICKET_KINDS.includes(d.kind)) errors.push({ field: 'kind', code: 'kind_invalid' });
	if (!TICKET_PRIORITIES.includes(d.priority))
		errors.push({ field: 'priority', code: 'priority_invalid' });
	const title = textError('title', d.title, 200, true);
	if (title) errors.push(title);
	const description = textError('description', d.description, 5000, false);
	if (description) errors.push(description);
	if (!isFiniteNumber(d.openedAt) || d.openedAt > Date.now() + FIVE_MINUTES)
		errors.push({ field: 'openedAt', code: 'date_invalid' });
	if (!d.ownerId) errors.push({ field: 'ownerId', code: 'owner_required' });
	refuse(errors);
	return { ...d, title: d.title.trim(), description: d.description.trim() };
}

/** Resolution deadline per priority in hours (a team setting), the defaults while it has none. */
export async function getResolutionHours(): Promise<ResolutionHours> {
	return (await readTeamSetting('ticketResolutionHours')) ?? { ...DEFAULT_RESOLUTION_HOURS };
}

export async function setResolutionHours(hours: ResolutionHours): Promise<void> {
	refuse(resolutionHoursErrors(hours));
	await writeTeamSetting('ticketResolutionHours', { ...hours });
}

export function getTicket(id: string): Promise<Ticket | undefined> {
	return db().tickets.get(id);
}

/** Tickets of one owner, or everyone's when `ownerId` is null; trashed ones left out. */
export async function listTickets(ownerId: string | null): Promise<Ticket[]> {
	const table = db().tickets;
	const list = await (ownerId === null
		? table.toArray()
		: table.where('ownerId').equals(ownerId).toArray());
	return list.filter((t) => t.trashedAt === null);
}

export async function listTicketsForCustomer(customerId: string): Promise<Ticket[]> {
	const list = await db().tickets.where('customerId').equals(customerId).toArray();
	return list.filter((t) => t.trashedAt === null).sort((a, b) => b.openedAt - a.openedAt);
}

/**
 * Open tickets of an owner past their deadline at `now`: how many, and the most overdue first (at
 * most `limit`), from the open-only index (migrations/v7.ts): closed tickets are not read, nor
 * the overdue ones past the first few.
 */
export async function overdueTicketsOf(
	ownerId: string,
	now: number,
	limit = 8
): Promise<{ total: number; first: Ticket[] }> {
	const late = () =>
		db().tickets.where('[ownerId+openDeadlineAt]').between([ownerId, -Infinity], [ownerId, now]);
	const [total, first] = await Promise.all([late().count(), late().limit(limit).toArray()]);
	return { total, first: overdueTickets(first, now) };
}

export async function createTicket(draft: TicketDraft): Promise<string> {
	const value = checked(draft);
	const hours = await getResolutionHours();
	const id = newId();
	const stamp = await nextStamp();
	const record = createRecord<Ticket>(
		id,
		{
			...value,
			status: 'new',
			department: '',
			handoverNote: '',
			resolution: '',
			deadlineAt: resolutionDeadline(value.openedAt, value.priority, hours),
			closedAt: null,
			satisfaction: null,
			trashedAt: null
		},
		stamp
	);
	await guarded(() => db().tickets.add(record));
	return id;
}

/** Edits what was reported; a new priority or opening time moves the deadline. */
export async function updateTicket(id: string, draft: TicketDraft): Promise<void> {
	const value = checked(draft);
	const hours = await getResolutionHours();
	await editById(db().tickets, id, () => ({
		...value,
		deadlineAt: resolutionDeadline(value.openedAt, value.priority, hours)
	}));
}

/**
 * Changes the status. Resolving or closing records when (once); going back to an open status
 * clears it, so the ticket can be late again.
 */
export async function setTicketStatus(id: string, status: Ticket['status']): Promise<void> {
	if (!TICKET_STATUSES.includes(status))
		throw new ValidationFailed([{ field: 'status', code: 'status_invalid' }]);
	const open = OPEN_TICKET_STATUSES.includes(status);
	await closingEdit(id, (t) => ({
		status,
		closedAt: open ? null : (t.closedAt ?? Date.now())
	}));
}

/**
 * A stamped edit of a ticket that may close it (leave its open statuses): refused while a
 * required item of its kind's checklist is unticked (`ChecklistIncomplete`). One transaction.
 */
async function closingEdit(
	id: string,
	change: (t: Ticket) => Partial<Omit<Ticket, 'id' | '_meta'>>
): Promise<void> {
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', [d.tickets, ...gateTables(d)], async () => {
			const t = await d.tickets.get(id);
			if (!t) throw new NotFound(`ticket ${id}`);
			const patch = change(t);
			if (closes(t, patch.status)) await assertMayClose(d, t);
			const { next, changed } = editRecord(t, patch, stamp);
			if (changed.length) await d.tickets.put(next);
		})
	);
}

/** Whether a new status takes an open ticket out of its open statuses. */
const closes = (t: Ticket, status: Ticket['status'] | undefined): boolean =>
	status !== undefined &&
	OPEN_TICKET_STATUSES.includes(t.status) &&
	!OPEN_TICKET_STATUSES.includes(status);

/** Hands the ticket to a department with a note; a new ticket is then in progress. */
export async function handOverTicket(
	id: string,
	department: Ticket['department'],
	note: string
): Promise<void> {
	const errors = [];
	if (!department || !DEPARTMENTS.includes(department))
		errors.push({ field: 'department', code: 'department_required' });
	const e = textError('handoverNote', note, 2000, false);
	if (e) errors.push(e);
	refuse(errors);
	await editById(db().tickets, id, (t) => ({
		department,
		handoverNote: note.trim(),
		status: t.status === 'new' ? 'in_progress' : t.status
	}));
}

/** Resolves with a note of what was done. */
export async function resolveTicket(id: string, resolution: string): Promise<void> {
	const e = textError('resolution', resolution, 5000, true);
	refuse(e ? [e] : []);
	await closingEdit(id, (t) => ({
		resolution: resolution.trim(),
		status: 'resolved' as const,
		closedAt: t.closedAt ?? Date.now()
	}));
}

/**
 * Closes the ticket with the customer's satisfaction (1-5, or null when they gave none). A score
 * is also kept as a CSAT answer of the customer, in the same transaction, so it counts in the
 * customer's averages like any other answer.
 */
export async function closeTicket(id: string, satisfaction: number | null): Promise<void> {
	if (
		satisfaction !== null &&
		!(Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5)
	)
		throw new ValidationFailed([{ field: 'satisfaction', code: 'score_invalid_csat' }]);
	const [stamp, feedbackStamp] = [await nextStamp(), await nextStamp()];
	const d = db();
	await guarded(() =>
		d.transaction('rw', [d.tickets, d.feedback, ...gateTables(d)], async () => {
			const t = await d.tickets.get(id);
			if (!t) throw new NotFound(`ticket ${id}`);
			if (closes(t, 'closed')) await assertMayClose(d, t);
			const now = Date.now();
			const { next } = editRecord(
				t,
				{ status: 'closed', closedAt: t.closedAt ?? now, satisfaction },
				stamp
			);
			await d.tickets.put(next);
			if (satisfaction === null) return;
			await d.feedback.add(
				createRecord<Feedback>(
					newId(),
					{
						customerId: t.customerId,
						kind: 'csat',
						score: satisfaction,
						channel: 'ticket',
						comment: t.title,
						at: now,
						ownerId: t.ownerId,
						trashedAt: null,
						...(t.demo ? { demo: true } : {})
					},
					feedbackStamp
				)
			);
		})
	);
}

export async function trashTicket(id: string): Promise<void> {
	await editById(db().tickets, id, () => ({ trashedAt: Date.now() }));
}

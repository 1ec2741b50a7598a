import { HOUR_MS } from '../shared/dates';
import type { EpochMs } from '../shared/types';
import { TICKET_PRIORITIES, type Ticket } from './ticket';

/**
 * Resolution deadlines (处理时限) per priority, in hours from opening. Configurable; the clock runs
 * in calendar hours (no business-hours calendar) and does not pause while waiting on the customer.
 */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = Ticket['status'];
export type ResolutionHours = Record<TicketPriority, number>;

export const DEFAULT_RESOLUTION_HOURS: Readonly<ResolutionHours> = Object.freeze({
	urgent: 4,
	high: 24,
	normal: 72,
	low: 168
});

const isHours = (h: unknown): h is number =>
	typeof h === 'number' && Number.isFinite(h) && h > 0 && h <= 24 * 365;

/** Field errors of resolution deadlines: hours per priority, above 0 and at most a year. */
export function resolutionHoursErrors(
	hours: Partial<Record<TicketPriority, unknown>>
): { field: TicketPriority; code: 'hours_invalid' }[] {
	return TICKET_PRIORITIES.filter((p) => !isHours(hours[p])).map((field) => ({
		field,
		code: 'hours_invalid' as const
	}));
}

/** Statuses in which the ticket still needs work (and can be late). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = [
	'new',
	'in_progress',
	'waiting_customer'
];

export function isOpenTicket(t: Pick<Ticket, 'status' | 'trashedAt'>): boolean {
	return t.trashedAt == null && OPEN_TICKET_STATUSES.includes(t.status);
}

/**
 * Deadline for a ticket opened at `openedAt`. A missing or invalid configured value falls back to
 * the default for that priority; an unknown priority is treated as normal.
 */
export function resolutionDeadline(
	openedAt: EpochMs,
	priority: TicketPriority,
	hours: Readonly<Partial<ResolutionHours>> = DEFAULT_RESOLUTION_HOURS
): EpochMs {
	const p: TicketPriority = priority in DEFAULT_RESOLUTION_HOURS ? priority : 'normal';
	const configured = hours[p];
	const h =
		typeof configured === 'number' && Number.isFinite(configured) && configured > 0
			? configured
			: DEFAULT_RESOLUTION_HOURS[p];
	return openedAt + h * HOUR_MS;
}

type DeadlineTicket = Pick<Ticket, 'status' | 'deadlineAt' | 'trashedAt'>;

/** An open ticket whose deadline has passed. Resolved, closed and trashed tickets are never overdue. */
export function isOverdue(t: DeadlineTicket, now: EpochMs): boolean {
	return isOpenTicket(t) && now >= t.deadlineAt;
}

/** Milliseconds until the deadline (negative once overdue); null for tickets no longer open. */
export function timeLeft(t: DeadlineTicket, now: EpochMs): number | null {
	return isOpenTicket(t) && Number.isFinite(t.deadlineAt) ? t.deadlineAt - now : null;
}

/** Whether a finished ticket was resolved after its deadline (for reports); null while open. */
export function closedLate(t: Pick<Ticket, 'status' | 'deadlineAt' | 'closedAt'>): boolean | null {
	if (t.status !== 'resolved' && t.status !== 'closed') return null;
	return t.closedAt !== null && t.closedAt > t.deadlineAt;
}

/**
 * Open tickets past their deadline, most overdue first, in one pass (for the home page and badges).
 */
export function overdueTickets<T extends DeadlineTicket>(tickets: Iterable<T>, now: EpochMs): T[] {
	const out: T[] = [];
	for (const t of tickets) if (isOverdue(t, now)) out.push(t);
	return out.sort((a, b) => a.deadlineAt - b.deadlineAt);
}

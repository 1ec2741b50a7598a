import { isOpenTicket, isOverdue } from '$lib/domain/ticket/deadline';
import type { Ticket } from '$lib/domain/ticket/ticket';

export interface TicketFilter {
	/** 'open' (new, in progress, waiting), a single status, or '' for all. */
	status: '' | 'open' | Ticket['status'];
	kind: '' | Ticket['kind'];
	overdueOnly: boolean;
}

export const DEFAULT_TICKET_FILTER: TicketFilter = { status: 'open', kind: '', overdueOnly: false };

/** Tickets matching the filter; late ones first (most overdue first), then by deadline, newest. */
export function filterTickets(tickets: readonly Ticket[], f: TicketFilter, now: number): Ticket[] {
	const out = tickets.filter((tk) => {
		if (f.status === 'open' ? !isOpenTicket(tk) : f.status && tk.status !== f.status) return false;
		if (f.kind && tk.kind !== f.kind) return false;
		return !f.overdueOnly || isOverdue(tk, now);
	});
	return out.sort((a, b) => {
		const la = isOverdue(a, now) ? 0 : isOpenTicket(a) ? 1 : 2;
		const lb = isOverdue(b, now) ? 0 : isOpenTicket(b) ? 1 : 2;
		return la - lb || (la < 2 ? a.deadlineAt - b.deadlineAt : b.openedAt - a.openedAt);
	});
}

import { isOneOf } from '$lib/domain/shared/one-of';
import {
	DEPARTMENTS,
	TICKET_KINDS,
	TICKET_PRIORITIES,
	TICKET_STATUSES
} from '$lib/domain/ticket/ticket';
import { errorText, t } from '$lib/i18n/i18n.svelte';

/** Ticket codes → messages; a code outside its set shows a generic text, not a raw key. */
export const ticketStatusText = (s: string): string =>
	t(isOneOf(TICKET_STATUSES, s) ? `tickets.ticket_status_${s}` : 'common.error_unknown');
export const ticketKindText = (k: string): string =>
	t(isOneOf(TICKET_KINDS, k) ? `tickets.ticket_kind_${k}` : 'common.error_unknown');
export const ticketPriorityText = (p: string): string =>
	t(isOneOf(TICKET_PRIORITIES, p) ? `tickets.ticket_priority_${p}` : 'common.error_unknown');
/** No department (an empty code) has its own message. */
export const departmentText = (d: string): string =>
	t(isOneOf(DEPARTMENTS, d) ? `tickets.department_${d}` : 'tickets.department_none');

/** A validation code of a ticket, of its hand-over, resolution or closing, or of the deadlines. */
export const ticketErrorText = (code: string): string => errorText('tickets', code);

import { codeText, errorText } from '$lib/i18n/i18n.svelte';

/** Ticket codes → messages; a code without a message shows a generic text, not a raw key. */
export const ticketStatusText = (s: string): string =>
	codeText(`tickets.ticket_status_${s}`, 'common.error_unknown');
export const ticketKindText = (k: string): string =>
	codeText(`tickets.ticket_kind_${k}`, 'common.error_unknown');
export const ticketPriorityText = (p: string): string =>
	codeText(`tickets.ticket_priority_${p}`, 'common.error_unknown');
export const departmentText = (d: string): string =>
	codeText(`tickets.department_${d || 'none'}`, 'tickets.department_none');

/** A validation code of a ticket, of its hand-over, resolution or closing, or of the deadlines. */
export const ticketErrorText = (code: string): string => errorText('tickets', code);

import { csvDateTime } from '$lib/components/home/csv-cells';
import { departmentText, ticketKindText, ticketPriorityText, ticketStatusText } from './text';
import { isOverdue } from '$lib/domain/ticket/deadline';
import type { Ticket } from '$lib/domain/ticket/ticket';
import { t } from '$lib/i18n/i18n.svelte';

/** Tickets as CSV rows, header first; "past deadline" is a column of its own. */
export function ticketCsvRows(
	tickets: readonly Ticket[],
	customerName: (id: string) => string,
	now: number
): string[][] {
	const header = [
		t('tickets.ticket_field_title'),
		t('common.customer'),
		t('tickets.ticket_field_kind'),
		t('tickets.ticket_field_status'),
		t('tickets.ticket_field_priority'),
		t('tickets.ticket_field_opened'),
		t('tickets.ticket_field_deadline'),
		t('tickets.ticket_overdue'),
		t('tickets.ticket_field_department'),
		t('tickets.ticket_field_handover_note'),
		t('tickets.ticket_field_resolution'),
		t('tickets.ticket_field_closed'),
		t('tickets.ticket_field_satisfaction')
	];
	return [
		header,
		...tickets.map((tk) => [
			tk.title,
			customerName(tk.customerId),
			ticketKindText(tk.kind),
			ticketStatusText(tk.status),
			ticketPriorityText(tk.priority),
			csvDateTime(tk.openedAt),
			csvDateTime(tk.deadlineAt),
			isOverdue(tk, now) ? t('tickets.yes') : '',
			tk.department ? departmentText(tk.department) : '',
			tk.handoverNote,
			tk.resolution,
			csvDateTime(tk.closedAt),
			tk.satisfaction === null ? '' : String(tk.satisfaction)
		])
	];
}

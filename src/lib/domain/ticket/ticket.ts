import type { Synced } from '../../sync/stamp';
import type { EpochMs, Id } from '../shared/types';

export const TICKET_KINDS = ['complaint', 'support', 'repair', 'return', 'exchange'] as const;
export const TICKET_STATUSES = [
	'new',
	'in_progress',
	'waiting_customer',
	'resolved',
	'closed'
] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const DEPARTMENTS = ['sales', 'marketing', 'technical', 'after_sales'] as const;

/** A complaint, support request or after-sales case (工单). */
export interface Ticket extends Synced {
	customerId: Id;
	kind: (typeof TICKET_KINDS)[number];
	status: (typeof TICKET_STATUSES)[number];
	priority: (typeof TICKET_PRIORITIES)[number];
	title: string;
	description: string;
	department: (typeof DEPARTMENTS)[number] | '';
	handoverNote: string;
	resolution: string;
	openedAt: EpochMs;
	deadlineAt: EpochMs;
	closedAt: EpochMs | null;
	satisfaction: number | null;
	ownerId: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

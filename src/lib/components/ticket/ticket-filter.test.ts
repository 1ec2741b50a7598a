import { describe, expect, it } from 'vitest';
import type { Ticket } from '$lib/domain/ticket/ticket';
import { DEFAULT_TICKET_FILTER, filterTickets } from './ticket-filter';

const meta = { created: { hlc: 'h', by: 'm' }, updated: 'h' };
const NOW = 1_000_000;
const ticket = (id: string, over: Partial<Ticket>): Ticket => ({
	id,
	customerId: 'c',
	kind: 'support',
	status: 'new',
	priority: 'normal',
	title: id,
	description: '',
	department: '',
	handoverNote: '',
	resolution: '',
	openedAt: 0,
	deadlineAt: NOW + 10,
	closedAt: null,
	satisfaction: null,
	ownerId: 'm',
	trashedAt: null,
	_meta: meta,
	...over
});

const list = [
	ticket('soon', { deadlineAt: NOW + 5 }),
	ticket('late', { deadlineAt: NOW - 100, kind: 'complaint' }),
	ticket('later', { deadlineAt: NOW + 50 }),
	ticket('closed', { status: 'closed', deadlineAt: NOW - 500, closedAt: NOW - 600 }),
	ticket('latest', { deadlineAt: NOW - 1, status: 'waiting_customer' })
];
const ids = (f: Partial<typeof DEFAULT_TICKET_FILTER>) =>
	filterTickets(list, { ...DEFAULT_TICKET_FILTER, ...f }, NOW).map((x) => x.id);

describe('filterTickets', () => {
	it('shows open tickets, the late ones first', () => {
		expect(ids({})).toEqual(['late', 'latest', 'soon', 'later']);
	});
	it('narrows to overdue, a kind or a status', () => {
		expect(ids({ overdueOnly: true })).toEqual(['late', 'latest']);
		expect(ids({ kind: 'complaint' })).toEqual(['late']);
		expect(ids({ status: 'closed' })).toEqual(['closed']);
		expect(ids({ status: '' })).toHaveLength(5);
	});
});

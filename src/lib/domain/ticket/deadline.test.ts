import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../shared/dates';
import type { Ticket } from './ticket';
import {
	DEFAULT_RESOLUTION_HOURS,
	closedLate,
	isOpenTicket,
	isOverdue,
	overdueTickets,
	resolutionDeadline,
	timeLeft
} from './deadline';

const OPENED = Date.UTC(2025, 4, 6, 1);

type T = Pick<Ticket, 'id' | 'status' | 'deadlineAt' | 'closedAt' | 'trashedAt'>;
function ticket(p: Partial<T> = {}): T {
	return {
		id: 't',
		status: 'new',
		deadlineAt: OPENED + 4 * HOUR_MS,
		closedAt: null,
		trashedAt: null,
		...p
	};
}

describe('resolutionDeadline', () => {
	it('uses the default hours per priority', () => {
		expect(DEFAULT_RESOLUTION_HOURS).toEqual({ urgent: 4, high: 24, normal: 72, low: 168 });
		expect(resolutionDeadline(OPENED, 'urgent')).toBe(OPENED + 4 * HOUR_MS);
		expect(resolutionDeadline(OPENED, 'high')).toBe(OPENED + 24 * HOUR_MS);
		expect(resolutionDeadline(OPENED, 'normal')).toBe(OPENED + 72 * HOUR_MS);
		expect(resolutionDeadline(OPENED, 'low')).toBe(OPENED + 168 * HOUR_MS);
	});
	it('honours configured hours, including fractions', () => {
		expect(resolutionDeadline(OPENED, 'urgent', { ...DEFAULT_RESOLUTION_HOURS, urgent: 1.5 })).toBe(
			OPENED + 90 * 60_000
		);
	});
	it('falls back to the default for a missing or invalid value, and normal for an unknown priority', () => {
		expect(resolutionDeadline(OPENED, 'high', { urgent: 2 })).toBe(OPENED + 24 * HOUR_MS);
		expect(resolutionDeadline(OPENED, 'high', { high: 0 })).toBe(OPENED + 24 * HOUR_MS);
		expect(resolutionDeadline(OPENED, 'high', { high: Number.NaN })).toBe(OPENED + 24 * HOUR_MS);
		expect(resolutionDeadline(OPENED, 'critical' as 'high')).toBe(OPENED + 72 * HOUR_MS);
	});
});

describe('isOverdue and timeLeft', () => {
	const deadline = OPENED + 4 * HOUR_MS;
	it('an open ticket turns overdue at its deadline', () => {
		expect(isOverdue(ticket(), deadline - 1)).toBe(false);
		expect(isOverdue(ticket(), deadline)).toBe(true);
		expect(isOverdue(ticket({ status: 'waiting_customer' }), deadline + 1)).toBe(true);
		expect(isOverdue(ticket({ status: 'in_progress' }), deadline + 1)).toBe(true);
	});
	it('resolved, closed or trashed tickets are never overdue', () => {
		expect(isOverdue(ticket({ status: 'resolved' }), deadline + HOUR_MS)).toBe(false);
		expect(isOverdue(ticket({ status: 'closed' }), deadline + HOUR_MS)).toBe(false);
		expect(isOverdue(ticket({ trashedAt: 1 }), deadline + HOUR_MS)).toBe(false);
	});
	it('time left counts down and goes negative', () => {
		expect(timeLeft(ticket(), OPENED)).toBe(4 * HOUR_MS);
		expect(timeLeft(ticket(), deadline + HOUR_MS)).toBe(-HOUR_MS);
		expect(timeLeft(ticket({ status: 'closed' }), OPENED)).toBeNull();
		expect(timeLeft(ticket({ deadlineAt: Number.NaN }), OPENED)).toBeNull();
	});
	it('isOpenTicket', () => {
		expect(isOpenTicket(ticket())).toBe(true);
		expect(isOpenTicket(ticket({ status: 'resolved' }))).toBe(false);
	});
});

describe('closedLate', () => {
	it('compares the close time with the deadline', () => {
		const d = OPENED + 4 * HOUR_MS;
		expect(closedLate(ticket({ status: 'closed', closedAt: d }))).toBe(false);
		expect(closedLate(ticket({ status: 'resolved', closedAt: d + 1 }))).toBe(true);
		expect(closedLate(ticket({ status: 'in_progress' }))).toBeNull();
	});
});

describe('overdueTickets', () => {
	it('lists open late tickets, most overdue first', () => {
		const now = OPENED + 10 * HOUR_MS;
		const list = overdueTickets(
			[
				ticket({ id: 'late', deadlineAt: OPENED + 8 * HOUR_MS }),
				ticket({ id: 'later', deadlineAt: OPENED + 2 * HOUR_MS }),
				ticket({ id: 'fine', deadlineAt: OPENED + 20 * HOUR_MS }),
				ticket({ id: 'closed', status: 'closed', deadlineAt: OPENED })
			],
			now
		);
		expect(list.map((t) => t.id)).toEqual(['later', 'late']);
	});
});

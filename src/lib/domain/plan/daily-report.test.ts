import { describe, expect, it } from 'vitest';
import { HOUR_MS, isoDateStart, MINUTE_MS } from '../shared/dates';
import {
	dailyReportId,
	draftDailyFigures,
	markSent,
	notSentByDeadline,
	reportDeadline,
	reportState,
	teamDay,
	validateDailyReport,
	type DailyReport
} from './daily-report';
import type { LogTicket } from './log';
import { logged as ix } from './test-helpers';

const CN = 480;
const DAY = '2025-03-12';
const at = (hour: number, min = 0, date = DAY) =>
	isoDateStart(date, CN)! + hour * HOUR_MS + min * MINUTE_MS;

describe('draftDailyFigures', () => {
	const interactions = [
		ix('visit', at(9), { customerId: 'c1' }),
		ix('call', at(11), { customerId: 'c1' }),
		ix('wechat', at(23, 59), { customerId: 'c2' }),
		ix('call', at(0, 0, '2025-03-13'), { customerId: 'c3' }),
		ix('call', at(10), { customerId: 'c4', trashedAt: 1 }),
		ix('call', at(10), { customerId: 'c5', ownerId: 'm2' })
	];
	const tickets: LogTicket[] = [
		{ id: 't2', ownerId: 'm1', closedAt: at(15), trashedAt: null },
		{ id: 't1', ownerId: 'm1', closedAt: at(8), trashedAt: null },
		{ id: 't3', ownerId: 'm1', closedAt: null, trashedAt: null },
		{ id: 't4', ownerId: 'm1', closedAt: at(8, 0, '2025-03-11'), trashedAt: null },
		{ id: 't5', ownerId: 'm2', closedAt: at(8), trashedAt: null }
	];
	const dealMoves = [
		{ dealId: 'd1', ownerId: 'm1', by: 'm1', at: at(16), toStage: 'negotiation' },
		{ dealId: 'd1', ownerId: 'm1', by: 'm1', at: at(10), toStage: 'proposal' },
		{ dealId: 'd2', ownerId: 'm1', by: 'm1', at: at(12), toStage: 'won' },
		{ dealId: 'd3', ownerId: 'm1', by: 'lead', at: at(12), toStage: 'lost' }
	];
	it('drafts the day’s figures from the log, in local days', () => {
		expect(draftDailyFigures('m1', DAY, CN, { interactions, dealMoves, tickets })).toEqual({
			contacts: 2,
			visits: 1,
			customersReached: 2,
			dealsMoved: [
				{ dealId: 'd2', toStage: 'won' },
				{ dealId: 'd1', toStage: 'negotiation' }
			],
			ticketsClosed: ['t1', 't2']
		});
	});
	it('counts the same log on another day in another zone', () => {
		// At UTC, 23:59 Beijing on the 12th is 15:59 on the 12th, 00:00 on the 13th is 16:00 on the 12th.
		expect(draftDailyFigures('m1', DAY, 0, { interactions, dealMoves, tickets })?.contacts).toBe(3);
	});
	it('has no draft for a malformed date', () => {
		expect(
			draftDailyFigures('m1', '2025-02-30', CN, { interactions, dealMoves, tickets })
		).toBeNull();
	});
});

const report = (memberId: string, sentAt: number | null, date = DAY): DailyReport => ({
	id: dailyReportId(memberId, date),
	memberId,
	date,
	figures: { contacts: 0, visits: 0, customersReached: 0, dealsMoved: [], ticketsClosed: [] },
	problems: '',
	helpNeeded: '',
	tomorrowPlan: '',
	sentAt,
	leadComment: ''
});

describe('the 18:00 rule', () => {
	const deadline = reportDeadline(DAY, CN)!;
	it('puts the deadline at 18:00 local time, or the team’s own minute', () => {
		expect(deadline).toBe(Date.UTC(2025, 2, 12, 10));
		expect(reportDeadline(DAY, CN, 17 * 60 + 30)).toBe(Date.UTC(2025, 2, 12, 9, 30));
		expect(reportDeadline(DAY, CN, 2000)).toBe(deadline);
		expect(reportDeadline(DAY, CN, Number.NaN)).toBe(deadline);
		expect(reportDeadline('x', CN)).toBeNull();
	});
	it.each([
		[at(17, 59), null, 'due'],
		[at(18), null, 'missing'],
		[at(21), at(17), 'sent'],
		[at(21), at(18), 'sent_late'],
		[at(12), at(11), 'sent']
	])('at %d, sent %s: %s', (now, sentAt, state) => {
		expect(reportState({ sentAt }, deadline, now)).toBe(state);
	});
	it('lists the team’s day and who has not sent by 18:00', () => {
		const reports = [
			report('a', at(17)),
			report('b', at(19)),
			report('c', null),
			report('d', at(9), '2025-03-11')
		];
		const rows = teamDay(['a', 'b', 'c', 'd', 'e'], reports, DAY, CN, at(18, 1));
		expect(rows?.map((r) => [r.memberId, r.state])).toEqual([
			['a', 'sent'],
			['b', 'sent_late'],
			['c', 'missing'],
			['d', 'missing'],
			['e', 'missing']
		]);
		expect(notSentByDeadline(rows!)).toEqual(['c', 'd', 'e']);
		// Before 18:00 nobody is missing yet, and b has not sent.
		expect(teamDay(['b'], [report('b', null)], DAY, CN, at(17))?.[0]?.state).toBe('due');
		expect(notSentByDeadline(teamDay(['c'], reports, DAY, CN, at(17))!)).toEqual([]);
		expect(teamDay(['a'], reports, 'bad', CN, at(17))).toBeNull();
	});
});

describe('sending and checking a report', () => {
	it('keeps the first sending time', () => {
		expect(markSent(report('a', null), 5).sentAt).toBe(5);
		expect(markSent(report('a', 3), 5).sentAt).toBe(3);
	});
	it('refuses a bad date or overlong texts', () => {
		expect(validateDailyReport(report('a', null))).toEqual([]);
		expect(
			validateDailyReport({ ...report('a', null), date: '2025-13-01', problems: 'x'.repeat(5001) })
		).toEqual([
			{ field: 'date', code: 'date_invalid' },
			{ field: 'problems', code: 'text_too_long' }
		]);
	});
	it('derives one report id per member and day', () => {
		expect(dailyReportId('m1', DAY)).toBe('daily:m1:2025-03-12');
	});
});

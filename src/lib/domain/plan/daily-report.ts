import { DAY_MS, isoDateStart, MINUTE_MS } from '../shared/dates';
import type { EpochMs, Id, IsoDate } from '../shared/types';
import { inSpan, type DealMove, type LogInteraction, type LogTicket } from './log';

/**
 * The daily report (日报): figures drafted from the day's log, to which the manager adds what no
 * log holds (problems, help needed, tomorrow's plan) before sending it; the lead reads the team's
 * reports of a day and sees who has not sent one by the deadline (18:00 unless the team says
 * otherwise). Days are local days at the offset the caller gives.
 */
export interface DailyFigures {
	/** Logged contacts other than visits (calls, WeChat, email, meetings …). */
	contacts: number;
	visits: number;
	/** Distinct customers reached by either. */
	customersReached: number;
	/** Deals the member moved that day, each with the stage it ended the day in. */
	dealsMoved: { dealId: Id; toStage: string }[];
	ticketsClosed: Id[];
}

export interface DailyReport {
	id: Id;
	memberId: Id;
	date: IsoDate;
	figures: DailyFigures;
	problems: string;
	helpNeeded: string;
	tomorrowPlan: string;
	/** First send; edits after it keep it. */
	sentAt: EpochMs | null;
	leadComment: string;
}

export const DEFAULT_REPORT_DEADLINE_MIN = 18 * 60;
export const MAX_REPORT_TEXT = 5000;

/** One report per member and day. */
export function dailyReportId(memberId: Id, date: IsoDate): Id {
	return `daily:${memberId}:${date}`;
}

export interface DayLog {
	interactions: Iterable<LogInteraction>;
	dealMoves: Iterable<DealMove>;
	tickets: Iterable<LogTicket>;
}

/** The figures of a member's day; null for a malformed date. */
export function draftDailyFigures(
	memberId: Id,
	date: IsoDate,
	tzOffsetMin: number,
	log: DayLog
): DailyFigures | null {
	const startAt = isoDateStart(date, tzOffsetMin);
	if (startAt === null) return null;
	const day = { startAt, endAt: startAt + DAY_MS };
	let contacts = 0;
	let visits = 0;
	const customers = new Set<Id>();
	for (const i of log.interactions) {
		if (i.ownerId !== memberId || i.trashedAt != null || !inSpan(i.at, day)) continue;
		if (i.type === 'visit') visits++;
		else contacts++;
		customers.add(i.customerId);
	}
	const moves = new Map<Id, DealMove>();
	for (const m of log.dealMoves) {
		if (m.by !== memberId || !inSpan(m.at, day)) continue;
		const prev = moves.get(m.dealId);
		if (!prev || m.at > prev.at) moves.set(m.dealId, m);
	}
	const ticketsClosed: Id[] = [];
	for (const t of log.tickets) {
		if (
			t.ownerId === memberId &&
			t.trashedAt == null &&
			t.closedAt !== null &&
			inSpan(t.closedAt, day)
		) {
			ticketsClosed.push(t.id);
		}
	}
	return {
		contacts,
		visits,
		customersReached: customers.size,
		dealsMoved: [...moves.values()]
			.sort((a, b) => a.at - b.at || (a.dealId < b.dealId ? -1 : 1))
			.map((m) => ({ dealId: m.dealId, toStage: m.toStage })),
		ticketsClosed: ticketsClosed.sort()
	};
}

export type DailyReportErrorCode = 'date_invalid' | 'text_too_long';

export function validateDailyReport(
	r: Pick<DailyReport, 'date' | 'problems' | 'helpNeeded' | 'tomorrowPlan' | 'leadComment'>
): { field: string; code: DailyReportErrorCode }[] {
	const errors: { field: string; code: DailyReportErrorCode }[] = [];
	if (isoDateStart(r.date, 0) === null) errors.push({ field: 'date', code: 'date_invalid' });
	for (const field of ['problems', 'helpNeeded', 'tomorrowPlan', 'leadComment'] as const) {
		if (r[field].length > MAX_REPORT_TEXT) errors.push({ field, code: 'text_too_long' });
	}
	return errors;
}

/** The report as sent at `now`: a report already sent keeps its first sending time. */
export function markSent<R extends Pick<DailyReport, 'sentAt'>>(r: R, now: EpochMs): R {
	return r.sentAt === null ? { ...r, sentAt: now } : r;
}

/**
 * sent: before the deadline; sent_late: after it; due: not sent, deadline still ahead;
 * missing: not sent and the deadline has passed.
 */
export type ReportState = 'sent' | 'sent_late' | 'due' | 'missing';

/**
 * The deadline of a day's report: its local midnight plus `deadlineMin` minutes (a team setting;
 * a value that is not a minute of the day falls back to 18:00).
 */
export function reportDeadline(
	date: IsoDate,
	tzOffsetMin: number,
	deadlineMin = DEFAULT_REPORT_DEADLINE_MIN
): EpochMs | null {
	const start = isoDateStart(date, tzOffsetMin);
	const minutes =
		Number.isInteger(deadlineMin) && deadlineMin >= 0 && deadlineMin <= 24 * 60
			? deadlineMin
			: DEFAULT_REPORT_DEADLINE_MIN;
	return start === null ? null : start + minutes * MINUTE_MS;
}

export function reportState(
	report: Pick<DailyReport, 'sentAt'> | null,
	deadline: EpochMs,
	now: EpochMs
): ReportState {
	if (report?.sentAt != null) return report.sentAt < deadline ? 'sent' : 'sent_late';
	return now < deadline ? 'due' : 'missing';
}

export interface TeamDayRow {
	memberId: Id;
	state: ReportState;
	report: DailyReport | null;
}

/**
 * The lead's page of a day: every member's report and its state, in the members' order. A report
 * of another day or member is ignored. Null for a malformed date.
 */
export function teamDay(
	memberIds: readonly Id[],
	reports: Iterable<DailyReport>,
	date: IsoDate,
	tzOffsetMin: number,
	now: EpochMs,
	deadlineMin = DEFAULT_REPORT_DEADLINE_MIN
): TeamDayRow[] | null {
	const deadline = reportDeadline(date, tzOffsetMin, deadlineMin);
	if (deadline === null) return null;
	const byMember = new Map<Id, DailyReport>();
	for (const r of reports) if (r.date === date) byMember.set(r.memberId, r);
	return memberIds.map((memberId) => {
		const report = byMember.get(memberId) ?? null;
		return { memberId, state: reportState(report, deadline, now), report };
	});
}

/** Who has not sent the day's report by the deadline, once it has passed. */
export function notSentByDeadline(rows: readonly TeamDayRow[]): Id[] {
	return rows.filter((r) => r.state === 'missing').map((r) => r.memberId);
}

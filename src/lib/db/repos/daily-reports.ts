import {
	dailyReportId,
	DEFAULT_REPORT_DEADLINE_MIN,
	draftDailyFigures,
	markSent,
	notSentByDeadline,
	reportDeadline,
	teamDay,
	validateDailyReport,
	type DailyFigures,
	type DailyReport,
	type TeamDayRow
} from '$lib/domain/plan/daily-report';
import { figuresOf } from '$lib/domain/plan/shapes';
import type { StoredDailyReport } from '$lib/domain/plan/synced';
import { DAY_MS, isoDateStart } from '$lib/domain/shared/dates';
import type { EpochMs, Id, IsoDate } from '$lib/domain/shared/types';
import { editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { NotFound, ValidationFailed } from '../errors';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { refuse } from './field-errors';
import { upsertKeyed } from './keyed-write';
import { interactionsOf, movesOfOwner, ticketsOf } from './plan-log';

/** What the manager writes into the day's report, which no log holds. */
export type DailyReportDraft = Pick<
	DailyReport,
	'memberId' | 'date' | 'problems' | 'helpNeeded' | 'tomorrowPlan'
>;

/** A stored report with its figures read leniently (a file may hold anything there). */
const read = (r: StoredDailyReport): StoredDailyReport => ({ ...r, figures: figuresOf(r.figures) });

/**
 * The figures of a member's day from their log, in the team's time zone: contacts and visits they
 * logged, deals they moved, tickets of theirs closed. Null for a malformed date.
 */
export async function draftDay(
	memberId: Id,
	date: IsoDate,
	tzOffsetMin: number
): Promise<DailyFigures | null> {
	const startAt = isoDateStart(date, tzOffsetMin);
	if (startAt === null) return null;
	const [interactions, dealMoves, tickets] = await Promise.all([
		interactionsOf(memberId, { startAt, endAt: startAt + DAY_MS }),
		movesOfOwner(memberId),
		ticketsOf(memberId)
	]);
	return draftDailyFigures(memberId, date, tzOffsetMin, { interactions, dealMoves, tickets });
}

export async function getDailyReport(
	memberId: Id,
	date: IsoDate
): Promise<StoredDailyReport | undefined> {
	const r = await db().dailyReports.get(dailyReportId(memberId, date));
	return r && read(r);
}

/** A member's latest reports, newest first. */
export async function latestReports(memberId: Id, limit = 7): Promise<StoredDailyReport[]> {
	const list = await db().dailyReports.where('memberId').equals(memberId).toArray();
	return list
		.sort((a, b) => b.date.localeCompare(a.date))
		.slice(0, limit)
		.map(read);
}

function checked(d: DailyReportDraft): DailyReportDraft {
	const value = {
		...d,
		problems: d.problems.trim(),
		helpNeeded: d.helpNeeded.trim(),
		tomorrowPlan: d.tomorrowPlan.trim()
	};
	const errors: { field: string; code: string }[] = validateDailyReport({
		...value,
		leadComment: ''
	});
	if (!value.memberId) errors.push({ field: 'memberId', code: 'member_required' });
	refuse(errors);
	return value;
}

/**
 * Saves the day's report with its figures drafted afresh from the log; `send` sends it (a report
 * sent before keeps its first sending time). One report per member and day: its id is that key.
 */
export async function saveDailyReport(
	draft: DailyReportDraft,
	tzOffsetMin: number,
	send: boolean,
	now: EpochMs = Date.now()
): Promise<StoredDailyReport> {
	const value = checked(draft);
	const figures = await draftDay(value.memberId, value.date, tzOffsetMin);
	if (!figures) throw new ValidationFailed([{ field: 'date', code: 'date_invalid' }]);
	const id = dailyReportId(value.memberId, value.date);
	const stamp = await nextStamp();
	const d = db();
	const saved = await guarded(() =>
		d.transaction('rw', d.dailyReports, () =>
			upsertKeyed(
				d.dailyReports,
				id,
				() => ({
					...value,
					figures,
					sentAt: send ? now : null,
					leadComment: ''
				}),
				(current) => ({
					...value,
					figures,
					sentAt: send ? markSent(current, now).sentAt : current.sentAt
				}),
				stamp
			)
		)
	);
	return read(saved);
}

/** The lead's comment on a report. */
export async function commentOnReport(id: Id, comment: string): Promise<void> {
	const text = comment.trim();
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.dailyReports, async () => {
			const report = await d.dailyReports.get(id);
			if (!report) throw new NotFound(`daily report ${id}`);
			refuse(
				validateDailyReport({ ...report, leadComment: text })
					.filter((e) => e.field === 'leadComment')
					.map((e) => ({ field: e.field, code: e.code }))
			);
			const { next, changed } = editRecord(report, { leadComment: text }, stamp);
			if (changed.length) await d.dailyReports.put(next);
		})
	);
}

export interface TeamDayView {
	rows: TeamDayRow[];
	/** Who has not sent the day's report by the deadline, once it has passed. */
	missing: Id[];
	deadline: EpochMs;
}

/**
 * The lead's page of a day: every member's report and whether it was sent by the deadline
 * (`deadlineMin` minutes after the day's midnight in the team's zone). Null for a malformed date.
 */
export async function teamDayReports(
	memberIds: readonly Id[],
	date: IsoDate,
	tzOffsetMin: number,
	now: EpochMs,
	deadlineMin = DEFAULT_REPORT_DEADLINE_MIN
): Promise<TeamDayView | null> {
	const deadline = reportDeadline(date, tzOffsetMin, deadlineMin);
	if (deadline === null) return null;
	const reports = (await db().dailyReports.where('date').equals(date).toArray()).map(read);
	const rows = teamDay(memberIds, reports, date, tzOffsetMin, now, deadlineMin);
	if (!rows) return null;
	return { rows, missing: notSentByDeadline(rows), deadline };
}

import type { MonthRow } from '$lib/domain/pay/month';
import { payCloseId, type PayClose } from '$lib/domain/pay/pay-close';
import { statementId, type PayoutStatement } from '$lib/domain/pay/statement';
import type { PayAck, StoredDispute } from '$lib/domain/pay/synced';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import type { TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { getSession } from '../session';
import { answersOf, type PayAnswers } from './pay-answers';
import { computeMonth, payMonth, readPayBase } from './pay-inputs';

/**
 * The statements as the pages show them: a closed month's are read as they were written at the
 * close; an open month's are computed from the records at each read (and change as they do).
 * A member sees only their own closed statements (they hold no one else's: pay is private).
 */

export interface PayRow {
	memberId: Id;
	memberName: string;
	row: MonthRow;
	acknowledged: boolean;
	disputes: number;
}

export interface MonthPay {
	period: TeamPeriod;
	close: PayClose | null;
	rows: PayRow[];
}

const byName = new Intl.Collator('zh-CN');

const stripped = ({ _meta: _m, ...s }: PayoutStatement & { _meta?: unknown }): PayoutStatement => s;

/**
 * The lead's month: every member's statement, closed or computed now. Its reads go in two rounds,
 * each all at once: what needs no member (the month, its close, the members, facts, plans and
 * team bonuses), then the members' orders, reviews, adjustments and answers.
 */
export async function loadMonthPay(start: IsoDate, now = Date.now()): Promise<MonthPay> {
	const d = db();
	const [period, close, members, base] = await Promise.all([
		payMonth(start),
		d.payCloses.get(payCloseId(start)),
		d.members.toArray(),
		readPayBase()
	]);
	const live = members.filter((m) => m.trashedAt === null).map((m) => m.id);
	const names = new Map(members.map((m) => [m.id, m.name]));
	let rows: MonthRow[];
	let answers: PayAnswers;
	if (close) {
		const stored = await d.payStatements.bulkGet(close.statementIds);
		rows = stored.flatMap((s) =>
			s ? [{ memberId: s.memberId, state: 'computed' as const, statement: stripped(s) }] : []
		);
		answers = await answersOf(rows.map((r) => r.memberId));
	} else {
		[rows, answers] = await Promise.all([
			computeMonth(period, live, now, undefined, base),
			answersOf(live)
		]);
	}
	const acked = new Set(answers.acks.map((a) => a.subjectId));
	const disputes = new Map<Id, number>();
	for (const x of answers.disputes)
		disputes.set(x.statementId, (disputes.get(x.statementId) ?? 0) + 1);
	return {
		period,
		close: close ?? null,
		rows: rows
			.map((row) => {
				const id = statementId(row.memberId, start);
				return {
					memberId: row.memberId,
					memberName: names.get(row.memberId) ?? '',
					row,
					acknowledged: acked.has(id),
					disputes: disputes.get(id) ?? 0
				};
			})
			.sort((a, b) => byName.compare(a.memberName, b.memberName))
	};
}

/** This device's member's closed statements, the latest month first. */
export async function myStatements(): Promise<PayoutStatement[]> {
	const { member } = await getSession();
	const all = await db().payStatements.where('memberId').equals(member.id).toArray();
	return all
		.filter((s) => s.closedAt !== null)
		.map(stripped)
		.sort((a, b) => b.period.start.localeCompare(a.period.start));
}

export interface StatementView {
	memberName: string;
	/** Null: the member has no plan or level for the month, or left. */
	statement: PayoutStatement | null;
	closed: boolean;
	/** Whether this device's member is the statement's member. */
	own: boolean;
	acks: PayAck[];
	disputes: StoredDispute[];
	/** Member names by id, for who wrote what. */
	names: Map<Id, string>;
}

/** One member's statement of a month: stored once closed, else computed now. */
export async function loadStatement(
	memberId: Id,
	start: IsoDate,
	now = Date.now()
): Promise<StatementView> {
	const d = db();
	const id = statementId(memberId, start);
	const [stored, session, members] = await Promise.all([
		d.payStatements.get(id),
		getSession(),
		d.members.toArray()
	]);
	let statement: PayoutStatement | null = stored ? stripped(stored) : null;
	if (!stored && session.member.id !== memberId) {
		const [row] = await computeMonth(await payMonth(start), [memberId], now);
		statement = row?.state === 'computed' ? row.statement : null;
	}
	const answers = await answersOf([memberId]);
	const names = new Map(members.map((m) => [m.id, m.name]));
	return {
		memberName: names.get(memberId) ?? '',
		statement,
		closed: statement?.closedAt != null,
		own: session.member.id === memberId,
		acks: answers.acks.filter((a) => a.subjectId === id),
		disputes: answers.disputes.filter((x) => x.statementId === id).sort((a, b) => a.at - b.at),
		names
	};
}

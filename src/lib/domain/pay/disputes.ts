import type { EpochMs, Id } from '../shared/types';
import type { CompensationPlan } from './plan';
import type { PayoutStatement } from './statement';

/**
 * A manager's answer to their statement, as records of their own that travel back to the lead in
 * their file: an acknowledgement of the whole statement (签收), or a dispute of one line with a
 * comment (申诉). Neither changes the statement; the lead answers a dispute with an adjustment or
 * a reply.
 */
export interface StatementAcknowledgement {
	id: Id;
	statementId: Id;
	memberId: Id;
	at: EpochMs;
}

export interface LineDispute {
	id: Id;
	statementId: Id;
	lineKey: string;
	memberId: Id;
	comment: string;
	at: EpochMs;
}

export const MAX_DISPUTE_COMMENT = 2000;

export type DisputeErrorCode =
	'not_own_statement' | 'not_own_plan' | 'line_not_found' | 'comment_required' | 'comment_too_long';

export type DisputeResult<T> = { ok: true; value: T } | { ok: false; code: DisputeErrorCode };

/** One acknowledgement per statement and member: acknowledging twice writes the same record. */
export function acknowledgementId(statementId: Id, memberId: Id): Id {
	return `ack:${statementId}:${memberId}`;
}

type Disputed = Pick<PayoutStatement, 'id' | 'memberId' | 'lines'>;

export function acknowledgeStatement(
	statement: Disputed,
	by: Id,
	at: EpochMs
): DisputeResult<StatementAcknowledgement> {
	if (statement.memberId !== by) return { ok: false, code: 'not_own_statement' };
	return {
		ok: true,
		value: { id: acknowledgementId(statement.id, by), statementId: statement.id, memberId: by, at }
	};
}

export function disputeLine(
	statement: Disputed,
	lineKey: string,
	comment: string,
	by: Id,
	at: EpochMs,
	id: Id
): DisputeResult<LineDispute> {
	if (statement.memberId !== by) return { ok: false, code: 'not_own_statement' };
	if (!statement.lines.some((l) => l.key === lineKey)) return { ok: false, code: 'line_not_found' };
	const text = comment.trim();
	if (!text) return { ok: false, code: 'comment_required' };
	if (text.length > MAX_DISPUTE_COMMENT) return { ok: false, code: 'comment_too_long' };
	return {
		ok: true,
		value: { id, statementId: statement.id, lineKey, memberId: by, comment: text, at }
	};
}

/**
 * Disputes that arrived in a file but point at no line of the statement the lead holds (a
 * crafted file, or a line since renamed): listed for the lead, never silently dropped.
 */
export function orphanDisputes(
	statement: Pick<PayoutStatement, 'id' | 'lines'>,
	disputes: readonly LineDispute[]
): LineDispute[] {
	const keys = new Set(statement.lines.map((l) => l.key));
	return disputes.filter((d) => d.statementId === statement.id && !keys.has(d.lineKey));
}

/** A manager's acknowledgement of the compensation plan they are paid under (方案确认). */
export interface PlanAcknowledgement {
	id: Id;
	planId: Id;
	memberId: Id;
	at: EpochMs;
}

/** The id of a member's acknowledgement of a plan: one per plan and member. */
export function planAckId(planId: Id, memberId: Id): Id {
	return `ack:${planId}:${memberId}`;
}

/** A member acknowledges the plan of their own level; once per plan and member. */
export function acknowledgePlan(
	plan: Pick<CompensationPlan, 'id' | 'levelId'>,
	memberLevelId: Id | null,
	by: Id,
	at: EpochMs
): DisputeResult<PlanAcknowledgement> {
	if (plan.levelId !== memberLevelId) return { ok: false, code: 'not_own_plan' };
	return {
		ok: true,
		value: { id: planAckId(plan.id, by), planId: plan.id, memberId: by, at }
	};
}

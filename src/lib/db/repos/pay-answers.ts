import {
	acknowledgePlan,
	acknowledgeStatement,
	disputeLine,
	planAckId,
	type DisputeErrorCode
} from '$lib/domain/pay/disputes';
import { planInForce, type CompensationPlan } from '$lib/domain/pay/plan';
import { statementId } from '$lib/domain/pay/statement';
import type { PayAck, StoredDispute } from '$lib/domain/pay/synced';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { rosterOn } from '$lib/domain/team/member-fact';
import { zonedIsoDate } from '$lib/domain/team/zone';
import { createRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { getTeamZone } from './team-settings';

/**
 * A member's answers to their pay (domain/pay/disputes.ts): acknowledging a closed statement or
 * the plan of their level, disputing a line of a statement with a comment. They are the member's
 * own records, private to them, and travel back to the lead in their file; neither changes the
 * statement.
 */

export interface PayAnswers {
	acks: PayAck[];
	disputes: StoredDispute[];
}

export async function answersOf(memberIds: readonly Id[]): Promise<PayAnswers> {
	const d = db();
	const [acks, disputes] = await Promise.all([
		d.payAcks.where('memberId').anyOf(memberIds).toArray(),
		d.payDisputes.where('memberId').anyOf(memberIds).toArray()
	]);
	return { acks, disputes };
}

function refuse(field: string, code: DisputeErrorCode | 'statement_not_found'): never {
	throw new ValidationFailed([{ field, code }]);
}

async function closedStatement(memberId: Id, start: IsoDate) {
	const s = await db().payStatements.get(statementId(memberId, start));
	if (!s || s.closedAt === null) refuse('statement', 'statement_not_found');
	return s;
}

/** The member acknowledges their closed statement of a month (once: the same record again). */
export async function acknowledgeMyStatement(start: IsoDate, now = Date.now()): Promise<void> {
	const { member } = await getSession();
	const s = await closedStatement(member.id, start);
	const ack = acknowledgeStatement(s, member.id, now);
	if (!ack.ok) refuse('statement', ack.code);
	const stamp = await nextStamp();
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.payAcks, async () => {
			if (await d.payAcks.get(ack.value.id)) return;
			const { id, statementId: subjectId, memberId, at } = ack.value;
			await d.payAcks.put(
				createRecord<PayAck>(id, { memberId, kind: 'statement', subjectId, at }, stamp)
			);
		})
	);
}

/** The member disputes one line of their closed statement, with a comment. */
export async function disputeMyLine(
	start: IsoDate,
	lineKey: string,
	comment: string,
	now = Date.now()
): Promise<Id> {
	const { member } = await getSession();
	const s = await closedStatement(member.id, start);
	const dispute = disputeLine(s, lineKey, comment, member.id, now, newId());
	if (!dispute.ok) refuse(dispute.code === 'line_not_found' ? 'line' : 'comment', dispute.code);
	const stamp = await nextStamp();
	const d = db();
	const { id, ...data } = dispute.value;
	await guarded(() => d.payDisputes.put(createRecord<StoredDispute>(id, data, stamp)));
	return id;
}

/** The member acknowledges the plan of the level they hold today. */
export async function acknowledgeMyPlan(planId: Id, now = Date.now()): Promise<void> {
	const d = db();
	const [session, plan, facts, zone] = await Promise.all([
		getSession(),
		d.payPlans.get(planId),
		d.memberFacts.toArray(),
		getTeamZone()
	]);
	const me = session.member.id;
	if (!plan || plan.trashedAt !== null) refuse('plan', 'not_own_plan');
	const level = rosterOn([me], facts, zonedIsoDate(zone, now)).get(me)?.level ?? null;
	const ack = acknowledgePlan(plan, level, me, now);
	if (!ack.ok) refuse('plan', ack.code);
	const stamp = await nextStamp();
	await guarded(() =>
		d.transaction('rw', d.payAcks, async () => {
			if (await d.payAcks.get(ack.value.id)) return;
			const { id, memberId, at } = ack.value;
			await d.payAcks.put(
				createRecord<PayAck>(id, { memberId, kind: 'plan', subjectId: planId, at }, stamp)
			);
		})
	);
}

export interface MyPlan {
	plan: CompensationPlan;
	/** The name of the level it is for. */
	levelName: string;
	/** When this member acknowledged it; null until they do. */
	acknowledgedAt: number | null;
}

/**
 * The plan this device's member is paid under today: the plan in force for the level they hold
 * today in the team's zone, with their acknowledgement of it. Null without a level or a plan.
 */
export async function myPlan(now = Date.now()): Promise<MyPlan | null> {
	const d = db();
	const [session, plans, facts, levels, zone] = await Promise.all([
		getSession(),
		d.payPlans.toArray(),
		d.memberFacts.toArray(),
		d.levels.toArray(),
		getTeamZone()
	]);
	const me = session.member.id;
	const today = zonedIsoDate(zone, now);
	const level = rosterOn([me], facts, today).get(me)?.level ?? null;
	if (level === null) return null;
	const plan = planInForce(plans, level, today);
	if (!plan) return null;
	const ack = await d.payAcks.get(planAckId(plan.id, me));
	return {
		plan,
		levelName: levels.find((l) => l.id === level)?.name ?? '',
		acknowledgedAt: ack?.at ?? null
	};
}

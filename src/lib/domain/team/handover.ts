import type { Customer } from '../customer/customer';
import type { Deal } from '../deal/deal';
import { isOpenStage, type StageDef } from '../deal/stages';
import type { Task } from '../task/task';
import { isOpenTicket } from '../ticket/deadline';
import type { Ticket } from '../ticket/ticket';
import type { FieldError, Id } from '../shared/types';
import type { MemberStatus } from './dated';

/**
 * A member who leaves hands their work over to another member in one action: their customers,
 * their open deals, open tasks and open tickets change owner. What is done stays theirs: won
 * and lost deals, done tasks, closed tickets, the contact log and the orders are the history of
 * their work, and the team's figures of past periods count them for whoever did it.
 */
export const HANDOVER_KINDS = ['customers', 'deals', 'tasks', 'tickets'] as const;
export type HandOverKind = (typeof HANDOVER_KINDS)[number];

export interface HandOverSources {
	customers: Iterable<Pick<Customer, 'id' | 'ownerId' | 'trashedAt'>>;
	deals: Iterable<Pick<Deal, 'id' | 'ownerId' | 'trashedAt' | 'stage'>>;
	tasks: Iterable<Pick<Task, 'id' | 'ownerId' | 'trashedAt' | 'done' | 'dueAt'>>;
	tickets: Iterable<Pick<Ticket, 'id' | 'ownerId' | 'trashedAt' | 'status'>>;
}

export type HandOverPlan = Record<HandOverKind, Id[]>;

/** The ids of what changes owner, per kind. */
export function planHandOver(
	from: Id,
	sources: HandOverSources,
	stages: readonly StageDef[]
): HandOverPlan {
	const of = <R extends { id: Id; ownerId: Id; trashedAt: number | null }>(
		list: Iterable<R>,
		open: (r: R) => boolean
	) =>
		[...list].filter((r) => r.ownerId === from && r.trashedAt === null && open(r)).map((r) => r.id);
	return {
		customers: of(sources.customers, () => true),
		deals: of(sources.deals, (d) => isOpenStage(stages, d.stage)),
		tasks: of(sources.tasks, (t) => !t.done),
		tickets: of(sources.tickets, (t) => isOpenTicket(t))
	};
}

export const planSize = (plan: HandOverPlan): number =>
	HANDOVER_KINDS.reduce((n, k) => n + plan[k].length, 0);

export type HandOverErrorCode =
	| 'handover_same_member'
	| 'handover_member_unknown'
	| 'handover_to_unknown'
	| 'handover_to_left'
	| 'handover_nothing';

export interface HandOverMember {
	id: Id;
	/** Trashed members are neither a source nor a recipient. */
	trashedAt: number | null;
	/** Status today. */
	status: MemberStatus;
}

/**
 * Codes for a hand-over about to be made: from a member on the team, to another member who has
 * not left, with something to hand over.
 */
export function checkHandOver(
	from: Id,
	to: Id,
	members: readonly HandOverMember[],
	plan: HandOverPlan
): FieldError<HandOverErrorCode>[] {
	const byId = new Map(members.filter((m) => m.trashedAt === null).map((m) => [m.id, m]));
	if (!byId.has(from)) return [{ field: 'from', code: 'handover_member_unknown' }];
	if (from === to) return [{ field: 'to', code: 'handover_same_member' }];
	const recipient = byId.get(to);
	if (!recipient) return [{ field: 'to', code: 'handover_to_unknown' }];
	if (recipient.status === 'left') return [{ field: 'to', code: 'handover_to_left' }];
	if (planSize(plan) === 0) return [{ field: 'from', code: 'handover_nothing' }];
	return [];
}

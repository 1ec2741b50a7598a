import type { Customer } from '../customer/customer';
import { isValidCsat } from '../feedback/scores';
import type { Feedback } from '../feedback/feedback';
import type { Period } from '../shared/dates';
import type { GoalAggregates } from '../goal/progress';
import type { Interaction } from '../interaction/interaction';
import type { Order } from '../order/order';
import type { Task } from '../task/task';
import type { Ticket } from '../ticket/ticket';
import type { Contribution } from './rollup';

/**
 * The records behind each KPI, turned into contributions (rollup.ts) to the aggregates the goals
 * page reads (goal/progress.ts GoalAggregates), with the same rules as that page: trashed records
 * never count, sales are won orders in the goals' currency, follow-ups are completed follow-up
 * tasks, satisfaction is CSAT answers and interactions' scores (feedback/scores.ts decides what a
 * valid score is), complaints are complaint tickets opened in the period.
 *
 * As at the period's end: facts count when dated inside [startAt, endAt), and what a customer
 * was at the end is read from its dates (created before the end, not yet trashed then). Its
 * lifecycle stage keeps no history, so "churned" is the stage it has now. Within the period that
 * is still running these are exactly the goals page's figures.
 *
 * Stock figures are dated where they are measured: the customers a period starts with (and
 * those of them retained) at its start, the active customers at its last instant, so each counts
 * for the team its owner was in then.
 */

export type AggregateKey = keyof GoalAggregates;

export interface KpiSources {
	orders?: Iterable<Pick<Order, 'ownerId' | 'at' | 'amount' | 'trashedAt'>>;
	customers?: Iterable<Pick<Customer, 'ownerId' | 'createdAt' | 'trashedAt' | 'stage'>>;
	tasks?: Iterable<Pick<Task, 'ownerId' | 'kind' | 'done' | 'doneAt' | 'trashedAt'>>;
	interactions?: Iterable<Pick<Interaction, 'ownerId' | 'at' | 'satisfaction' | 'trashedAt'>>;
	feedback?: Iterable<Pick<Feedback, 'ownerId' | 'kind' | 'score' | 'at' | 'trashedAt'>>;
	tickets?: Iterable<Pick<Ticket, 'ownerId' | 'kind' | 'openedAt' | 'closedAt' | 'trashedAt'>>;
}

type Span = Pick<Period, 'startAt' | 'endAt'>;

const inside = (at: number | null, span: Span): at is number =>
	at !== null && at >= span.startAt && at < span.endAt;

/** Alive at an instant: created before it and not trashed by then. */
const aliveAt = (c: Pick<Customer, 'createdAt' | 'trashedAt'>, at: number): boolean =>
	c.createdAt < at && (c.trashedAt === null || c.trashedAt >= at);

/**
 * Contributions of the records to every aggregate over `span`. `currency` is the one goals are
 * set in (the goals page's GOAL_CURRENCY); orders in another currency are left out.
 */
export function* kpiContributions(
	sources: KpiSources,
	span: Span,
	currency: string
): Generator<Contribution<AggregateKey>> {
	const one = (
		source: { ownerId: string },
		at: number,
		key: AggregateKey,
		amount = 1
	): Contribution<AggregateKey> => ({ ownerId: source.ownerId, at, key, amount, source });
	for (const o of sources.orders ?? []) {
		if (o.trashedAt !== null || o.amount.currency !== currency || !inside(o.at, span)) continue;
		yield one(o, o.at, 'salesMinor', o.amount.minor);
	}
	const last = span.endAt - 1;
	for (const c of sources.customers ?? []) {
		if (c.trashedAt === null && inside(c.createdAt, span))
			yield one(c, c.createdAt, 'newCustomers');
		if (aliveAt(c, span.startAt)) {
			yield one(c, span.startAt, 'customersAtStart');
			if (aliveAt(c, span.endAt) && c.stage !== 'churned')
				yield one(c, span.startAt, 'customersRetained');
		}
		if (aliveAt(c, span.endAt) && c.stage !== 'churned') yield one(c, last, 'activeCustomers');
	}
	for (const t of sources.tasks ?? []) {
		if (t.trashedAt === null && t.done && t.kind === 'follow_up' && inside(t.doneAt, span))
			yield one(t, t.doneAt, 'followUps');
	}
	for (const i of sources.interactions ?? []) {
		if (i.trashedAt !== null || !inside(i.at, span)) continue;
		yield one(i, i.at, 'interactions');
		if (i.satisfaction !== null && isValidCsat(i.satisfaction))
			yield* satisfaction(i, i.at, i.satisfaction);
	}
	for (const f of sources.feedback ?? []) {
		if (f.trashedAt !== null || f.kind !== 'csat' || !inside(f.at, span)) continue;
		if (isValidCsat(f.score)) yield* satisfaction(f, f.at, f.score);
	}
	for (const t of sources.tickets ?? []) {
		if (t.trashedAt !== null) continue;
		if (t.kind === 'complaint' && inside(t.openedAt, span)) yield one(t, t.openedAt, 'complaints');
		if (inside(t.closedAt, span) && t.closedAt >= t.openedAt) {
			yield one(t, t.closedAt, 'resolvedTickets');
			yield one(t, t.closedAt, 'resolutionMs', t.closedAt - t.openedAt);
		}
	}
}

function* satisfaction(
	source: { ownerId: string },
	at: number,
	score: number
): Generator<Contribution<AggregateKey>> {
	const ownerId = source.ownerId;
	yield { ownerId, at, key: 'satisfactionSum', amount: score, source };
	yield { ownerId, at, key: 'satisfactionCount', amount: 1, source };
}

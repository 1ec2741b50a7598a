import { GOAL_METRICS, type Goal, type GoalMetric } from '$lib/domain/goal/goal';
import { bulkGoals, type BulkGoalDraft, type BulkGoalRequest } from '$lib/domain/team/bulk-goals';
import { goalId } from '$lib/domain/team/keyed-id';
import { factsOfKind, type MemberFact } from '$lib/domain/team/member-fact';
import { PERIOD_KINDS, periodFrom, type Period } from '$lib/domain/shared/dates';
import { goalActual, type GoalAggregates } from '$lib/domain/goal/progress';
import { ScoreTally } from '$lib/domain/feedback/scores';
import { db } from '../db';
import { getSession, nextStamp } from '../session';
import { guarded } from '../write';
import { ValidationFailed } from '../errors';
import { editById } from './edit-by-id';
import { isFiniteNumber, refuse } from './field-errors';
import { countInteractions, GOAL_CURRENCY } from './home';
import { upsertKeyed } from './keyed-write';
import type { Stamp } from '$lib/sync/stamp';

/** What a person sets: whose goal, which metric, which period, and the target. */
export type GoalDraft = Pick<Goal, 'ownerId' | 'metric' | 'periodKind' | 'periodStart' | 'target'>;

function checked(d: GoalDraft, tzOffsetMin: number): GoalDraft {
	const errors = [];
	if (!d.ownerId) errors.push({ field: 'ownerId', code: 'owner_required' });
	if (!GOAL_METRICS.includes(d.metric)) errors.push({ field: 'metric', code: 'metric_invalid' });
	if (!PERIOD_KINDS.includes(d.periodKind) || !periodFrom(d.periodKind, d.periodStart, tzOffsetMin))
		errors.push({ field: 'periodStart', code: 'period_invalid' });
	if (!isFiniteNumber(d.target) || d.target < 0)
		errors.push({ field: 'target', code: 'target_invalid' });
	refuse(errors);
	return d;
}

/** Goals of one owner, or everyone's when null; the newest period first. */
export async function listGoals(ownerId: string | null): Promise<Goal[]> {
	const table = db().goals;
	const list = await (ownerId === null
		? table.toArray()
		: table.where('ownerId').equals(ownerId).toArray());
	return list
		.filter((g) => g.trashedAt === null)
		.sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.metric.localeCompare(b.metric));
}

/**
 * Sets a goal: one per owner, metric and period, its id derived from that key (keyed-id.ts), so
 * setting it again here or on the lead's other device changes its target instead of adding a
 * second goal (and brings back one that was deleted).
 */
export async function createGoal(draft: GoalDraft, tzOffsetMin: number): Promise<string> {
	const value = checked(draft, tzOffsetMin);
	const session = await getSession();
	const id = goalId(value.ownerId, value.metric, value.periodKind, value.periodStart);
	const stamp = await nextStamp();
	const setBy = session.member.id;
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.goals, () =>
			upsertKeyed(
				d.goals,
				id,
				() => ({ ...value, setBy, trashedAt: null }),
				() => ({ target: value.target, setBy, trashedAt: null }),
				stamp
			)
		)
	);
	return id;
}

/** What the lead sets for a whole level: a metric, a period and the target for each member. */
export type LevelGoalRequest = Omit<BulkGoalRequest, 'metric' | 'scope'> & { metric: GoalMetric };

/**
 * The goals setting `request` would write: one per member holding the level on the period's
 * first day and not gone by then (domain/team/bulk-goals.ts), to show before they are set.
 * Refused with field errors when the request is not one.
 */
export async function planLevelGoals(request: LevelGoalRequest): Promise<BulkGoalDraft[]> {
	const d = db();
	const [members, facts] = await Promise.all([d.members.toArray(), d.memberFacts.toArray()]);
	const live = (f: MemberFact) => f.trashedAt === null;
	const result = bulkGoals(request, {
		members,
		levels: factsOfKind(facts, 'level').filter(live),
		statuses: factsOfKind(facts, 'status').filter(live)
	});
	if (!result.ok) throw new ValidationFailed(result.errors);
	return result.value;
}

/**
 * Sets the goals of a whole level at once, in one transaction: every member's goal or none.
 * Returns the goals set (each keyed as createGoal keys them, so setting again updates them).
 */
export async function setLevelGoals(
	request: LevelGoalRequest,
	tzOffsetMin: number
): Promise<BulkGoalDraft[]> {
	const drafts = await planLevelGoals(request);
	for (const g of drafts) checked({ ...g, metric: request.metric }, tzOffsetMin);
	const session = await getSession();
	const setBy = session.member.id;
	const stamps: Stamp[] = [];
	for (let i = 0; i < drafts.length; i++) stamps.push(await nextStamp());
	const d = db();
	await guarded(() =>
		d.transaction('rw', d.goals, async () => {
			for (const [i, g] of drafts.entries()) {
				const value = {
					ownerId: g.ownerId,
					metric: request.metric,
					periodKind: request.periodKind,
					periodStart: request.periodStart,
					target: request.target
				};
				await upsertKeyed(
					d.goals,
					g.id,
					() => ({ ...value, setBy, trashedAt: null }),
					() => ({ target: value.target, setBy, trashedAt: null }),
					stamps[i]!
				);
			}
		})
	);
	return drafts;
}

export async function trashGoal(id: string): Promise<void> {
	await editById(db().goals, id, () => ({ trashedAt: Date.now() }));
}

type Span = Pick<Period, 'startAt' | 'endAt'>;

async function salesMinor(ownerId: string, span: Span): Promise<number> {
	const orders = await db()
		.orders.where('[ownerId+at]')
		.between([ownerId, span.startAt], [ownerId, span.endAt])
		.toArray();
	return orders
		.filter((o) => o.trashedAt === null && o.amount.currency === GOAL_CURRENCY)
		.reduce((sum, o) => sum + o.amount.minor, 0);
}

async function newCustomers(ownerId: string, span: Span): Promise<number> {
	return db()
		.customers.where('[ownerId+createdAt]')
		.between([ownerId, span.startAt], [ownerId, span.endAt])
		.filter((c) => c.trashedAt === null)
		.count();
}

/** Follow-up tasks completed in the span ([ownerId+doneAt] holds done tasks only). */
async function followUpsDone(ownerId: string, span: Span): Promise<number> {
	return db()
		.tasks.where('[ownerId+doneAt]')
		.between([ownerId, span.startAt], [ownerId, span.endAt])
		.filter((t) => t.trashedAt === null && t.done && t.kind === 'follow_up')
		.count();
}

/** CSAT answers and interactions' satisfaction scores, streamed (nothing is kept in memory). */
async function satisfaction(ownerId: string, span: Span) {
	const tally = new ScoreTally();
	const from = [ownerId, span.startAt];
	const to = [ownerId, span.endAt];
	// Both reads start at once (a live query observes only reads started before an await).
	await Promise.all([
		db()
			.feedback.where('[ownerId+at]')
			.between(from, to)
			.each((f) => {
				if (f.kind === 'csat') tally.addFeedback(f);
			}),
		db()
			.interactions.where('[ownerId+at]')
			.between(from, to)
			.each((i) => tally.addInteraction(i))
	]);
	return { satisfactionSum: tally.csatSum, satisfactionCount: tally.csatCount };
}

async function retention(ownerId: string, span: Span) {
	let customersAtStart = 0;
	let customersRetained = 0;
	await db()
		.customers.where('[ownerId+createdAt]')
		.between([ownerId, -Infinity], [ownerId, span.startAt])
		.each((c) => {
			if (c.trashedAt !== null && c.trashedAt < span.startAt) return;
			customersAtStart += 1;
			if (c.trashedAt === null && c.stage !== 'churned') customersRetained += 1;
		});
	return { customersAtStart, customersRetained };
}

async function complaints(ownerId: string, span: Span) {
	const [tickets, activeCustomers] = await Promise.all([
		db().tickets.where('ownerId').equals(ownerId).toArray(),
		db()
			.customers.where('ownerId')
			.equals(ownerId)
			.filter((c) => c.trashedAt === null && c.stage !== 'churned')
			.count()
	]);
	const complaints = tickets.filter(
		(t) =>
			t.trashedAt === null &&
			t.kind === 'complaint' &&
			t.openedAt >= span.startAt &&
			t.openedAt < span.endAt
	).length;
	return { complaints, activeCustomers };
}

/** The aggregates one goal's metric needs, over the goal's period, read by index ranges. */
export async function goalAggregates(
	goal: Pick<Goal, 'ownerId' | 'metric' | 'periodKind' | 'periodStart'>,
	tzOffsetMin: number
): Promise<Partial<GoalAggregates>> {
	const span = periodFrom(goal.periodKind, goal.periodStart, tzOffsetMin);
	if (!span) return {};
	const owner = goal.ownerId;
	switch (goal.metric) {
		case 'sales_amount':
			return { salesMinor: await salesMinor(owner, span) };
		case 'new_customers':
			return { newCustomers: await newCustomers(owner, span) };
		case 'follow_ups':
			return { followUps: await followUpsDone(owner, span) };
		case 'interactions':
			return { interactions: await countInteractions(owner, span) };
		case 'avg_satisfaction':
			return satisfaction(owner, span);
		case 'retention_rate':
			return retention(owner, span);
		case 'complaint_rate':
			return complaints(owner, span);
		default:
			return {};
	}
}

/** Actual values of several goals at once (the goals page and the home chart), live-query friendly. */
export async function goalActuals(
	goals: readonly Goal[],
	tzOffsetMin: number
): Promise<Map<string, number | null>> {
	const values = await Promise.all(
		goals.map(async (g) => goalActual(g.metric, await goalAggregates(g, tzOffsetMin)))
	);
	return new Map(goals.map((g, i) => [g.id, values[i] ?? null]));
}

import { KPI_METRICS, type Goal, type KpiMetric } from '$lib/domain/goal/goal';
import { enteredActualError, enteredActualOf, takesEnteredActual } from '$lib/domain/goal/entered';
import { currentGoals, keyOf } from '$lib/domain/goal/keyed-goals';
import { kpiContributions } from '$lib/domain/team/kpi-facts';
import { editRecord } from '$lib/sync/edit';
import type { EntityTable } from 'dexie';
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

/**
 * What a person sets: whose goal, which metric, which period, and the target; for market share
 * also the actual the lead entered (null: none yet).
 */
export type GoalDraft = Pick<
	Goal,
	'ownerId' | 'metric' | 'periodKind' | 'periodStart' | 'target'
> & {
	enteredActual?: number | null;
};

function checked(d: GoalDraft, tzOffsetMin: number): GoalDraft {
	const errors = [];
	if (!d.ownerId) errors.push({ field: 'ownerId', code: 'owner_required' });
	if (!KPI_METRICS.includes(d.metric)) errors.push({ field: 'metric', code: 'metric_invalid' });
	if (!PERIOD_KINDS.includes(d.periodKind) || !periodFrom(d.periodKind, d.periodStart, tzOffsetMin))
		errors.push({ field: 'periodStart', code: 'period_invalid' });
	if (!isFiniteNumber(d.target) || d.target < 0)
		errors.push({ field: 'target', code: 'target_invalid' });
	const entered = KPI_METRICS.includes(d.metric)
		? enteredActualError(d.metric, d.enteredActual)
		: null;
	if (entered) errors.push(entered);
	refuse(errors);
	return d;
}

/**
 * The fields a goal's write sets beside its key. A market-share goal also sets its entered actual
 * when the draft says (a number, or null to clear it); a draft without one keeps what is stored.
 */
function goalFields(d: GoalDraft, setBy: string): Partial<Goal> {
	const base = { target: d.target, setBy, trashedAt: null };
	return takesEnteredActual(d.metric) && d.enteredActual !== undefined
		? { ...base, enteredActual: d.enteredActual }
		: base;
}

/**
 * Trashes the live copies of a key that carry random ids (made before ids were derived), in the
 * caller's transaction: once the keyed goal is written they would only count twice.
 */
async function retireCopies(
	table: EntityTable<Goal, 'id'>,
	ownerId: string,
	id: string,
	stamp: Stamp
) {
	const mine = await table.where('ownerId').equals(ownerId).toArray();
	const now = Date.now();
	for (const g of mine) {
		if (g.id === id || g.trashedAt !== null || keyOf(g) !== id) continue;
		await table.put(editRecord(g, { trashedAt: now }, stamp).next);
	}
}

/** Goals of one owner, or everyone's when null; the newest period first. */
export async function listGoals(ownerId: string | null): Promise<Goal[]> {
	const table = db().goals;
	const list = await (ownerId === null
		? table.toArray()
		: table.where('ownerId').equals(ownerId).toArray());
	// One goal per key: copies with random ids from old files are left out (keyed-goals.ts).
	return currentGoals(list).sort(
		(a, b) => b.periodStart.localeCompare(a.periodStart) || a.metric.localeCompare(b.metric)
	);
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
	const { ownerId, metric, periodKind, periodStart } = value;
	const fields = goalFields(value, setBy);
	await guarded(() =>
		d.transaction('rw', d.goals, async () => {
			await upsertKeyed(
				d.goals,
				id,
				() => ({
					ownerId,
					metric,
					periodKind,
					periodStart,
					setBy,
					trashedAt: null,
					...fields,
					target: value.target
				}),
				() => fields,
				stamp
			);
			await retireCopies(d.goals, ownerId, id, stamp);
		})
	);
	return id;
}

/** What the lead sets for a whole level: a metric, a period and the target for each member. */
export type LevelGoalRequest = Omit<BulkGoalRequest, 'metric' | 'scope'> & { metric: KpiMetric };

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
				const key = {
					ownerId: g.ownerId,
					metric: request.metric,
					periodKind: request.periodKind,
					periodStart: request.periodStart
				};
				// A level's goal sets targets only: each member's entered share stays theirs.
				const fields = { target: request.target, setBy, trashedAt: null };
				const create = takesEnteredActual(request.metric)
					? { ...key, ...fields, enteredActual: null }
					: { ...key, ...fields };
				await upsertKeyed(
					d.goals,
					g.id,
					() => create,
					() => fields,
					stamps[i]!
				);
				await retireCopies(d.goals, g.ownerId, g.id, stamps[i]!);
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

/** Tickets closed in the span, and the time from opening to closing summed over them. */
async function resolution(ownerId: string, span: Span) {
	const tickets = await db().tickets.where('ownerId').equals(ownerId).toArray();
	let resolvedTickets = 0;
	let resolutionMs = 0;
	// The team figures' own rule of what counts (domain/team/kpi-facts.ts).
	for (const c of kpiContributions({ tickets }, span, GOAL_CURRENCY)) {
		if (c.key === 'resolvedTickets') resolvedTickets += c.amount;
		else if (c.key === 'resolutionMs') resolutionMs += c.amount;
	}
	return { resolvedTickets, resolutionMs };
}

/** The aggregates one goal's metric needs, over the goal's period, read by index ranges. */
export async function goalAggregates(
	goal: Pick<Goal, 'ownerId' | 'metric' | 'periodKind' | 'periodStart' | 'enteredActual'>,
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
		case 'avg_resolution_time':
			return resolution(owner, span);
		case 'market_share': {
			// Not in the records: the share the lead entered on the goal, if any.
			const share = enteredActualOf(goal);
			return share === undefined ? {} : { marketShare: share };
		}
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

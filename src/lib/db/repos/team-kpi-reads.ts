import Dexie from 'dexie';
import type { Feedback } from '$lib/domain/feedback/feedback';
import type { Interaction } from '$lib/domain/interaction/interaction';
import type { Order } from '$lib/domain/order/order';
import { spanDays, TALLY_META_KEY, type Tally, type TallyMeta } from '$lib/domain/reports/tallies';
import type { EpochMs, Id } from '$lib/domain/shared/types';
import type { Task } from '$lib/domain/task/task';
import type { Customer } from '$lib/domain/customer/customer';
import { kpiContributions, type AggregateKey } from '$lib/domain/team/kpi-facts';
import type { Ticket } from '$lib/domain/ticket/ticket';
import {
	customerTallyBounds,
	DAY_FACT_KINDS,
	kpiContributionsFromTallies,
	MONTH_FACT_KINDS,
	spanMonths,
	talliesFitZone
} from '$lib/domain/team/kpi-tallies';
import type { Contribution } from '$lib/domain/team/rollup';
import { LatestWork, type WorkMark } from '$lib/domain/team/staleness';
import { db } from '../db';
import { GOAL_CURRENCY } from './home';

/**
 * What the lead's team figures are counted from, for a roster over a span of the team's zone:
 * the tallies (a few per member and day: domain/team/kpi-tallies.ts) when they count days at the
 * zone's offset all through the span, else every member's records of the span, read by index
 * ranges of their own. Both give the same figures (kpi-tallies.test.ts); the records cost what
 * the data holds, so they are only the way round a device whose clock is not in the team's zone.
 */

type Span = { startAt: EpochMs; endAt: EpochMs };

export interface KpiReading {
	/** The contributions to every aggregate over a span inside the one read. */
	contributions(span: Span): Iterable<Contribution<AggregateKey>>;
}

/** One member's facts by day over the days [from, to): one range per kind. */
function memberDayTallies(table: Dexie.Table, ownerId: Id, from: number, to: number) {
	return DAY_FACT_KINDS.map((kind) =>
		table.where('k').between([kind, ownerId, from], [kind, ownerId, to], true, false).toArray()
	);
}

/**
 * The roster's tallies over the days [from, to): the facts and the customers by month over
 * `months` when given (customers created in any month before its end); else the facts by day,
 * member by member (their keys put the owner first), and the customers as customerTallyBounds
 * says, by month before `from`'s month and by day from its first day. Customers, and facts by
 * month, are read for the whole roster, one range per kind through the index `t` (period before
 * owner: migrations/v16.ts), and other owners' left out. A read over months never takes the
 * customers by day: six months of them are thousands of tallies.
 */
async function rosterTallies(
	table: Dexie.Table,
	ids: readonly Id[],
	from: number,
	to: number,
	months: [number, number] | null
): Promise<Tally[]> {
	const byPeriod = (kind: string, lower: unknown, upper: unknown) =>
		table.where('t').between([kind, lower], [kind, upper], true, false).toArray();
	const customers = customerTallyBounds(from);
	const roster: Promise<Tally[]>[] = months
		? [
				byPeriod('U', Dexie.minKey, months[1]),
				...MONTH_FACT_KINDS.map((kind) => byPeriod(kind, months[0], months[1]))
			]
		: [byPeriod('U', Dexie.minKey, customers.beforeMonth), byPeriod('u', customers.fromDay, to)];
	const own = months ? [] : ids.flatMap((id) => memberDayTallies(table, id, from, to));
	const [shared, mine] = await Promise.all([Promise.all(roster), Promise.all(own)]);
	const members = new Set(ids);
	return [...shared.flat().filter((t) => members.has(t.k[1])), ...(mine.flat() as Tally[])];
}

/**
 * The roster's tallies over the span; null when they do not count the zone's days. With
 * `monthsServe`, the caller counts over those spans only the team's totals, or figures whose
 * reporting lines stay the same through each span (Hierarchy.steadyOver): when the span and
 * each of them are whole months, the facts are read by month (a tally per kind and month rather
 * than per day), else by day.
 */
export async function readTeamTallies(
	ids: readonly Id[],
	span: Span,
	zone: string,
	monthsServe?: readonly Span[]
) {
	const table = db().tallies;
	return db().transaction('r', table, async () => {
		const meta = (await table.get(TALLY_META_KEY)) as TallyMeta | undefined;
		if (!meta || !talliesFitZone(zone, span, meta.offsetMin)) return null;
		const days = spanDays(span, meta.offsetMin);
		if (!days) return null;
		const months =
			monthsServe && monthsServe.every((s) => spanMonths(s, meta.offsetMin))
				? spanMonths(span, meta.offsetMin)
				: null;
		const tallies = await rosterTallies(table, ids, days[0], days[1], months);
		return { tallies, offsetMin: meta.offsetMin };
	});
}

/** Records the team's KPIs count, as read from the tables. */
export interface RecordSources {
	orders: Order[];
	interactions: Interaction[];
	tasks: Task[];
	feedback: Feedback[];
	tickets: Ticket[];
	customers: Customer[];
}

/** One member's records that can count in `span`, and every customer and ticket they own. */
export async function memberSources(ownerId: Id, span: Span): Promise<RecordSources> {
	const d = db();
	const from = [ownerId, span.startAt];
	const to = [ownerId, span.endAt];
	const [orders, interactions, tasks, feedback, tickets, customers] = await Promise.all([
		d.orders.where('[ownerId+at]').between(from, to).toArray(),
		d.interactions.where('[ownerId+at]').between(from, to).toArray(),
		d.tasks.where('[ownerId+doneAt]').between(from, to).toArray(),
		d.feedback.where('[ownerId+at]').between(from, to).toArray(),
		d.tickets.where('ownerId').equals(ownerId).toArray(),
		d.customers.where('ownerId').equals(ownerId).toArray()
	]);
	return { orders, interactions, tasks, feedback, tickets, customers };
}

/** Every member's sources as the team's. */
export function pooled(parts: readonly RecordSources[]): RecordSources {
	return {
		orders: parts.flatMap((p) => p.orders),
		interactions: parts.flatMap((p) => p.interactions),
		tasks: parts.flatMap((p) => p.tasks),
		feedback: parts.flatMap((p) => p.feedback),
		tickets: parts.flatMap((p) => p.tickets),
		customers: parts.flatMap((p) => p.customers)
	};
}

/**
 * The roster's KPI inputs over `span` (the union of every period the caller will count); with
 * `monthsServe`, only for figures that a month's sum serves over those periods (readTeamTallies).
 */
export async function readTeamKpis(
	ids: readonly Id[],
	span: Span,
	zone: string,
	monthsServe?: readonly Span[]
): Promise<KpiReading> {
	const counted = await readTeamTallies(ids, span, zone, monthsServe);
	if (counted)
		return {
			contributions: (s) =>
				kpiContributionsFromTallies(counted.tallies, s, counted.offsetMin, GOAL_CURRENCY)
		};
	const sources = pooled(await Promise.all(ids.map((id) => memberSources(id, span))));
	return { contributions: (s) => kpiContributions(sources, s, GOAL_CURRENCY) };
}

/** When each member's latest work reached this device, from the authors' work marks. */
export async function readLatestWork(ids: readonly Id[], now: EpochMs): Promise<LatestWork> {
	const marks = await db().tallies.bulkGet(ids.map((id): WorkMark['k'] => ['w', id]));
	const latest = new LatestWork(now);
	for (const m of marks) if (m && m.k[0] === 'w') latest.addMark(m as WorkMark);
	return latest;
}

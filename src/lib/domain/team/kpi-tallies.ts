import { DAY_MS, MINUTE_MS, type Period } from '../shared/dates';
import {
	firstDayOfMonth,
	localDayStartAt,
	monthOfDay,
	NEVER_DAY as NEVER,
	spanDays,
	type Tally
} from '../reports/tallies';
import type { AggregateKey } from './kpi-facts';
import type { Contribution } from './rollup';
import { zoneOffsetMs } from './zone';

/**
 * The team's KPI contributions read from tallies (reports/tallies.ts) instead of records: the
 * same facts as kpiContributions (kpi-facts.ts), summed per owner and day, so a period costs a
 * few tallies per member and day whatever the size of the data.
 *
 * A day's sum is dated at the day's first instant. That places it in the same period, and under
 * the same supervisor, as each of its records, because periods and reporting lines both start at
 * local midnights of the team's zone: callers use tallies only when they count days at that
 * zone's offset (`spanDays` says whether a span is whole days at it).
 */

type Span = Pick<Period, 'startAt' | 'endAt'>;

/**
 * The customers' tallies a read from `fromDay` on takes: by month for the months before
 * `fromDay`'s, by day from its month's first day. Each customer is in exactly one of them, and
 * every span inside the read starts after the months it takes whole.
 */
export function customerTallyBounds(fromDay: number): { beforeMonth: number; fromDay: number } {
	const month = monthOfDay(fromDay);
	return { beforeMonth: month, fromDay: firstDayOfMonth(month) };
}

/** Kinds of tally a read by days takes for the facts of a span (customers aside). */
export const DAY_FACT_KINDS = ['o', 'i', 's', 'f', 'x', 'r'] as const;
/** The same facts summed by month: a read over whole months takes these instead. */
export const MONTH_FACT_KINDS = ['O', 'I', 'S', 'F', 'X', 'R'] as const;

/**
 * The months [from, to) (`monthOfDay`) a span covers when it runs from a month's first day to
 * another's at this offset; null when it does not (then its facts are read by days).
 */
export function spanMonths(span: Span, offsetMin: number): [number, number] | null {
	const days = spanDays(span, offsetMin);
	if (!days) return null;
	const [from, to] = [monthOfDay(days[0]), monthOfDay(days[1])];
	if (firstDayOfMonth(from) !== days[0] || firstDayOfMonth(to) !== days[1]) return null;
	return [from, to];
}

/**
 * The tallies a read from `fromDay` on keeps, the facts by day or by month (never both: each
 * fact is in one of each). Customers by day as `customerTallyBounds(fromDay)` says; by month,
 * only by month: over whole months, the month a customer was created in says all the day would.
 */
export function talliesRead(
	tallies: Iterable<Tally>,
	fromDay: number,
	by: 'day' | 'month' = 'day'
): Tally[] {
	const b = customerTallyBounds(fromDay);
	const facts: readonly string[] = by === 'day' ? DAY_FACT_KINDS : MONTH_FACT_KINDS;
	return [...tallies].filter((t) =>
		t.k[0] === 'U'
			? by === 'month' || t.k[2] < b.beforeMonth
			: t.k[0] === 'u'
				? by === 'day' && t.k[2] >= b.fromDay
				: facts.includes(t.k[0])
	);
}

/** What a fact's tally adds to each aggregate: its count (`n`) or its sum (`minor`). */
const FACT_SUMS: Readonly<Record<string, readonly (readonly [AggregateKey, 'n' | 'minor'])[]>> = {
	o: [['salesMinor', 'minor']],
	i: [['interactions', 'n']],
	s: [
		['satisfactionSum', 'minor'],
		['satisfactionCount', 'n']
	],
	f: [['followUps', 'n']],
	x: [['complaints', 'n']],
	r: [
		['resolvedTickets', 'n'],
		['resolutionMs', 'minor']
	]
};

/**
 * Contributions of the tallies to every aggregate over `span` (whole days at `offsetMin`);
 * `currency` is the one goals are set in. Tallies of other owners' or outside the span may be
 * passed: they count where they fall, as records would. Customers' tallies are the ones a read
 * over a span holding this one takes (talliesRead), and the facts by day or by month, not both.
 *
 * A month's sum is dated at the month's first instant: it counts only in spans that hold the
 * whole month (one it straddles is refused), and under the reporting lines of that instant, so
 * only figures without lines (the team's totals: its trend) may be read from months.
 */
export function* kpiContributionsFromTallies(
	tallies: Iterable<Tally>,
	span: Span,
	offsetMin: number,
	currency: string
): Generator<Contribution<AggregateKey>> {
	const days = spanDays(span, offsetMin);
	if (!days) throw new RangeError('a span of whole days at the tallies’ offset');
	const [from, to] = days;
	const at = (day: number) => localDayStartAt(day, offsetMin);
	const inside = (day: number) => day >= from && day < to;
	const monthInside = (month: number) => {
		const [first, next] = [firstDayOfMonth(month), firstDayOfMonth(month + 1)];
		if (next <= from || first >= to) return false;
		if (first >= from && next <= to) return true;
		throw new RangeError('a month’s tally across the span’s edge');
	};
	const monthAt = (month: number) => at(firstDayOfMonth(month));
	const monthBefore = (month: number, day: number) => {
		if (firstDayOfMonth(month + 1) <= day) return true;
		if (firstDayOfMonth(month) >= day) return false;
		throw new RangeError('a month’s tally across the span’s edge');
	};
	const last = span.endAt - 1;
	for (const t of tallies) {
		const ownerId = t.k[1];
		const one = (when: number, key: AggregateKey, amount: number): Contribution<AggregateKey> => ({
			ownerId,
			at: when,
			key,
			amount
		});
		const kind = t.k[0];
		const sums = FACT_SUMS[kind.toLowerCase()];
		if (sums) {
			if (kind.toLowerCase() === 'o' && t.k[3] !== currency) continue;
			// By day in lower case, by month in upper case: the same sums.
			const byMonth = kind !== kind.toLowerCase();
			const period = t.k[2];
			if (typeof period !== 'number') continue;
			if (!(byMonth ? monthInside(period) : inside(period))) continue;
			const when = byMonth ? monthAt(period) : at(period);
			for (const [key, field] of sums) yield one(when, key, t[field]);
			continue;
		}
		switch (kind) {
			case 'u':
			case 'U': {
				const [kind, , created, trashed, churned] = t.k;
				// Alive on a day's first instant: created on an earlier day (by month: in an earlier
				// month, which a span of whole days never splits), not trashed by then.
				const createdBefore = (day: number) =>
					kind === 'u' ? created < day : monthBefore(created, day);
				const aliveOn = (day: number) => createdBefore(day) && trashed >= day;
				if (trashed === NEVER && (kind === 'u' ? inside(created) : monthInside(created)))
					yield one(kind === 'u' ? at(created) : monthAt(created), 'newCustomers', t.n);
				const atEnd = aliveOn(to) && churned === 0;
				if (aliveOn(from)) {
					yield one(span.startAt, 'customersAtStart', t.n);
					if (atEnd) yield one(span.startAt, 'customersRetained', t.n);
				}
				if (atEnd) yield one(last, 'activeCustomers', t.n);
				break;
			}
		}
	}
}

/**
 * Whether tallies counted at `offsetMin` can answer for `span` in the team's `zone`: the zone
 * keeps that offset throughout (no summer time inside the span), so every day a tally counts is
 * one of the team's days. Sampled weekly: no zone changes its offset twice in a week.
 */
export function talliesFitZone(zone: string, span: Span, offsetMin: number): boolean {
	const want = offsetMin * MINUTE_MS;
	for (let at = span.startAt; at < span.endAt; at += 7 * DAY_MS)
		if (zoneOffsetMs(zone, at) !== want) return false;
	return zoneOffsetMs(zone, span.endAt - 1) === want && spanDays(span, offsetMin) !== null;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../shared/dates';
import {
	firstDayOfMonth,
	localDay,
	monthOfDay,
	talliesOf,
	type TalliedTable,
	type Tally
} from '../reports/tallies';
import { teamTotals, totalsOf } from './dashboard';
import { Hierarchy, type ReportingEntry } from './hierarchy';
import { figuresOf, teamFigures } from './kpi';
import type { KpiSources } from './kpi-facts';
import {
	kpiContributionsFromTallies,
	spanMonths,
	talliesFitZone,
	talliesRead
} from './kpi-tallies';
import { customPeriod, teamPeriod, trailingPeriods, type TeamPeriod } from './team-period';

/**
 * The law the dashboard rests on: for any records, any dated reporting lines and any period of
 * the team's zone, the figures from tallies equal the figures from the records.
 */

const ZONE = 'Asia/Shanghai';
const OFFSET = 8 * 60;
const MEMBERS = ['a', 'b', 's'];

function period(kind: 'month' | 'quarter', start: string): TeamPeriod {
	const r = teamPeriod(ZONE, kind, start);
	if (!r.ok) throw new Error('period');
	return r.value;
}

function custom(first: string, last: string): TeamPeriod {
	const r = customPeriod(ZONE, first, last);
	if (!r.ok) throw new Error('period');
	return r.value;
}

const MAY = period('month', '2025-05-01');
// Any instant from early March to early June: before, across and after the periods tested.
const atArb = fc.integer({ min: MAY.startAt - 60 * DAY_MS, max: MAY.endAt + 5 * DAY_MS });
const ownerArb = fc.constantFrom(...MEMBERS);
const trashedArb = fc.option(atArb, { freq: 3 });
const scoreArb = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(4.5));

const sourcesArb: fc.Arbitrary<KpiSources> = fc.record({
	orders: fc.array(
		fc.record({
			ownerId: ownerArb,
			at: atArb,
			amount: fc.record({
				minor: fc.integer({ min: -500, max: 10_000 }),
				currency: fc.constantFrom('CNY', 'USD')
			}),
			trashedAt: trashedArb
		})
	),
	customers: fc.array(
		fc.record({
			ownerId: ownerArb,
			createdAt: atArb,
			trashedAt: trashedArb,
			stage: fc.constantFrom('customer', 'churned', 'lead')
		})
	),
	tasks: fc.array(
		fc.record({
			ownerId: ownerArb,
			kind: fc.constantFrom('follow_up', 'call'),
			done: fc.boolean(),
			doneAt: fc.option(atArb),
			trashedAt: trashedArb
		})
	),
	interactions: fc.array(
		fc.record({
			ownerId: ownerArb,
			at: atArb,
			type: fc.constantFrom('call', 'visit'),
			satisfaction: fc.option(scoreArb),
			trashedAt: trashedArb
		})
	),
	feedback: fc.array(
		fc.record({
			ownerId: ownerArb,
			kind: fc.constantFrom('csat', 'nps'),
			score: scoreArb,
			at: atArb,
			trashedAt: trashedArb
		})
	),
	tickets: fc.array(
		fc.record({
			ownerId: ownerArb,
			kind: fc.constantFrom('complaint', 'repair'),
			openedAt: atArb,
			closedAt: fc.option(atArb),
			trashedAt: trashedArb
		})
	)
}) as fc.Arbitrary<KpiSources>;

// Reporting lines that move a and b between s and nobody on days around the period.
const linesArb: fc.Arbitrary<ReportingEntry[]> = fc
	.array(
		fc.record({
			memberId: fc.constantFrom('a', 'b'),
			value: fc.constantFrom('s', ''),
			from: fc.constantFrom('2025-03-15', '2025-04-30', '2025-05-01', '2025-05-17', '2025-06-01')
		}),
		{ maxLength: 4 }
	)
	.map((list) => list.map((l, i) => ({ ...l, id: String(i) })));

/** The tallies a read from the first day of `from` on takes (as team-kpi-reads.ts reads them). */
function tallies(
	sources: KpiSources,
	from: Pick<TeamPeriod, 'startAt'> = MAY,
	by: 'day' | 'month' = 'day'
): Tally[] {
	return talliesRead(allTallies(sources), localDay(from.startAt, OFFSET), by);
}

function allTallies(sources: KpiSources): Tally[] {
	const table = (name: TalliedTable, records: Iterable<unknown> | undefined) =>
		talliesOf(name, records ?? [], OFFSET);
	return [
		...table('orders', sources.orders),
		...table('customers', sources.customers),
		...table('tasks', sources.tasks),
		...table('interactions', sources.interactions),
		...table('feedback', sources.feedback),
		...table('tickets', sources.tickets)
	];
}

function hierarchy(lines: ReportingEntry[]): Hierarchy {
	const r = Hierarchy.build(lines, ZONE);
	if (!r.ok) throw new Error('the lines only point at s, which reports to nobody');
	return r.value;
}

const periodArb = fc.constantFrom(
	MAY,
	custom('2025-05-12', '2025-05-18'),
	period('quarter', '2025-04-01'),
	period('month', '2025-04-01'),
	period('month', '2025-03-01')
);

describe('team figures from tallies', () => {
	it('equal the figures from the records, own and team', () => {
		fc.assert(
			fc.property(sourcesArb, linesArb, periodArb, (sources, lines, p) => {
				const h = hierarchy(lines);
				const fromRecords = teamFigures({
					members: MEMBERS,
					sources,
					hierarchy: h,
					period: p,
					currency: 'CNY'
				});
				const fromTallies = figuresOf({
					members: MEMBERS,
					contributions: kpiContributionsFromTallies(tallies(sources, p), p, OFFSET, 'CNY'),
					hierarchy: h,
					period: p
				});
				expect(fromTallies).toEqual(fromRecords);
			}),
			{ numRuns: 300 }
		);
	});

	it('equal them from tallies by month too, over whole months in which no line changes', () => {
		let steady = 0;
		const whole = fc.constantFrom(
			MAY,
			period('quarter', '2025-04-01'),
			period('month', '2025-04-01'),
			period('month', '2025-03-01')
		);
		fc.assert(
			fc.property(sourcesArb, linesArb, whole, (sources, lines, p) => {
				const h = hierarchy(lines);
				if (!h.steadyOver(p)) return;
				steady += 1;
				const fromRecords = teamFigures({
					members: MEMBERS,
					sources,
					hierarchy: h,
					period: p,
					currency: 'CNY'
				});
				const fromMonths = figuresOf({
					members: MEMBERS,
					contributions: kpiContributionsFromTallies(
						tallies(sources, p, 'month'),
						p,
						OFFSET,
						'CNY'
					),
					hierarchy: h,
					period: p
				});
				expect(fromMonths).toEqual(fromRecords);
			}),
			{ numRuns: 300 }
		);
		// Not vacuous: many of the runs had lines, steady over their period.
		expect(steady).toBeGreaterThan(100);
	});

	it('give the same six-period trend from one read', () => {
		fc.assert(
			fc.property(sourcesArb, (sources) => {
				const periods = trailingPeriods(MAY, 3);
				const all = tallies(sources, periods[0]);
				for (const p of periods)
					expect(totalsOf(MEMBERS, kpiContributionsFromTallies(all, p, OFFSET, 'CNY'), p)).toEqual(
						teamTotals(MEMBERS, sources, p, 'CNY')
					);
			}),
			{ numRuns: 200 }
		);
	});

	it('give the same trend from tallies by month, over periods of whole months', () => {
		let withMonths = 0;
		fc.assert(
			fc.property(sourcesArb, fc.constantFrom('month', 'quarter'), (sources, kind) => {
				const end = kind === 'month' ? MAY : period('quarter', '2025-04-01');
				const periods = trailingPeriods(end, 3);
				const all = tallies(sources, periods[0], 'month');
				// The facts come by month only: none of them is also read by its day.
				expect(all.some((t) => ['o', 'i', 's', 'f', 'x', 'r'].includes(t.k[0]))).toBe(false);
				if (all.some((t) => t.k[0] === 'I' || t.k[0] === 'O')) withMonths += 1;
				for (const p of periods)
					expect(totalsOf(MEMBERS, kpiContributionsFromTallies(all, p, OFFSET, 'CNY'), p)).toEqual(
						teamTotals(MEMBERS, sources, p, 'CNY')
					);
			}),
			{ numRuns: 200 }
		);
		// Not a comparison of nothing with nothing.
		expect(withMonths).toBeGreaterThan(100);
	});

	it('refuse a month’s tally across the span’s edge, and say which spans are whole months', () => {
		const mid = custom('2025-05-12', '2025-05-18');
		const month = monthOfDay(localDay(MAY.startAt, OFFSET));
		const tally: Tally = { k: ['I', 'a', month], n: 1, minor: 0, weighted: 0 };
		expect(() => [...kpiContributionsFromTallies([tally], mid, OFFSET, 'CNY')]).toThrow(RangeError);
		expect(spanMonths(mid, OFFSET)).toBeNull();
		expect(spanMonths(MAY, OFFSET)).toEqual([month, month + 1]);
		expect(spanMonths(period('quarter', '2025-04-01'), OFFSET)).toEqual([month - 1, month + 2]);
		// Whole days, but the days of another offset are not whole months.
		expect(spanMonths(MAY, 0)).toBeNull();
	});

	it('count a customer trashed on the first day in the stock it started with, not as retained', () => {
		const created = MAY.startAt - 10 * DAY_MS;
		const sources: KpiSources = {
			customers: [
				{ ownerId: 'a', createdAt: created, trashedAt: MAY.startAt + HOUR_MS, stage: 'customer' },
				{ ownerId: 'a', createdAt: created, trashedAt: null, stage: 'customer' }
			]
		};
		const t = totalsOf(
			MEMBERS,
			kpiContributionsFromTallies(tallies(sources), MAY, OFFSET, 'CNY'),
			MAY
		);
		expect(t.retention_rate).toBe(50);
	});

	it('refuse a span that is not whole days at the tallies’ offset', () => {
		const shifted = { startAt: MAY.startAt + HOUR_MS, endAt: MAY.endAt };
		expect(() => [...kpiContributionsFromTallies([], shifted, OFFSET, 'CNY')]).toThrow(RangeError);
	});

	it('answer only where the zone keeps the tallies’ offset throughout', () => {
		expect(talliesFitZone(ZONE, MAY, OFFSET)).toBe(true);
		// The device counted days in UTC: not the team's days.
		expect(talliesFitZone(ZONE, MAY, 0)).toBe(false);
		// Berlin moves its clocks on the last Sunday of March: a month across it never fits.
		const berlin = (start: string) => {
			const r = teamPeriod('Europe/Berlin', 'month', start);
			if (!r.ok) throw new Error('period');
			return r.value;
		};
		expect(talliesFitZone('Europe/Berlin', berlin('2025-02-01'), 60)).toBe(true);
		expect(talliesFitZone('Europe/Berlin', berlin('2025-03-01'), 60)).toBe(false);
		expect(talliesFitZone('Europe/Berlin', berlin('2025-03-01'), 120)).toBe(false);
	});

	it('take each customer once: by month before the read’s first month and by day from it, or by month only', () => {
		const byArb = fc.constantFrom<'day' | 'month'>('day', 'month');
		fc.assert(
			fc.property(sourcesArb, fc.integer({ min: -400, max: 400 }), byArb, (sources, shift, by) => {
				const fromDay = localDay(MAY.startAt, OFFSET) + shift;
				const read = talliesRead(allTallies(sources), fromDay, by);
				if (by === 'month') expect(read.some((t) => t.k[0] === 'u')).toBe(false);
				const count = read
					.filter((t) => t.k[0] === 'u' || t.k[0] === 'U')
					.reduce((n, t) => n + t.n, 0);
				expect(count).toBe([...(sources.customers ?? [])].length);
			}),
			{ numRuns: 200 }
		);
	});

	it('number months so that each holds its days', () => {
		fc.assert(
			fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
				const m = monthOfDay(day);
				expect(firstDayOfMonth(m)).toBeLessThanOrEqual(day);
				expect(firstDayOfMonth(m + 1)).toBeGreaterThan(day);
				expect(monthOfDay(firstDayOfMonth(m))).toBe(m);
			}),
			{ numRuns: 1000 }
		);
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '$lib/domain/shared/dates';
import { totalsOf } from '$lib/domain/team/dashboard';
import { kpiContributions } from '$lib/domain/team/kpi-facts';
import { kpiContributionsFromTallies } from '$lib/domain/team/kpi-tallies';
import { zonedIsoDate } from '$lib/domain/team/zone';
import {
	customPeriod,
	teamPeriodContaining,
	trailingPeriods,
	type TeamPeriod
} from '$lib/domain/team/team-period';
import { db } from '../db';
import { loadDemoData } from './demo';
import { GOAL_CURRENCY } from './home';
import { readTeamKpis, readTeamTallies } from './team-kpi-reads';

/** A fixed-offset zone at this machine's offset, so the tallies count its days. */
function deviceZone(): string {
	const hours = -new Date().getTimezoneOffset() / 60;
	if (hours === 0) return 'UTC';
	return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
const ZONE = deviceZone();

function containing(kind: 'month' | 'quarter', at: number): TeamPeriod {
	const r = teamPeriodContaining(ZONE, kind, at);
	if (!r.ok) throw new Error('period');
	return r.value;
}

describe("the team's KPI reads", () => {
	it('read from the tallies the figures the records give, over any span of whole days', async () => {
		await loadDemoData();
		const d = db();
		const ids = (await d.members.toArray()).map((m) => m.id);
		const sources = {
			customers: await d.customers.toArray(),
			interactions: await d.interactions.toArray(),
			tasks: await d.tasks.toArray(),
			orders: await d.orders.toArray(),
			tickets: await d.tickets.toArray(),
			feedback: await d.feedback.toArray()
		};
		// A customer trashed today still counts in the stock a month started with.
		const first = sources.customers[0];
		if (!first) throw new Error('the demo has customers');
		await d.customers.update(first.id, { trashedAt: Date.now() });
		sources.customers = await d.customers.toArray();

		const now = Date.now();
		const month = containing('month', now);
		// From the middle of one month to the middle of the next.
		const mid = customPeriod(
			ZONE,
			zonedIsoDate(ZONE, month.startAt - 20 * DAY_MS),
			zonedIsoDate(ZONE, month.startAt + 9 * DAY_MS)
		);
		if (!mid.ok) throw new Error('period');
		const spans = [
			mid.value,
			month,
			containing('month', month.startAt - DAY_MS),
			containing('quarter', now),
			...trailingPeriods(month, 6)
		];
		for (const span of spans) {
			const read = await readTeamTallies(ids, span, ZONE);
			if (!read) throw new Error('the tallies count this zone’s days');
			expect(
				totalsOf(
					ids,
					kpiContributionsFromTallies(read.tallies, span, read.offsetMin, GOAL_CURRENCY),
					span
				)
			).toEqual(totalsOf(ids, kpiContributions(sources, span, GOAL_CURRENCY), span));
		}
		// One read over six months answers each of them.
		const six = trailingPeriods(month, 6);
		const whole = { startAt: six[0]!.startAt, endAt: month.endAt };
		const reading = await readTeamKpis(ids, whole, ZONE);
		for (const p of six)
			expect(totalsOf(ids, reading.contributions(p), p)).toEqual(
				totalsOf(ids, kpiContributions(sources, p, GOAL_CURRENCY), p)
			);
		// The trend's read, for totals only: by month, the same totals.
		const byMonth = await readTeamTallies(ids, whole, ZONE, six);
		expect(byMonth?.tallies.some((t) => t.k[0] === 'I')).toBe(true);
		expect(byMonth?.tallies.some((t) => t.k[0] === 'i')).toBe(false);
		const monthly = await readTeamKpis(ids, whole, ZONE, six);
		for (const p of six)
			expect(totalsOf(ids, monthly.contributions(p), p)).toEqual(
				totalsOf(ids, kpiContributions(sources, p, GOAL_CURRENCY), p)
			);
		// A span of days that are not whole months is read by day.
		const byDay = await readTeamTallies(ids, mid.value, ZONE, [mid.value]);
		expect(byDay?.tallies.some((t) => t.k[0] === 'I')).toBe(false);
		// A roster of some members: the others' tallies, read in the same ranges, are left out.
		const some = ids.slice(0, 2);
		const theirs = {
			...sources,
			orders: sources.orders.filter((r) => some.includes(r.ownerId)),
			interactions: sources.interactions.filter((r) => some.includes(r.ownerId)),
			tasks: sources.tasks.filter((r) => some.includes(r.ownerId)),
			feedback: sources.feedback.filter((r) => some.includes(r.ownerId)),
			tickets: sources.tickets.filter((r) => some.includes(r.ownerId)),
			customers: sources.customers.filter((r) => some.includes(r.ownerId))
		};
		expect(some.length).toBe(2);
		expect(theirs.interactions.length).toBeLessThan(sources.interactions.length);
		for (const span of [month, whole]) {
			const part = await readTeamKpis(some, span, ZONE, [span]);
			expect(totalsOf(some, part.contributions(span), span)).toEqual(
				totalsOf(some, kpiContributions(theirs, span, GOAL_CURRENCY), span)
			);
		}
		// Not a comparison of nothing with nothing: the demo's half year has work and customers.
		const half = totalsOf(ids, reading.contributions(whole), whole);
		expect(half.interactions).toBeGreaterThan(0);
		expect(half.sales_amount).toBeGreaterThan(0);
		expect(half.retention_rate).not.toBeNull();
	});

	it('leave the tallies when their days are not the team zone’s', async () => {
		const offset = -new Date().getTimezoneOffset();
		const elsewhere = offset === 480 ? 'Europe/Berlin' : 'Asia/Shanghai';
		const r = teamPeriodContaining(elsewhere, 'month', Date.now());
		if (!r.ok) throw new Error('period');
		expect(await readTeamTallies([], r.value, elsewhere)).toBeNull();
	});
});

import { stageKind } from '$lib/domain/deal/stages';
import {
	computeStandings,
	contestsShownOn,
	validateContest,
	type Contest,
	type ContestMetric,
	type Standings
} from '$lib/domain/pay/contests';
import { salesFor } from '$lib/domain/pay/sales';
import type { StoredContest } from '$lib/domain/pay/synced';
import type { Id } from '$lib/domain/shared/types';
import { zonedIsoDate, zonedIsoDateStart } from '$lib/domain/team/zone';
import { createRecord, editRecord } from '$lib/sync/edit';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { newId } from '../ids';
import { nextStamp } from '../session';
import { guarded } from '../write';
import { getStageConfig } from './deals';
import { putKeyed } from './keyed-write';
import { getTeamZone } from './team-settings';

/**
 * Sales contests (domain/pay/contests.ts): the lead sets a metric, a period and a prize, and
 * publishes the standings as a record of their own (`standings:<contest>`), which travels to
 * every member: ranks and values only, the one figure of colleagues a manager's Home shows.
 */
export type ContestDraft = Omit<Contest, 'id' | 'trashedAt'>;

export async function saveContest(draft: ContestDraft, id: Id = newId()): Promise<Id> {
	const errors = validateContest(draft);
	if (errors.length > 0)
		throw new ValidationFailed(errors.map((code) => ({ field: fieldOf(code), code })));
	const stamp = await nextStamp();
	const d = db();
	const data = { ...draft, title: draft.title.trim(), prize: draft.prize.trim(), trashedAt: null };
	await guarded(() =>
		d.transaction('rw', d.contests, async () => {
			const stored = await d.contests.get(id);
			await d.contests.put(
				stored ? editRecord(stored, data, stamp).next : createRecord<StoredContest>(id, data, stamp)
			);
		})
	);
	return id;
}

function fieldOf(code: string): string {
	if (code === 'title_required') return 'title';
	if (code === 'currency_required') return 'currency';
	if (code === 'period_invalid') return 'end';
	if (code.startsWith('prize')) return 'prize';
	return 'metric';
}

export interface ContestView {
	contest: Contest;
	standings: Standings | null;
}

/** Every contest with its published standings, the latest first. */
export async function listContests(): Promise<ContestView[]> {
	const d = db();
	const [contests, standings] = await Promise.all([
		d.contests.toArray(),
		d.contestStandings.toArray()
	]);
	const byContest = new Map(standings.map((s) => [s.contestId, s]));
	return contests
		.filter((c) => c.trashedAt === null)
		.sort((a, b) => b.start.localeCompare(a.start) || a.title.localeCompare(b.title))
		.map((contest) => ({ contest, standings: byContest.get(contest.id) ?? null }));
}

/**
 * The contests Home and the dashboard show now: running, or ended in the last two weeks, by the
 * team zone's date (domain/pay/contests.ts contestsShownOn), with their published standings.
 */
export async function shownContests(now = Date.now()): Promise<ContestView[]> {
	const [all, zone] = await Promise.all([listContests(), getTeamZone()]);
	// In the order the rule gives them (ending soonest first), each with its standings.
	const views = new Map(all.map((v) => [v.contest, v]));
	return contestsShownOn([...views.keys()], zonedIsoDate(zone, now)).flatMap((c) => {
		const view = views.get(c);
		return view ? [view] : [];
	});
}

/** A member's value of a contest's metric over [startAt, endAt), from their own records. */
async function valueOf(c: Contest, memberId: Id, startAt: number, endAt: number): Promise<number> {
	const d = db();
	const range = [
		[memberId, startAt],
		[memberId, endAt]
	] as const;
	const metric: ContestMetric = c.metric;
	switch (metric) {
		case 'sales_amount': {
			const orders = await d.orders
				.where('[ownerId+at]')
				.between(...range)
				.toArray();
			const sales = salesFor(orders, memberId, c.currency ?? 'CNY', { startAt, endAt });
			return sales.ok ? sales.value.minor : 0;
		}
		case 'interactions':
		case 'visits': {
			const list = await d.interactions
				.where('[ownerId+at]')
				.between(...range)
				.toArray();
			return list.filter(
				(i) => i.trashedAt === null && (metric === 'interactions' || i.type === 'visit')
			).length;
		}
		case 'new_customers': {
			const list = await d.customers
				.where('[ownerId+createdAt]')
				.between(...range)
				.toArray();
			return list.filter((x) => x.trashedAt === null).length;
		}
		case 'deals_won': {
			const [deals, config] = await Promise.all([
				d.deals.where('ownerId').equals(memberId).toArray(),
				getStageConfig()
			]);
			return deals.filter(
				(x) =>
					x.trashedAt === null &&
					x.closedAt != null &&
					x.closedAt >= startAt &&
					x.closedAt < endAt &&
					stageKind(config.stages, x.stage) === 'won'
			).length;
		}
	}
}

/** The lead publishes a contest's standings now, from the records of every member. */
export async function publishStandings(contestId: Id, now = Date.now()): Promise<void> {
	const d = db();
	const [contest, members, zone] = await Promise.all([
		d.contests.get(contestId),
		d.members.toArray(),
		getTeamZone()
	]);
	if (!contest || contest.trashedAt !== null)
		throw new ValidationFailed([{ field: 'contest', code: 'contest_not_found' }]);
	const startAt = zonedIsoDateStart(zone, contest.start);
	const endAt = zonedIsoDateStart(zone, contest.end);
	if (startAt === null || endAt === null)
		throw new ValidationFailed([{ field: 'end', code: 'period_invalid' }]);
	const live = members.filter((m) => m.trashedAt === null && m.role !== 'ops_lead');
	const values = await Promise.all(
		live.map(async (m) => ({ memberId: m.id, value: await valueOf(contest, m.id, startAt, endAt) }))
	);
	const { id, ...standings } = computeStandings(contestId, values, now);
	const stamp = await nextStamp();
	await guarded(() =>
		d.transaction('rw', d.contestStandings, () =>
			putKeyed(d.contestStandings, id, standings, stamp)
		)
	);
}

import { currentGoals } from '$lib/domain/goal/keyed-goals';
import { growthRecord, type FinishedSalesGoal } from '$lib/domain/growth/growth-record';
import { ladderOf, type LadderLevel } from '$lib/domain/growth/ladder-level';
import { distanceToNext, type DistanceToNext } from '$lib/domain/growth/levels';
import type { Id } from '$lib/domain/shared/types';
import { factsOfKind } from '$lib/domain/team/member-fact';
import { teamPeriod } from '$lib/domain/team/team-period';
import { zonedIsoDate } from '$lib/domain/team/zone';
import { db } from '../db';
import { memberKpiValues } from './member-figures';
import { getTeamZone } from './team-settings';

export interface MemberGrowth {
	/** Every level stored (a fact may name one since removed), for the names. */
	levels: LadderLevel[];
	distance: DistanceToNext;
	/** Course titles by id, for the courses a criterion still asks for. */
	courseTitles: Record<Id, string>;
}

/**
 * How far a member is from the next level of the ladder today (in the team zone), criterion by
 * criterion (domain/growth/levels.ts): months since their promotion into the level, the sales
 * attainment of their finished periods (as at each period's end: frozen once the lead closed
 * it), their latest signed review score, the courses they have done.
 */
export async function memberGrowth(memberId: Id, now = Date.now()): Promise<MemberGrowth> {
	const d = db();
	// Every read starts before the first wait, so that a live query observes them all.
	const [levels, facts, goals, reviews, trainings, courses, zone] = await Promise.all([
		d.levels.toArray(),
		d.memberFacts.where('memberId').equals(memberId).toArray(),
		d.goals.where('ownerId').equals(memberId).toArray(),
		d.reviews.where('memberId').equals(memberId).toArray(),
		d.trainingRecords.where('memberId').equals(memberId).toArray(),
		d.courses.toArray(),
		getTeamZone()
	]);
	const salesGoals: FinishedSalesGoal[] = [];
	// One goal per key: an old copy with a random id does not count a period twice.
	for (const g of currentGoals(goals)) {
		if (g.metric !== 'sales_amount') continue;
		const period = teamPeriod(zone, g.periodKind, g.periodStart);
		if (!period.ok || period.value.endAt > now) continue;
		const values = await memberKpiValues(memberId, period.value);
		salesGoals.push({
			periodStart: g.periodStart,
			target: g.target,
			actual: values.sales_amount
		});
	}
	const ladder = ladderOf(levels.filter((l) => l.trashedAt === null));
	const record = growthRecord({ salesGoals, reviews, trainings });
	const levelFacts = factsOfKind(facts, 'level').filter((f) => f.trashedAt === null);
	return {
		levels,
		distance: distanceToNext(ladder, levelFacts, memberId, record, zonedIsoDate(zone, now)),
		courseTitles: Object.fromEntries(courses.map((c) => [c.id, c.title]))
	};
}

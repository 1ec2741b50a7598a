import type { Review } from '$lib/domain/review/review';
import { readReview } from '$lib/domain/review/review-read';
import type { Scorecard } from '$lib/domain/review/scorecard';
import { reviewState, type ReviewState } from '$lib/domain/review/sign-off';
import type { PeriodKind } from '$lib/domain/shared/dates';
import type { Id, IsoDate } from '$lib/domain/shared/types';
import { reviewId } from '$lib/domain/team/keyed-id';
import { rosterOn } from '$lib/domain/team/member-fact';
import { teamPeriod, type TeamPeriod } from '$lib/domain/team/team-period';
import { db } from '../db';
import { ValidationFailed } from '../errors';
import { getScorecard } from './scorecard';
import { myTeamScope } from './team-access';
import { getTeamZone } from './team-settings';

/**
 * A period's reviews across the team, for the lead's list and its CSV: every member this device's
 * member may review (domain/team/access.ts), each with their review of the period as stored (a
 * draft's figures as at its last save). A member who had left before the period began is listed
 * only when they have a review of it.
 */

export interface PeriodReviewRow {
	memberId: Id;
	memberName: string;
	/** The review's id, whether or not it is stored yet. */
	reviewId: string;
	review: Review | null;
	state: ReviewState | 'not_started';
}

export interface PeriodReviews {
	kind: PeriodKind;
	period: TeamPeriod;
	/** The team's scorecard now (a signed review keeps its own). */
	scorecard: Scorecard;
	rows: PeriodReviewRow[];
}

export async function periodReviews(
	kind: PeriodKind,
	start: IsoDate,
	now = Date.now()
): Promise<PeriodReviews> {
	const p = teamPeriod(await getTeamZone(), kind, start);
	if (!p.ok) throw new ValidationFailed(p.errors);
	const period = p.value;
	const d = db();
	const [scope, members, facts, scorecard] = await Promise.all([
		myTeamScope(now),
		d.members.toArray(),
		d.memberFacts.toArray(),
		getScorecard()
	]);
	const mine = members.filter((m) => scope.members.has(m.id) && m.trashedAt === null);
	const ids = mine.map((m) => reviewId(m.id, kind, start));
	const stored = await d.reviews.bulkGet(ids);
	const roster = rosterOn(
		mine.map((m) => m.id),
		facts,
		period.start
	);
	const rows = mine.flatMap((m, i): PeriodReviewRow[] => {
		const raw = stored[i];
		const review = raw && raw.trashedAt === null ? readReview(raw) : null;
		if (!review && roster.get(m.id)?.status === 'left') return [];
		return [
			{
				memberId: m.id,
				memberName: m.name,
				reviewId: ids[i] ?? '',
				review,
				state: review ? reviewState(review) : 'not_started'
			}
		];
	});
	rows.sort((a, b) => a.memberName.localeCompare(b.memberName, 'zh-CN'));
	return { kind, period, scorecard, rows };
}

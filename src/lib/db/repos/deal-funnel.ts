import { conversionFunnel, type Funnel } from '$lib/domain/deal/stage-history';
import type { StageDef } from '$lib/domain/deal/stages';
import type { Period } from '$lib/domain/shared/dates';
import type { Id } from '$lib/domain/shared/types';
import { db } from '../db';

/**
 * The conversion funnel of a team over a period, from the deals' recorded moves
 * (domain/deal/stage-history.ts): the moves made in the period by the given members (each move
 * names its owner when it was made, so a deal handed over since counts for whoever moved it).
 * Moves of a deal in the trash are left out, as the deal is everywhere else.
 */
export async function loadTeamFunnel(q: {
	members: readonly Id[];
	period: Pick<Period, 'startAt' | 'endAt'>;
	stages: readonly StageDef[];
}): Promise<Funnel> {
	const d = db();
	const owners = new Set(q.members);
	const moves = (
		await d.dealStageChanges.where('at').between(q.period.startAt, q.period.endAt).toArray()
	).filter((m) => owners.has(m.ownerId));
	// The trashedAt index holds only the few trashed deals (null is not indexed): their keys,
	// rather than every moved deal read whole.
	const trashed = new Set(await d.deals.orderBy('trashedAt').primaryKeys());
	return conversionFunnel(
		moves.filter((m) => !trashed.has(m.dealId)),
		q.period,
		q.stages
	);
}

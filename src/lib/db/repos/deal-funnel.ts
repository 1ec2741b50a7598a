import { funnelFromTallies, pathMoveOf, type FunnelTally } from '$lib/domain/deal/funnel-paths';
import { conversionFunnel, type Funnel } from '$lib/domain/deal/stage-history';
import type { StageDef } from '$lib/domain/deal/stages';
import { TALLY_META_KEY, type TallyMeta } from '$lib/domain/reports/tallies';
import type { Period } from '$lib/domain/shared/dates';
import type { Id } from '$lib/domain/shared/types';
import { spanMonths, talliesFitZone } from '$lib/domain/team/kpi-tallies';
import { db } from '../db';

/**
 * The conversion funnel of a team over a period, from the deals' recorded moves
 * (domain/deal/stage-history.ts): the moves made in the period by the given members (each move
 * names its owner when it was made, so a deal handed over since counts for whoever moved it).
 * Moves of a deal in the trash are left out, as the deal is everywhere else.
 *
 * A period of one whole month of the team's zone, whose days the tallies count, is read from the
 * month's path tallies (domain/deal/funnel-paths.ts): two ranges for the whole roster, and the
 * moves of the few deals two members moved in the month. Any other span reads its moves.
 */
export async function loadTeamFunnel(q: {
	members: readonly Id[];
	period: Pick<Period, 'startAt' | 'endAt'> & { zone?: string };
	stages: readonly StageDef[];
}): Promise<Funnel> {
	const owners = new Set(q.members);
	return (await funnelFromPaths(q, owners)) ?? funnelFromMoves(q, owners);
}

async function funnelFromMoves(
	q: { period: Pick<Period, 'startAt' | 'endAt'>; stages: readonly StageDef[] },
	owners: ReadonlySet<Id>
): Promise<Funnel> {
	const d = db();
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

/** The funnel from the month's path tallies; null when the period is not one such month. */
async function funnelFromPaths(
	q: { period: Pick<Period, 'startAt' | 'endAt'> & { zone?: string }; stages: readonly StageDef[] },
	owners: ReadonlySet<Id>
): Promise<Funnel | null> {
	const zone = q.period.zone;
	if (!zone) return null;
	const d = db();
	return d.transaction('r', [d.tallies, d.dealStageChanges], async () => {
		const meta = (await d.tallies.get(TALLY_META_KEY)) as TallyMeta | undefined;
		if (!meta || !talliesFitZone(zone, q.period, meta.offsetMin)) return null;
		const months = spanMonths(q.period, meta.offsetMin);
		if (!months || months[1] !== months[0] + 1) return null;
		const month = months[0];
		const range = (kind: 'P' | 'M') =>
			d.tallies
				.where('k')
				.between([kind, month], [kind, month + 1], true, false)
				.toArray() as Promise<FunnelTally[]>;
		const [paths, marks] = await Promise.all([range('P'), range('M')]);
		const marked = marks.flatMap((t) => (t.k[0] === 'M' && t.n > 0 ? [t.k[2]] : []));
		const moves = marked.length
			? await d.dealStageChanges.where('dealId').anyOf(marked).toArray()
			: [];
		return funnelFromTallies(
			paths,
			moves.flatMap((m) => pathMoveOf(m) ?? []),
			owners,
			q.period,
			q.stages
		);
	});
}

import type { Synced } from '../../sync/stamp';
import type { Period } from '../shared/dates';
import type { EpochMs, Id } from '../shared/types';
import type { Deal } from './deal';
import { DEFAULT_STAGES, type StageDef } from './stages';

/**
 * A deal's moves between stages, kept as records from now on (a deal itself keeps only its current
 * stage), and the conversion funnel they give over a period.
 *
 * The funnel counts, for each open stage in the configured order and then the won stage, the deals
 * that reached it during the period: that entered it, or a stage beyond it (a deal that skips from
 * lead to proposal has passed through needs-confirmed). So the counts never grow down the funnel,
 * and each stage's conversion is the share of the previous stage's deals that got at least this
 * far. Deals lost in the period are counted apart, by the stage they were lost from. Stages no
 * longer configured are left out of the ranking.
 */
export interface DealStageChange extends Synced {
	dealId: Id;
	/** The deal's customer: the move is purged, erased and merged with that customer. */
	customerId: Id;
	/** The stage left; null when the deal was created in `to`. */
	from: string | null;
	to: string;
	at: EpochMs;
	/** The deal's owner when it moved, so the move counts for the team they were in then. */
	ownerId: Id;
	trashedAt: EpochMs | null;
}

export type StageChangeDraft = Omit<DealStageChange, 'id' | '_meta'>;
export type StageChangeEntry = Pick<DealStageChange, 'dealId' | 'from' | 'to' | 'at'> & {
	trashedAt?: EpochMs | null;
};

/** The record of a move (or of a deal's creation, with `from` null); none when nothing moves. */
export function stageChangeOf(
	deal: Pick<Deal, 'id' | 'customerId' | 'ownerId'> & { stage: string | null },
	to: string,
	at: EpochMs
): StageChangeDraft | null {
	if (deal.stage === to) return null;
	return {
		dealId: deal.id,
		customerId: deal.customerId,
		from: deal.stage,
		to,
		at,
		ownerId: deal.ownerId,
		trashedAt: null
	};
}

export interface FunnelRow {
	stage: string;
	/** Deals that entered this very stage in the period. */
	entered: number;
	/** Deals that reached this stage or a later one in the period. */
	reached: number;
	/** reached / the previous row's reached; null on the first row or after a row of 0. */
	conversion: number | null;
}

export interface Funnel {
	rows: FunnelRow[];
	/** Deals lost in the period, in all and by the stage they were lost from ('' when unknown). */
	lost: number;
	lostFrom: Record<string, number>;
}

export function conversionFunnel(
	changes: Iterable<StageChangeEntry>,
	span: Pick<Period, 'startAt' | 'endAt'>,
	stages: readonly StageDef[] = DEFAULT_STAGES
): Funnel {
	const ladder = [
		...stages.filter((s) => s.kind === 'open'),
		...stages.filter((s) => s.kind === 'won')
	].map((s) => s.key);
	const rank = new Map(ladder.map((key, i) => [key, i]));
	const lostKeys = new Set(stages.filter((s) => s.kind === 'lost').map((s) => s.key));
	const furthest = new Map<Id, number>();
	const entered = ladder.map(() => new Set<Id>());
	const lost = new Map<Id, { at: EpochMs; from: string }>();
	for (const c of changes) {
		if (c.trashedAt != null || !(c.at >= span.startAt && c.at < span.endAt)) continue;
		if (lostKeys.has(c.to)) {
			// A deal lost twice in a period (reopened, lost again) counts once, from where it was
			// last lost; two losses at one instant are ordered by stage key, whatever their order here.
			const from = c.from ?? '';
			const prev = lost.get(c.dealId);
			if (!prev || c.at > prev.at || (c.at === prev.at && from > prev.from))
				lost.set(c.dealId, { at: c.at, from });
			continue;
		}
		const r = rank.get(c.to);
		if (r === undefined) continue;
		entered[r]?.add(c.dealId);
		furthest.set(c.dealId, Math.max(r, furthest.get(c.dealId) ?? -1));
	}
	const reached = ladder.map(() => 0);
	for (const r of furthest.values())
		for (let i = 0; i <= r; i++) reached[i] = (reached[i] ?? 0) + 1;
	const rows = ladder.map((stage, i): FunnelRow => {
		const prev = i === 0 ? 0 : (reached[i - 1] ?? 0);
		return {
			stage,
			entered: entered[i]?.size ?? 0,
			reached: reached[i] ?? 0,
			conversion: prev > 0 ? (reached[i] ?? 0) / prev : null
		};
	});
	const lostFrom: Record<string, number> = {};
	for (const { from } of lost.values()) lostFrom[from] = (lostFrom[from] ?? 0) + 1;
	return { rows, lost: lost.size, lostFrom };
}

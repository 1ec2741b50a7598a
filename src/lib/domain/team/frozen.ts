import type { Synced } from '../../sync/stamp';
import type { EpochMs, FieldError, Id, IsoDate } from '../shared/types';
import { periodCloseId } from './keyed-id';
import type { PeriodFigures } from './kpi';
import type { TeamPeriod, TeamPeriodKind } from './team-period';

/**
 * Closing a period: the lead freezes its figures, so that records merged or corrected later (a
 * late file, an order trashed, a customer handed over) never move a closed month, and a trend
 * over six periods reads the same tomorrow as today. The closing is a record (one per span, its
 * id derived from the span) that carries the figures; reopening is trashing it.
 */
export interface PeriodClose extends Synced {
	periodKind: TeamPeriodKind;
	start: IsoDate;
	end: IsoDate;
	/** The team zone the figures were computed in. */
	zone: string;
	figures: PeriodFigures;
	closedAt: EpochMs;
	closedBy: Id;
	trashedAt: EpochMs | null;
	demo?: boolean;
}

export type PeriodCloseDraft = Omit<PeriodClose, '_meta'>;
export type CloseErrorCode = 'period_not_ended';

/** The record that closes a period; refused while the period is still running. */
export function closePeriod(
	period: TeamPeriod,
	figures: PeriodFigures,
	now: EpochMs,
	by: Id
): { ok: true; value: PeriodCloseDraft } | { ok: false; errors: FieldError<CloseErrorCode>[] } {
	if (now < period.endAt)
		return { ok: false, errors: [{ field: 'period', code: 'period_not_ended' }] };
	return {
		ok: true,
		value: {
			id: periodCloseId(period.kind, period.start, period.end),
			periodKind: period.kind,
			start: period.start,
			end: period.end,
			zone: period.zone,
			figures,
			closedAt: now,
			closedBy: by,
			trashedAt: null
		}
	};
}

export type CloseEntry = Pick<PeriodClose, 'periodKind' | 'start' | 'end' | 'figures'> & {
	closedAt?: EpochMs;
	trashedAt?: EpochMs | null;
};

export interface FiguresOf {
	figures: PeriodFigures;
	/** Frozen: read from the closing, not computed. */
	frozen: boolean;
	closedAt: EpochMs | null;
}

/**
 * A period's figures: the frozen ones when the period is closed, else computed (`compute` is only
 * called then, so a closed period costs no reading of records).
 */
export function figuresFor(
	period: Pick<TeamPeriod, 'kind' | 'start' | 'end'>,
	closes: Iterable<CloseEntry>,
	compute: () => PeriodFigures
): FiguresOf {
	for (const c of closes) {
		if (c.trashedAt != null) continue;
		if (c.periodKind === period.kind && c.start === period.start && c.end === period.end)
			return { figures: c.figures, frozen: true, closedAt: c.closedAt ?? null };
	}
	return { figures: compute(), frozen: false, closedAt: null };
}

/** The figures of several periods (a trend), each frozen or computed. */
export function trendFigures(
	periods: readonly TeamPeriod[],
	closes: Iterable<CloseEntry>,
	compute: (period: TeamPeriod) => PeriodFigures
): FiguresOf[] {
	const list = [...closes];
	return periods.map((p) => figuresFor(p, list, () => compute(p)));
}

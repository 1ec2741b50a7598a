import {
	DAY_MS,
	PERIOD_KINDS,
	addDays,
	addMonths,
	formatIsoDate,
	parseIsoDate,
	type CivilDate,
	type PeriodKind
} from '../shared/dates';
import type { EpochMs, FieldError, IsoDate, Result } from '../shared/types';
import { canonicalZone, zonedDate, zonedDateStart } from './zone';

/**
 * The team's periods: a month, quarter or year from a start date (taken literally, so a fiscal
 * quarter may begin in any month), or a custom span of whole days, each bounded in the team's
 * zone (zone.ts), so every device computes the same [startAt, endAt).
 */

export const TEAM_PERIOD_KINDS = [...PERIOD_KINDS, 'custom'] as const;
export type TeamPeriodKind = (typeof TEAM_PERIOD_KINDS)[number];

export interface TeamPeriod {
	kind: TeamPeriodKind;
	/** The team zone it is bounded in (canonical IANA name). */
	zone: string;
	/** First day of the period. */
	start: IsoDate;
	/** First day after the period (exclusive). */
	end: IsoDate;
	startAt: EpochMs;
	endAt: EpochMs;
}

export type TeamPeriodErrorCode =
	'zone_invalid' | 'period_kind_invalid' | 'period_date_invalid' | 'period_ends_before_start';

export type TeamPeriodResult = Result<TeamPeriod, TeamPeriodErrorCode>;

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

function refuse(field: string, code: TeamPeriodErrorCode): TeamPeriodResult {
	return { ok: false, errors: [{ field, code } satisfies FieldError<TeamPeriodErrorCode>] };
}

/** Days since the epoch of a calendar date (setUTCFullYear keeps years below 100 as written). */
function dayNumber(d: CivilDate): number {
	const t = new Date(0);
	t.setUTCFullYear(d.year, d.month - 1, d.day);
	return Math.round(t.getTime() / DAY_MS);
}

function bounded(kind: TeamPeriodKind, zone: string, s: CivilDate, e: CivilDate): TeamPeriod {
	return {
		kind,
		zone,
		start: formatIsoDate(s),
		end: formatIsoDate(e),
		startAt: zonedDateStart(zone, s),
		endAt: zonedDateStart(zone, e)
	};
}

/** The month, quarter or year that begins on `start`, in the team zone. */
export function teamPeriod(zone: string, kind: PeriodKind, start: IsoDate): TeamPeriodResult {
	const z = canonicalZone(zone);
	if (!z) return refuse('zone', 'zone_invalid');
	if (!(PERIOD_KINDS as readonly string[]).includes(kind))
		return refuse('kind', 'period_kind_invalid');
	const s = parseIsoDate(start);
	if (!s) return refuse('start', 'period_date_invalid');
	return { ok: true, value: bounded(kind, z, s, addMonths(s, MONTHS_IN[kind])) };
}

/**
 * A custom period from its first to its last day, both included (as a person picks them: "1 to
 * 15 March"). A last day before the first is refused; one day is a valid period.
 */
export function customPeriod(zone: string, first: IsoDate, last: IsoDate): TeamPeriodResult {
	const z = canonicalZone(zone);
	if (!z) return refuse('zone', 'zone_invalid');
	const s = parseIsoDate(first);
	if (!s) return refuse('start', 'period_date_invalid');
	const l = parseIsoDate(last);
	if (!l) return refuse('end', 'period_date_invalid');
	if (formatIsoDate(l) < formatIsoDate(s)) return refuse('end', 'period_ends_before_start');
	return { ok: true, value: bounded('custom', z, s, addDays(l, 1)) };
}

/** The calendar month, quarter (Jan/Apr/Jul/Oct) or year of the team zone containing `at`. */
export function teamPeriodContaining(
	zone: string,
	kind: PeriodKind,
	at: EpochMs
): TeamPeriodResult {
	const z = canonicalZone(zone);
	if (!z) return refuse('zone', 'zone_invalid');
	if (!(PERIOD_KINDS as readonly string[]).includes(kind))
		return refuse('kind', 'period_kind_invalid');
	const d = zonedDate(z, at);
	const month = kind === 'year' ? 1 : kind === 'quarter' ? d.month - ((d.month - 1) % 3) : d.month;
	return teamPeriod(z, kind, formatIsoDate({ year: d.year, month, day: 1 }));
}

/** Number of calendar days in a period. */
export function teamPeriodDays(period: Pick<TeamPeriod, 'start' | 'end'>): number {
	const s = parseIsoDate(period.start);
	const e = parseIsoDate(period.end);
	if (!s || !e) return 0;
	return dayNumber(e) - dayNumber(s);
}

/**
 * The period `by` steps before (negative) or after this one, of the same kind and length: the
 * trend's earlier months, quarters or years; a custom span moves by its own number of days.
 */
export function shiftPeriod(period: TeamPeriod, by: number): TeamPeriod {
	const s = parseIsoDate(period.start);
	const e = parseIsoDate(period.end);
	if (!s || !e) return period;
	if (period.kind === 'custom') {
		const days = teamPeriodDays(period) * by;
		return bounded('custom', period.zone, addDays(s, days), addDays(e, days));
	}
	// Both edges are counted from this period's start, so periods begun on a 31st still tile.
	const length = MONTHS_IN[period.kind];
	return bounded(
		period.kind,
		period.zone,
		addMonths(s, length * by),
		addMonths(s, length * (by + 1))
	);
}

/** The `count` periods ending with `period`, oldest first (a trend's axis). */
export function trailingPeriods(period: TeamPeriod, count: number): TeamPeriod[] {
	const n = Math.max(0, Math.floor(count));
	return Array.from({ length: n }, (_, i) => shiftPeriod(period, i - n + 1));
}

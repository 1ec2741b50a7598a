import type { EpochMs, IsoDate } from './types';

/**
 * Calendar arithmetic shared by every rule that counts time: goal periods, task views, reports,
 * pay periods, the trash's countdown. The one place that defines how long a minute, an hour and a
 * day are, so that no rule carries its own copy.
 *
 * Local days are computed with a fixed offset passed in by the caller (`tzOffsetMin`, minutes east
 * of UTC: 480 for China, i.e. `-new Date().getTimezoneOffset()`), never from the machine's zone, so
 * the rules stay pure and testable. China has no daylight saving time, so one offset is exact there.
 */

/** Lengths of time in milliseconds; a local day, counted at a fixed offset, lasts one DAY_MS. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** A half-open span of time [startAt, endAt) with its local calendar dates. */
export interface Period {
	kind: PeriodKind;
	/** First local day of the period. */
	start: IsoDate;
	/** First local day after the period (exclusive). */
	end: IsoDate;
	startAt: EpochMs;
	endAt: EpochMs;
}

export interface CivilDate {
	year: number;
	/** 1-12 */
	month: number;
	/** 1-31 */
	day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a strict `YYYY-MM-DD`; null when malformed or not a real date (2025-02-30). */
export function parseIsoDate(s: string): CivilDate | null {
	const m = ISO_DATE.exec(s);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

export function formatIsoDate(d: CivilDate): IsoDate {
	const y = String(d.year).padStart(4, '0');
	return `${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Local calendar date of an instant. */
export function civilDateAt(at: EpochMs, tzOffsetMin: number): CivilDate {
	const d = new Date(at + tzOffsetMin * MINUTE_MS);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function localIsoDate(at: EpochMs, tzOffsetMin: number): IsoDate {
	return formatIsoDate(civilDateAt(at, tzOffsetMin));
}

/** `YYYY-MM` of the local month of an instant (the key used by monthly series). */
export function localMonthKey(at: EpochMs, tzOffsetMin: number): string {
	return localIsoDate(at, tzOffsetMin).slice(0, 7);
}

/** The instant local midnight starts on a calendar date (day overflow is normalised). */
export function civilDateStart(d: CivilDate, tzOffsetMin: number): EpochMs {
	return Date.UTC(d.year, d.month - 1, d.day) - tzOffsetMin * MINUTE_MS;
}

export function isoDateStart(date: IsoDate, tzOffsetMin: number): EpochMs | null {
	const d = parseIsoDate(date);
	return d ? civilDateStart(d, tzOffsetMin) : null;
}

/** Start of the local day containing `at`. */
export function localDayStart(at: EpochMs, tzOffsetMin: number): EpochMs {
	return civilDateStart(civilDateAt(at, tzOffsetMin), tzOffsetMin);
}

/** The local week containing `at`, Monday to Sunday (as weeks are counted in China). */
export function weekBounds(at: EpochMs, tzOffsetMin: number): { startAt: EpochMs; endAt: EpochMs } {
	const dayStart = localDayStart(at, tzOffsetMin);
	// getUTCDay on the shifted instant is the local weekday: 0 Sunday … 6 Saturday.
	const weekday = new Date(at + tzOffsetMin * MINUTE_MS).getUTCDay();
	const sinceMonday = (weekday + 6) % 7;
	const startAt = dayStart - sinceMonday * DAY_MS;
	return { startAt, endAt: startAt + 7 * DAY_MS };
}

/** Adds days, across months and years (setUTCFullYear keeps years below 100 as written). */
export function addDays(d: CivilDate, days: number): CivilDate {
	const t = new Date(0);
	t.setUTCFullYear(d.year, d.month - 1, d.day + days);
	return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Adds months; the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: CivilDate, months: number): CivilDate {
	const index = d.year * 12 + (d.month - 1) + months;
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/**
 * The period that begins on `start` (a goal's periodStart, taken literally so fiscal quarters and
 * years may begin in any month) and lasts one month, quarter or year. Null when `start` is malformed.
 */
export function periodFrom(kind: PeriodKind, start: IsoDate, tzOffsetMin: number): Period | null {
	const s = parseIsoDate(start);
	if (!s || !(kind in MONTHS_IN)) return null;
	const e = addMonths(s, MONTHS_IN[kind]);
	return {
		kind,
		start: formatIsoDate(s),
		end: formatIsoDate(e),
		startAt: civilDateStart(s, tzOffsetMin),
		endAt: civilDateStart(e, tzOffsetMin)
	};
}

/** The calendar month, quarter (Jan/Apr/Jul/Oct) or year containing `at`. */
export function periodContaining(kind: PeriodKind, at: EpochMs, tzOffsetMin: number): Period {
	const d = civilDateAt(at, tzOffsetMin);
	const month = kind === 'year' ? 1 : kind === 'quarter' ? d.month - ((d.month - 1) % 3) : d.month;
	const period = periodFrom(kind, formatIsoDate({ year: d.year, month, day: 1 }), tzOffsetMin);
	// A first-of-month date built from a real date is always valid.
	return period as Period;
}

/** Share of the period elapsed at `now`: 0 before it starts, 1 once it has ended. */
export function elapsedFraction(period: Pick<Period, 'startAt' | 'endAt'>, now: EpochMs): number {
	const length = period.endAt - period.startAt;
	if (!(length > 0) || now >= period.endAt) return now >= period.startAt ? 1 : 0;
	if (now <= period.startAt) return 0;
	return (now - period.startAt) / length;
}

/** Number of local days in a period (28-31 for a month). */
export function periodDays(period: Pick<Period, 'start' | 'end'>): number {
	const s = parseIsoDate(period.start);
	const e = parseIsoDate(period.end);
	if (!s || !e) return 0;
	return Math.round((civilDateStart(e, 0) - civilDateStart(s, 0)) / DAY_MS);
}

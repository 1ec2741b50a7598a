import { DAY_MS, civilDateAt } from '../goal/period';
import type { EpochMs } from '../shared/types';

/**
 * Which stored birthday strings can fall in the next `days` days, as key ranges, so that the
 * home page reads a few index ranges instead of every birthday an owner's customers have
 * (12,500 keys per manager at 100,000 customers).
 *
 * Birthdays are stored as `YYYY-MM-DD`, or `--MM-DD` when the year is unknown; the year comes
 * first, so one window of month-days is one range per birth year. The ranges are a superset:
 * upcomingBirthdays (reports/home.ts) still decides exactly. Keys the per-year ranges would not
 * cover are read whole, as they are rare: years up to 1800 (which exporters write for "unknown",
 * such as 0000 or 1604) and years after this one (bad data).
 *
 * Each range is [lower, upper], both included.
 */
export type KeyRange = readonly [string, string];

/** The first birth year read by per-year ranges (birthdayParts treats earlier years as unknown). */
const FIRST_YEAR = 1801;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `MM-DD` of each day from today to today + days - 1, plus 29 February when 28 February is in. */
function monthDays(now: EpochMs, tzOffsetMin: number, days: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < days; i++) {
		const d = civilDateAt(now + i * DAY_MS, tzOffsetMin);
		out.push(`${pad(d.month)}-${pad(d.day)}`);
		// A 29 February birthday is celebrated on the 28th in other years.
		if (d.month === 2 && d.day === 28) out.push('02-29');
	}
	return out;
}

/** Month-day windows in string order: one, or two when the days run past 31 December. */
function windows(mds: readonly string[]): KeyRange[] {
	const sorted = [...new Set(mds)].sort();
	if (sorted.length === 0) return [];
	const out: [string, string][] = [];
	// The days are consecutive, so a gap in string order can only be the turn of the year.
	const first = mds[0] ?? '';
	const wraps = sorted[0] !== first;
	if (!wraps) return [[first, sorted.at(-1) ?? first]];
	const early = sorted.filter((md) => md < first);
	const late = sorted.filter((md) => md >= first);
	out.push([early[0] ?? '', early.at(-1) ?? '']);
	out.push([late[0] ?? '', late.at(-1) ?? '']);
	return out;
}

export function birthdayKeyRanges(now: EpochMs, tzOffsetMin: number, days = 7): KeyRange[] {
	if (!(days > 0)) return [];
	const win = windows(monthDays(now, tzOffsetMin, Math.ceil(days)));
	const thisYear = civilDateAt(now, tzOffsetMin).year;
	const ranges: KeyRange[] = win.map(([lo, hi]) => [`--${lo}`, `--${hi}`] as const);
	ranges.push(['0000', `${pad(FIRST_YEAR - 1, 4)}-\uffff`]);
	for (let year = FIRST_YEAR; year <= thisYear; year++)
		for (const [lo, hi] of win) ranges.push([`${year}-${lo}`, `${year}-${hi}`]);
	ranges.push([pad(thisYear + 1, 4), '\uffff']);
	return ranges;
}

import { DAY_MS, localIsoDate, parseIsoDate, civilDateStart } from '$lib/domain/shared/dates';
import type { IsoDate } from '$lib/domain/shared/types';
import { zoneOffsetMs } from '$lib/domain/team/zone';

/*
 * Plans, daily reports and training count days in the team's time zone (a team setting,
 * repos/team-settings.ts `getTeamZone`), so that a lead and a manager on devices set to different
 * zones agree on every day and week. The pure rules take the zone's offset in minutes.
 */

/** The zone's offset from UTC at a moment, in minutes. */
export function teamOffset(zone: string, at = Date.now()): number {
	return zoneOffsetMs(zone, at) / 60_000;
}

/** Today's date in the team's zone. */
export function teamToday(zone: string, now = Date.now()): IsoDate {
	return localIsoDate(now, teamOffset(zone, now));
}

/** The Monday of a date's week ('' for a malformed date). */
export function mondayOf(date: IsoDate): IsoDate {
	const d = parseIsoDate(date);
	if (!d) return '';
	const start = civilDateStart(d, 0);
	const weekday = (new Date(start).getUTCDay() + 6) % 7;
	return localIsoDate(start - weekday * DAY_MS, 0);
}

/** The first of a `YYYY-MM` month ('' for anything else). */
export function firstOfMonth(month: string): IsoDate {
	return /^\d{4}-\d{2}$/.test(month) ? `${month}-01` : '';
}

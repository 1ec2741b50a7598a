import { DAY_MS, formatIsoDate, parseIsoDate, type CivilDate } from '../shared/dates';
import type { EpochMs, IsoDate } from '../shared/types';

/**
 * Time in the team's zone: one IANA zone for the whole team (the lead's setting, carried in
 * files), so that a lead and a manager on devices set to different zones agree on where every
 * day, month and quarter begins. Offsets come from the platform's time-zone data through
 * Intl.DateTimeFormat, so zones with daylight saving time are exact on both sides of a change.
 */

export const DEFAULT_TEAM_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(zone, f);
	}
	return f;
}

/** The zone's canonical name ('asia/shanghai' → 'Asia/Shanghai'); null when it is not a zone. */
export function canonicalZone(zone: string): string | null {
	if (typeof zone !== 'string' || zone.trim() === '') return null;
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

export function isValidZone(zone: string): boolean {
	return canonicalZone(zone) !== null;
}

/** Milliseconds since the epoch of a wall time read as UTC (years below 100 kept as written). */
function wallAsUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
	const date = new Date(0);
	date.setUTCFullYear(y, mo - 1, d);
	return date.setUTCHours(h, mi, s, 0);
}

interface Wall extends CivilDate {
	hour: number;
	minute: number;
	second: number;
}

function wallAt(zone: string, at: EpochMs): Wall {
	const parts: Record<string, number> = {};
	for (const p of formatter(zone).formatToParts(at)) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return {
		year: parts.year ?? 0,
		month: parts.month ?? 1,
		day: parts.day ?? 1,
		hour: parts.hour ?? 0,
		minute: parts.minute ?? 0,
		second: parts.second ?? 0
	};
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). Throws on a bad zone. */
export function zoneOffsetMs(zone: string, at: EpochMs): number {
	const w = wallAt(zone, at);
	const whole = Math.floor(at / 1000) * 1000;
	return wallAsUtc(w.year, w.month, w.day, w.hour, w.minute, w.second) - whole;
}

/** The calendar date in the zone at an instant. */
export function zonedDate(zone: string, at: EpochMs): CivilDate {
	const { year, month, day } = wallAt(zone, at);
	return { year, month, day };
}

export function zonedIsoDate(zone: string, at: EpochMs): IsoDate {
	return formatIsoDate(zonedDate(zone, at));
}

/**
 * The first instant of a calendar date in the zone. Where the clocks skip midnight (a change to
 * summer time at 00:00, as Chile makes), the day begins when the clocks jump; where midnight
 * happens twice, at its first occurrence. Day overflow in `date` is normalised (Jan 32 = Feb 1).
 */
export function zonedDateStart(zone: string, date: CivilDate): EpochMs {
	const wall = wallAsUtc(date.year, date.month, date.day);
	// The offsets a day either side hold the one in force at midnight, whatever the change.
	const before = zoneOffsetMs(zone, wall - DAY_MS);
	const after = zoneOffsetMs(zone, wall + DAY_MS);
	const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
	const valid = candidates.find((at) => zoneOffsetMs(zone, at) === wall - at);
	if (valid !== undefined) return valid;
	// Midnight falls in a gap: the day begins at the change, between the two candidates.
	let lo = candidates[0] ?? wall;
	let hi = candidates.at(-1) ?? wall;
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (zoneOffsetMs(zone, mid) === after) hi = mid;
		else lo = mid;
	}
	return hi;
}

/** `zonedDateStart` of a strict `YYYY-MM-DD`; null when malformed. */
export function zonedIsoDateStart(zone: string, date: IsoDate): EpochMs | null {
	const d = parseIsoDate(date);
	return d ? zonedDateStart(zone, d) : null;
}

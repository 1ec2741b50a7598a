import { DAY_MS, MINUTE_MS, daysInMonth, localIsoDate } from '../../domain/shared/dates';

/**
 * Date cells as people and spreadsheets write them, to ISO `YYYY-MM-DD`:
 *   2024-01-05 · 2024/1/5 · 2024.1.5 · 2024年1月5日 · 20240105 · with an optional time after it
 *   Excel serial numbers (1900 date system), e.g. 45296 = 2024-01-05; a bare 1900…2100 is
 *   taken for a year and refused rather than read as a serial in 1905
 *   day and month before the year: 5.1.2024 (dots: always day first, the European habit) and
 *   1/5/2024 (slashes: month first unless `dateOrder: 'dmy'`; when the first number is over 12
 *   it must be the day, when the second is, the month). A slash date that could be read both
 *   ways is returned with `ambiguous: true` so the UI can show which reading was used.
 */

export type DateCode = 'date_invalid';
export type DateOrder = 'mdy' | 'dmy';

export type DateResult =
	| { ok: true; value: string; ambiguous: boolean; minutes: number | null }
	| { ok: false; code: DateCode };

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function valid(y: number, m: number, d: number): boolean {
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
	return d <= daysInMonth(y, m);
}

/**
 * Excel's 1900 system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, believes 1900 was a
 * leap year: serial 60 is the non-existent 1900-02-29 (refused), and from serial 61 on every
 * serial is one more than the true day count, hence the epoch 1899-12-30 rather than -31.
 */
export function excelSerialToIso(serial: number): string | null {
	const day = Math.floor(serial);
	if (!Number.isFinite(serial) || day < 1 || day > 2958465 || day === 60) return null;
	const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
	return localIsoDate(epoch + day * DAY_MS, 0);
}

const TIME = String.raw`(?:[ T]+(?<pre>am|pm|上午|下午)?\s*(?<h>\d{1,2})[:：](?<mi>\d{2})(?:[:：]\d{2}(?:\.\d+)?)?\s*(?<post>am|pm|上午|下午)?)?\s*$`;
const YMD = new RegExp(
	String.raw`^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)` +
		TIME,
	'i'
);
const DMY = new RegExp(String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*[/.-]\s*(\d{4})` + TIME, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;

function minutesOf(groups: Record<string, string | undefined> | undefined): number | null {
	const { h, mi: m } = groups ?? {};
	const ampm = groups?.pre ?? groups?.post;
	if (h === undefined || m === undefined) return null;
	let hour = Number(h);
	const pm = ampm !== undefined && /pm|下午/i.test(ampm);
	if (ampm !== undefined && hour === 12) hour = 0;
	if (pm) hour += 12;
	const minute = Number(m);
	return hour < 24 && minute < 60 ? hour * 60 + minute : -1;
}

export function parseDate(raw: string, order: DateOrder = 'mdy'): DateResult {
	// NFKC (full-width digits) only when there is something full-width: it is the slow part.
	const s = (/[\uff00-\uffef]/.test(raw) ? raw.normalize('NFKC') : raw).trim();
	const bad = { ok: false, code: 'date_invalid' } as const;
	let y: number;
	let m: number;
	let d: number;
	let ambiguous = false;
	let minutes: number | null = null;
	const ymd = YMD.exec(s);
	const dmy = ymd ? null : DMY.exec(s);
	const compact = COMPACT.exec(s);
	if (ymd) {
		[y, m, d] = [Number(ymd[1]), Number(ymd[2] ?? ymd[4]), Number(ymd[3] ?? ymd[5])];
		minutes = minutesOf(ymd.groups);
	} else if (dmy) {
		const [a, b] = [Number(dmy[1]), Number(dmy[3])];
		y = Number(dmy[4]);
		const dayFirst = dmy[2] === '.' || a > 12 || (b <= 12 && order === 'dmy');
		[d, m] = dayFirst ? [a, b] : [b, a];
		ambiguous = dmy[2] !== '.' && a <= 12 && b <= 12 && a !== b;
		minutes = minutesOf(dmy.groups);
	} else if (compact) {
		[y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
	} else if (SERIAL.test(s)) {
		// A bare 1900…2100 is a year someone typed, not a serial from 1905 to 1905.
		if (/^(19\d\d|20\d\d|2100)$/.test(s)) return bad;
		const iso = excelSerialToIso(Number(s));
		if (!iso) return bad;
		const frac = Number(s) % 1;
		return {
			ok: true,
			value: iso,
			ambiguous: false,
			minutes: frac ? Math.round(frac * 1440) % 1440 : null
		};
	} else return bad;
	if (minutes === -1 || !valid(y, m, d)) return bad;
	return { ok: true, value: `${y}-${pad(m)}-${pad(d)}`, ambiguous, minutes };
}

/** Date and optional time to epoch ms, read as wall-clock time at `utcOffsetMinutes` (+480 = UTC+8). */
export function toEpochMs(iso: string, minutes: number | null, utcOffsetMinutes: number): number {
	const [y, m, d] = iso.split('-').map(Number);
	return (
		Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + ((minutes ?? 0) - utcOffsetMinutes) * MINUTE_MS
	);
}

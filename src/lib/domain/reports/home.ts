import { DAY_MS, civilDateAt, daysInMonth, parseIsoDate } from '../shared/dates';
import type { EpochMs, Id, IsoDate } from '../shared/types';

/**
 * Small home-page lists that are not charts: birthdays coming up, deals expected to close in a
 * period. One pass each; the caller passes lean rows.
 */

export interface BirthdayRow {
	id: Id;
	birthday: IsoDate | '';
	trashedAt?: number | null;
}

export interface UpcomingBirthday<C extends BirthdayRow> {
	customer: C;
	/** 0 = today. */
	inDays: number;
	/** The date of the coming birthday. */
	date: IsoDate;
	/** Age reached, when the birth year is known (a year of 0000-1800 is taken as unknown). */
	turns: number | null;
}

/** vCard's form for a birthday without a year. */
const MONTH_DAY = /^--(\d{2})-(\d{2})$/;

/** Month and day of a birthday (`YYYY-MM-DD`, or `--MM-DD` when the year is unknown). */
export function birthdayParts(
	birthday: string
): { year: number | null; month: number; day: number } | null {
	const full = parseIsoDate(birthday);
	if (full) return { year: full.year > 1800 ? full.year : null, month: full.month, day: full.day };
	const m = MONTH_DAY.exec(birthday);
	if (!m) return null;
	const month = Number(m[1]);
	const day = Number(m[2]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return null;
	return { year: null, month, day };
}

/**
 * Customers whose birthday falls within the next `days` days (today included), soonest first.
 * A 29 February birthday is celebrated on 28 February in other years.
 */
export function upcomingBirthdays<C extends BirthdayRow>(
	customers: Iterable<C>,
	now: EpochMs,
	tzOffsetMin: number,
	days = 7
): UpcomingBirthday<C>[] {
	const today = civilDateAt(now, tzOffsetMin);
	const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
	// Every accepted form ends in MM-DD: a customer whose MM-DD is none of the coming days' (or
	// 29 February, kept on the 28th) is passed over without parsing (Home runs this over a
	// manager's whole list, tens of thousands of rows).
	const soon = new Set(['02-29']);
	for (let i = 0; i < days; i++)
		soon.add(new Date(todayUtc + i * DAY_MS).toISOString().slice(5, 10));
	const out: UpcomingBirthday<C>[] = [];
	for (const c of customers) {
		if (c.trashedAt != null || !c.birthday || !soon.has(c.birthday.slice(-5))) continue;
		const b = birthdayParts(c.birthday);
		if (!b) continue;
		for (const year of [today.year, today.year + 1]) {
			const day = Math.min(b.day, daysInMonth(year, b.month));
			const inDays = Math.round((Date.UTC(year, b.month - 1, day) - todayUtc) / DAY_MS);
			if (inDays < 0) continue;
			if (inDays < days) {
				const date = `${year}-${String(b.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
				out.push({ customer: c, inDays, date, turns: b.year === null ? null : year - b.year });
			}
			break;
		}
	}
	return out.sort((a, b) => a.inDays - b.inDays || (a.customer.id < b.customer.id ? -1 : 1));
}

export interface ClosingDealRow {
	expectedClose: IsoDate | '';
	stage: string;
	trashedAt?: number | null;
}

/**
 * Open deals whose expected close date falls in [start, end) (IsoDate strings compare in date
 * order), earliest first. `isOpen` decides which stages count (see deal/stages isOpenStage).
 */
export function dealsClosingBetween<D extends ClosingDealRow>(
	deals: Iterable<D>,
	start: IsoDate,
	end: IsoDate,
	isOpen: (stage: string) => boolean
): D[] {
	const out: D[] = [];
	for (const d of deals) {
		if (d.trashedAt != null || !isOpen(d.stage) || !parseIsoDate(d.expectedClose)) continue;
		if (d.expectedClose >= start && d.expectedClose < end) out.push(d);
	}
	return out.sort((a, b) =>
		a.expectedClose < b.expectedClose ? -1 : a.expectedClose > b.expectedClose ? 1 : 0
	);
}

import { addDays, formatIsoDate, parseIsoDate } from '../shared/dates';
import type { EpochMs, Id, IsoDate, Money } from '../shared/types';
import { isMinor } from './decimal';

/**
 * A sales contest (销售竞赛): a metric, a period and a prize. The lead computes the standings and
 * publishes them as a record of their own: ranks and values only, the one thing of colleagues'
 * work that reaches a manager.
 */
export const CONTEST_METRICS = [
	'sales_amount',
	'deals_won',
	'new_customers',
	'visits',
	'interactions'
] as const;
export type ContestMetric = (typeof CONTEST_METRICS)[number];

export interface Contest {
	id: Id;
	title: string;
	metric: ContestMetric;
	/** For sales_amount: the currency counted. */
	currency: string | null;
	/** [start, end) in local days. */
	start: IsoDate;
	end: IsoDate;
	prize: string;
	prizeAmount: Money | null;
	trashedAt: number | null;
}

export type ContestErrorCode =
	| 'title_required'
	| 'metric_invalid'
	| 'currency_required'
	| 'period_invalid'
	| 'prize_required'
	| 'prize_amount_invalid';

export function validateContest(c: Omit<Contest, 'id' | 'trashedAt'>): ContestErrorCode[] {
	const errors: ContestErrorCode[] = [];
	if (!c.title.trim()) errors.push('title_required');
	if (!CONTEST_METRICS.includes(c.metric)) errors.push('metric_invalid');
	if (c.metric === 'sales_amount' && !c.currency) errors.push('currency_required');
	if (!parseIsoDate(c.start) || !parseIsoDate(c.end) || c.end <= c.start) {
		errors.push('period_invalid');
	}
	if (!c.prize.trim() && !c.prizeAmount) errors.push('prize_required');
	if (c.prizeAmount && (!isMinor(c.prizeAmount.minor) || c.prizeAmount.minor <= 0)) {
		errors.push('prize_amount_invalid');
	}
	return errors;
}

export interface StandingRow {
	memberId: Id;
	value: number;
	/** 1 for the best; equal values share a rank and the next rank skips (1, 1, 3). */
	rank: number;
}

export interface Standings {
	id: Id;
	contestId: Id;
	computedAt: EpochMs;
	rows: StandingRow[];
}

/** One standings record per contest: publishing again replaces it. */
export function standingsId(contestId: Id): Id {
	return `standings:${contestId}`;
}

/**
 * Ranks members by value, highest first. Values that are not finite numbers are left out (a
 * member without figures is not last, just absent). Equal values are listed by member id so that
 * every device lists them alike.
 */
export function computeStandings(
	contestId: Id,
	values: readonly { memberId: Id; value: number }[],
	computedAt: EpochMs
): Standings {
	const seen = new Set<Id>();
	const sorted = values
		// A member listed twice keeps their first value: a standing is one row per member.
		.filter((v) => Number.isFinite(v.value) && !seen.has(v.memberId) && seen.add(v.memberId))
		.sort((a, b) => b.value - a.value || (a.memberId < b.memberId ? -1 : 1));
	const rows: StandingRow[] = [];
	sorted.forEach((v, i) => {
		const prev = rows[i - 1];
		const rank = prev && prev.value === v.value ? prev.rank : i + 1;
		rows.push({ memberId: v.memberId, value: v.value, rank });
	});
	return { id: standingsId(contestId), contestId, computedAt, rows };
}

/** The day after `date` ('2026-03-31' → '2026-04-01'); null for a date that is not one. */
export function dayAfter(date: IsoDate): IsoDate | null {
	return shiftDay(date, 1);
}

/** The day before `date`: a contest's last day, its `end` being the first day after it. */
export function dayBefore(date: IsoDate): IsoDate | null {
	return shiftDay(date, -1);
}

function shiftDay(date: IsoDate, days: number): IsoDate | null {
	const d = parseIsoDate(date);
	return d ? formatIsoDate(addDays(d, days)) : null;
}

/** How long after its last day a contest is still shown, so its winner is seen. */
export const CONTEST_SHOWN_AFTER_DAYS = 14;

/**
 * The contests a member's Home and the dashboard show on `today` (the team zone's date): those
 * running, and those ended within CONTEST_SHOWN_AFTER_DAYS; ending soonest first.
 */
export function contestsShownOn<C extends Pick<Contest, 'start' | 'end' | 'trashedAt'>>(
	contests: readonly C[],
	today: IsoDate
): C[] {
	const since = shiftDay(today, -CONTEST_SHOWN_AFTER_DAYS);
	if (!since) return [];
	return contests
		.filter((c) => c.trashedAt === null && c.start <= today && c.end > since)
		.sort((a, b) => a.end.localeCompare(b.end));
}

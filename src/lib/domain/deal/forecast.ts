import { parseIsoDate } from '../shared/dates';
import type { Deal } from './deal';
import { DEFAULT_STAGES, clampProbability, isOpenStage, type StageDef } from './stages';

/**
 * The weighted pipeline (加权预测): for open deals, amount × probability summed by month of expected
 * close and currency (never mixed: no exchange rates here). Sums stay exact: amount × probability is
 * summed as an integer number of "minor-percent" units and divided by 100 once, per bucket.
 */

export type ForecastDeal = Pick<Deal, 'stage' | 'amount' | 'probability' | 'expectedClose'> & {
	trashedAt?: number | null;
};

/** Bucket for deals without a (valid) expected close date. */
export const NO_CLOSE_MONTH = 'none';

export interface ForecastRow {
	/** `YYYY-MM`, or 'none'. */
	month: string;
	currency: string;
	/** Open deals in the bucket. */
	count: number;
	/** Sum of amounts, minor units. */
	totalMinor: number;
	/** Sum of amount × probability / 100, rounded once, minor units. */
	weightedMinor: number;
}

export function expectedCloseMonth(expectedClose: string): string {
	return parseIsoDate(expectedClose) ? expectedClose.slice(0, 7) : NO_CLOSE_MONTH;
}

/** One pass; rows sorted by month (none last), then currency. */
export function forecastByMonth(
	deals: Iterable<ForecastDeal>,
	stages: readonly StageDef[] = DEFAULT_STAGES
): ForecastRow[] {
	const buckets = new Map<string, { row: ForecastRow; weightedCents: number }>();
	for (const d of deals) {
		if (d.trashedAt != null || !isOpenStage(stages, d.stage)) continue;
		const { minor, currency } = d.amount;
		if (!Number.isFinite(minor) || minor < 0 || !currency) continue;
		const month = expectedCloseMonth(d.expectedClose);
		const key = `${month}|${currency}`;
		let b = buckets.get(key);
		if (!b) {
			b = { row: { month, currency, count: 0, totalMinor: 0, weightedMinor: 0 }, weightedCents: 0 };
			buckets.set(key, b);
		}
		b.row.count += 1;
		b.row.totalMinor += minor;
		b.weightedCents += minor * clampProbability(d.probability);
	}
	const rows = [...buckets.values()].map(({ row, weightedCents }) => ({
		...row,
		weightedMinor: Math.round(weightedCents / 100)
	}));
	return rows.sort(
		(a, b) =>
			monthOrder(a.month).localeCompare(monthOrder(b.month)) ||
			(a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)
	);
}

function monthOrder(month: string): string {
	return month === NO_CLOSE_MONTH ? '\uffff' : month;
}

/** Weighted totals per currency over the whole forecast. */
export function forecastTotals(rows: Iterable<ForecastRow>): Record<string, number> {
	const totals: Record<string, number> = {};
	for (const r of rows) totals[r.currency] = (totals[r.currency] ?? 0) + r.weightedMinor;
	return totals;
}

import { DAY_MS, localIsoDate, periodDays, type Period } from '../shared/dates';
import type { EpochMs, IsoDate } from '../shared/types';

/**
 * A value per local day over a period (interactions per day, sales per day), filled in one pass.
 * Day index = whole days since the period's start, exact with the fixed offset the period used.
 */
export interface DayRow {
	date: IsoDate;
	value: number;
}

export class DailySeries {
	readonly #values: number[];
	readonly #startAt: EpochMs;
	readonly #tzOffsetMin: number;

	constructor(period: Pick<Period, 'start' | 'end' | 'startAt'>, tzOffsetMin: number) {
		this.#values = new Array<number>(periodDays(period)).fill(0);
		this.#startAt = period.startAt;
		this.#tzOffsetMin = tzOffsetMin;
	}

	/** Adds `n` at instant `at`; false (and nothing added) when outside the period or invalid. */
	add(at: EpochMs, n = 1): boolean {
		if (!Number.isFinite(at) || !Number.isFinite(n)) return false;
		const i = Math.floor((at - this.#startAt) / DAY_MS);
		if (i < 0 || i >= this.#values.length) return false;
		this.#values[i] = (this.#values[i] ?? 0) + n;
		return true;
	}

	/**
	 * Each day's [start, end) instants, the last one cut at `endAt` (the period's end): what a
	 * count per day over an index of instants asks for.
	 */
	dayBounds(endAt: EpochMs): [EpochMs, EpochMs][] {
		return this.#values.map((_, i) => {
			const from = this.#startAt + i * DAY_MS;
			return [from, Math.min(from + DAY_MS, endAt)];
		});
	}

	/** Adds one number per day, in the order of dayBounds. */
	addPerDay(counts: readonly number[]): void {
		counts.forEach((n, i) => {
			if (i < this.#values.length && Number.isFinite(n))
				this.#values[i] = (this.#values[i] ?? 0) + n;
		});
	}

	get length(): number {
		return this.#values.length;
	}

	values(): number[] {
		return [...this.#values];
	}

	rows(): DayRow[] {
		return this.#values.map((value, i) => ({
			date: localIsoDate(this.#startAt + i * DAY_MS, this.#tzOffsetMin),
			value
		}));
	}
}

/** Running total: [1, 2, 3] → [1, 3, 6]. */
export function cumulative(values: readonly number[]): number[] {
	let sum = 0;
	return values.map((v) => (sum += v));
}

/** The straight line to a target at the end of each of `days` days: target × (i + 1) / days. */
export function goalLine(target: number, days: number): number[] {
	if (!(days > 0) || !Number.isFinite(target)) return [];
	return Array.from({ length: days }, (_, i) => (target * (i + 1)) / days);
}

export interface GoalLineRow {
	date: IsoDate;
	/** Cumulative actual up to the end of the day. */
	actual: number;
	/** The straight line to the target at the end of the day. */
	expected: number;
}

/** Rows for a "sales against goal" chart: cumulative actual per day and the straight line. */
export function againstGoalLine(rows: readonly DayRow[], target: number): GoalLineRow[] {
	const line = goalLine(target, rows.length);
	let actual = 0;
	return rows.map((r, i) => ({
		date: r.date,
		actual: (actual += r.value),
		expected: line[i] ?? 0
	}));
}

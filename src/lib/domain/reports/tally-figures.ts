import type { StageDef } from '../deal/stages';
import type { Period } from '../shared/dates';
import { INTERACTION_TYPES, type InteractionType } from '../interaction/interaction';
import { Counter } from './counter';
import { DailySeries, type DayRow } from './daily';
import type { InteractionReport } from './interactions';
import { pipelineFromSums, type StageRow } from './pipeline';
import { localDayStartAt, type Tally } from './tallies';

/**
 * Home's figures read back from tallies (see tallies.ts): the same answers as counting the
 * records, from a few dozen sums. Callers pass only tallies of the right kind and owner, over the
 * days of the period; the offset is the one the tallies were counted in, which must be the
 * period's (otherwise days would not line up and the caller counts the records instead).
 */

type PeriodDays = Pick<Period, 'start' | 'end' | 'startAt' | 'endAt'>;

/** Interactions by type and per day, from `['i', owner, day, type]` tallies. */
export function interactionReportFromTallies(
	tallies: Iterable<Tally>,
	period: PeriodDays,
	offsetMin: number
): InteractionReport {
	const byType = new Counter<InteractionType>();
	const byDay = new DailySeries(period, offsetMin);
	for (const t of tallies) {
		if (t.k[0] !== 'i' || t.n <= 0) continue;
		if (byDay.add(localDayStartAt(t.k[2], offsetMin), t.n))
			byType.add(t.k[3] as InteractionType, t.n);
	}
	return { byType: byType.rows(INTERACTION_TYPES), byDay: byDay.rows(), total: byType.total };
}

/** Interactions counted over whatever days the tallies cover. */
export function interactionTotal(tallies: Iterable<Tally>): number {
	let n = 0;
	for (const t of tallies) if (t.k[0] === 'i') n += t.n;
	return n;
}

/** Sales per day in one currency, from `['o', owner, day, currency]` tallies. */
export function salesFromTallies(
	tallies: Iterable<Tally>,
	period: PeriodDays,
	offsetMin: number,
	currency: string
): { daily: DayRow[]; totalMinor: number } {
	const series = new DailySeries(period, offsetMin);
	let totalMinor = 0;
	for (const t of tallies) {
		if (t.k[0] !== 'o' || t.k[3] !== currency || t.n === 0) continue;
		if (series.add(localDayStartAt(t.k[2], offsetMin), t.minor)) totalMinor += t.minor;
	}
	return { daily: series.rows(), totalMinor };
}

/** The pipeline by stage, from `['p', owner, stage, currency]` tallies. */
export function pipelineFromTallies(
	tallies: Iterable<Tally>,
	stages: readonly StageDef[],
	opts: { openOnly?: boolean } = {}
): StageRow[] {
	const sums = [];
	for (const t of tallies)
		if (t.k[0] === 'p')
			sums.push({ stage: t.k[2], currency: t.k[3], n: t.n, minor: t.minor, weighted: t.weighted });
	return pipelineFromSums(sums, stages, opts);
}

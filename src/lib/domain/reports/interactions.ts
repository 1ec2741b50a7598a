import type { Period } from '../shared/dates';
import { INTERACTION_TYPES, type InteractionType } from '../interaction/interaction';
import type { EpochMs } from '../shared/types';
import { Counter, type CountRow } from './counter';
import { DailySeries, type DayRow } from './daily';

/** The fields the interaction charts read (the compound index [ownerId+at] can supply them). */
export interface InteractionPoint {
	type: InteractionType;
	at: EpochMs;
	trashedAt?: number | null;
}

/**
 * Interactions by type and by day over a period, in one pass. Types appear in the fixed
 * INTERACTION_TYPES order with zeros, so the chart and its table keep the same axis.
 */
export interface InteractionReport {
	byType: CountRow<InteractionType>[];
	byDay: DayRow[];
	total: number;
}

export function interactionReport(
	items: Iterable<InteractionPoint>,
	period: Pick<Period, 'start' | 'end' | 'startAt' | 'endAt'>,
	tzOffsetMin: number
): InteractionReport {
	const byType = new Counter<InteractionType>();
	const byDay = new DailySeries(period, tzOffsetMin);
	for (const i of items) {
		if (i.trashedAt != null) continue;
		if (byDay.add(i.at)) byType.add(i.type);
	}
	return { byType: byType.rows(INTERACTION_TYPES), byDay: byDay.rows(), total: byType.total };
}

/** By type from counts already made per type (e.g. one index count each). */
export function interactionsByTypeFromCounts(
	counts: Iterable<readonly [InteractionType, number]>
): CountRow<InteractionType>[] {
	const c = new Counter<InteractionType>();
	for (const [type, n] of counts) c.add(type, n);
	return c.rows(INTERACTION_TYPES);
}

import type { Synced } from '../../sync/stamp';
import type { Id, IsoDate } from '../shared/types';

export const GOAL_METRICS = [
	'sales_amount',
	'new_customers',
	'follow_ups',
	'interactions',
	'avg_satisfaction',
	'retention_rate',
	'complaint_rate'
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/**
 * Metrics the operations lead also sets and tracks for the team: the average time to resolve a
 * ticket (hours, lower is better) and the market share (a percentage the lead enters by hand).
 */
export const LEAD_ONLY_METRICS = ['avg_resolution_time', 'market_share'] as const;
export const KPI_METRICS = [...GOAL_METRICS, ...LEAD_ONLY_METRICS] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export interface Goal extends Synced {
	ownerId: Id;
	/** Any KPI: a manager sets the GOAL_METRICS, the lead also the LEAD_ONLY_METRICS. */
	metric: KpiMetric;
	periodKind: 'month' | 'quarter' | 'year';
	periodStart: IsoDate;
	target: number;
	/**
	 * The actual the lead entered by hand, for a metric the records cannot give (market share, a
	 * percentage 0-100: entered.ts); absent or null for every other goal. Optional, so goals
	 * stored or sent before it existed read as "nothing entered" without a migration.
	 */
	enteredActual?: number | null;
	setBy: Id;
	trashedAt: number | null;
	demo?: boolean;
}

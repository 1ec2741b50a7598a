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
	metric: GoalMetric;
	periodKind: 'month' | 'quarter' | 'year';
	periodStart: IsoDate;
	target: number;
	setBy: Id;
	trashedAt: number | null;
	demo?: boolean;
}

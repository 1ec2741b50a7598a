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

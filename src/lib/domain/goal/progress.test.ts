import { describe, expect, it } from 'vitest';
import type { Goal } from './goal';
import { DAY_MS, periodFrom } from '../shared/dates';
import {
	goalActual,
	goalProgress,
	isCumulativeMetric,
	isLowerBetter,
	paceOf,
	progressOver
} from './progress';

const TZ = 0;
const APRIL = periodFrom('month', '2025-04-01', TZ)!; // 30 days
const at = (days: number) => APRIL.startAt + days * DAY_MS;

function goal(
	p: Partial<Goal> = {}
): Pick<Goal, 'metric' | 'periodKind' | 'periodStart' | 'target'> {
	return {
		metric: 'sales_amount',
		periodKind: 'month',
		periodStart: '2025-04-01',
		target: 1000,
		...p
	};
}

describe('goalActual', () => {
	it('reads cumulative metrics from aggregates', () => {
		const agg = { salesMinor: 12_345, newCustomers: 3, followUps: 7, interactions: 40 };
		expect(goalActual('sales_amount', agg)).toBe(12_345);
		expect(goalActual('new_customers', agg)).toBe(3);
		expect(goalActual('follow_ups', agg)).toBe(7);
		expect(goalActual('interactions', agg)).toBe(40);
	});
	it('averages satisfaction, null without scores', () => {
		expect(goalActual('avg_satisfaction', { satisfactionSum: 18, satisfactionCount: 4 })).toBe(4.5);
		expect(goalActual('avg_satisfaction', { satisfactionSum: 0, satisfactionCount: 0 })).toBeNull();
		expect(goalActual('avg_satisfaction', {})).toBeNull();
	});
	it('computes rates as percentages', () => {
		expect(goalActual('retention_rate', { customersRetained: 45, customersAtStart: 50 })).toBe(90);
		expect(goalActual('complaint_rate', { complaints: 2, activeCustomers: 200 })).toBe(1);
		expect(goalActual('complaint_rate', { complaints: 2, activeCustomers: 0 })).toBeNull();
	});
	it('refuses missing, negative or non-finite inputs', () => {
		expect(goalActual('sales_amount', {})).toBeNull();
		expect(goalActual('interactions', { interactions: -1 })).toBeNull();
		expect(goalActual('new_customers', { newCustomers: Number.NaN })).toBeNull();
		expect(goalActual('unknown' as 'interactions', { interactions: 1 })).toBeNull();
	});
	it('averages resolution time in hours, null without closed tickets', () => {
		const agg = { resolvedTickets: 4, resolutionMs: 4 * 6 * 3_600_000 };
		expect(goalActual('avg_resolution_time', agg)).toBe(6);
		expect(goalActual('avg_resolution_time', { resolvedTickets: 0, resolutionMs: 0 })).toBeNull();
	});
	it('takes market share as entered, refusing what is not a share', () => {
		expect(goalActual('market_share', { marketShare: 12.5 })).toBe(12.5);
		expect(goalActual('market_share', {})).toBeNull();
		expect(goalActual('market_share', { marketShare: -3 })).toBeNull();
	});
	it('knows which metrics add up', () => {
		expect(isCumulativeMetric('follow_ups')).toBe(true);
		expect(isCumulativeMetric('avg_satisfaction')).toBe(false);
		expect(isCumulativeMetric('market_share')).toBe(false);
		expect(isLowerBetter('avg_resolution_time')).toBe(true);
		expect(isLowerBetter('complaint_rate')).toBe(true);
		expect(isLowerBetter('market_share')).toBe(false);
	});
});

describe('paceOf', () => {
	it('on track at or above the line', () => {
		expect(paceOf(100, 100)).toBe('on_track');
		expect(paceOf(150, 100)).toBe('on_track');
	});
	it('at risk when behind by less than 10%', () => {
		expect(paceOf(99, 100)).toBe('at_risk');
		expect(paceOf(90.01, 100)).toBe('at_risk');
	});
	it('off track when 10% or more behind, exactly 10% included', () => {
		expect(paceOf(90, 100)).toBe('off_track');
		expect(paceOf(27, 30)).toBe('off_track');
		expect(paceOf(0.9 * 0.7, 0.7)).toBe('off_track');
		expect(paceOf(0, 5)).toBe('off_track');
	});
	it('nothing expected is always on track', () => {
		expect(paceOf(0, 0)).toBe('on_track');
	});
	it('mirrors for lower-is-better', () => {
		expect(paceOf(1, 2, true)).toBe('on_track');
		expect(paceOf(2.1, 2, true)).toBe('at_risk');
		expect(paceOf(2.2, 2, true)).toBe('off_track');
		expect(paceOf(1, 0, true)).toBe('off_track');
	});
});

describe('goalProgress', () => {
	it('follows the straight line through the period', () => {
		const p = goalProgress(goal(), 500, at(15), TZ);
		expect(p).toMatchObject({
			state: 'active',
			elapsed: 0.5,
			expected: 500,
			ratio: 0.5,
			achieved: false
		});
		expect(p.pace).toBe('on_track');
		expect(goalProgress(goal(), 460, at(15), TZ).pace).toBe('at_risk');
		expect(goalProgress(goal(), 450, at(15), TZ).pace).toBe('off_track');
	});
	it('before the start nothing is expected', () => {
		const p = goalProgress(goal(), 0, at(-1), TZ);
		expect(p).toMatchObject({ state: 'not_started', elapsed: 0, expected: 0, pace: 'on_track' });
		expect(goalProgress(goal({ metric: 'complaint_rate', target: 2 }), 5, at(-1), TZ).pace).toBe(
			'on_track'
		);
	});
	it('after the end the whole target is expected', () => {
		const ended = goalProgress(goal(), 950, at(31), TZ);
		expect(ended).toMatchObject({ state: 'ended', elapsed: 1, expected: 1000, pace: 'at_risk' });
		expect(goalProgress(goal(), 899, APRIL.endAt, TZ).pace).toBe('off_track');
		expect(goalProgress(goal(), 1200, APRIL.endAt, TZ)).toMatchObject({
			achieved: true,
			pace: 'on_track',
			ratio: 1.2
		});
	});
	it('an achieved goal is on track even early', () => {
		expect(goalProgress(goal(), 1000, at(1), TZ)).toMatchObject({
			achieved: true,
			pace: 'on_track'
		});
	});
	it('a target of 0 is achieved with no ratio', () => {
		const p = goalProgress(goal({ target: 0 }), 0, at(10), TZ);
		expect(p).toMatchObject({
			achieved: true,
			ratio: null,
			pace: 'on_track',
			expected: 0,
			error: null
		});
	});
	it('invalid target or period gives an error and no pace', () => {
		expect(goalProgress(goal({ target: -5 }), 10, at(10), TZ)).toMatchObject({
			pace: null,
			error: 'target_invalid'
		});
		expect(goalProgress(goal({ target: Number.NaN }), 10, at(10), TZ).error).toBe('target_invalid');
		expect(goalProgress(goal({ periodStart: '2025-04-31' }), 10, at(10), TZ)).toMatchObject({
			pace: null,
			error: 'period_invalid'
		});
	});
	it('no actual value yet: no pace, but the line is known', () => {
		const p = goalProgress(goal({ metric: 'avg_satisfaction', target: 4.5 }), null, at(10), TZ);
		expect(p).toMatchObject({ pace: null, actual: null, expected: 4.5, error: null });
	});
	it('levels are compared with the target all along', () => {
		const g = goal({ metric: 'avg_satisfaction', target: 4.5 });
		expect(goalProgress(g, 4.6, at(1), TZ).pace).toBe('on_track');
		expect(goalProgress(g, 4.2, at(1), TZ).pace).toBe('at_risk');
		expect(goalProgress(g, 4.0, at(1), TZ).pace).toBe('off_track');
	});
	it('lower-is-better metrics are achieved at or below target', () => {
		const g = goal({ metric: 'complaint_rate', target: 2 });
		expect(goalProgress(g, 1.5, at(10), TZ)).toMatchObject({ achieved: true, pace: 'on_track' });
		expect(goalProgress(g, 2.5, at(10), TZ)).toMatchObject({ achieved: false, pace: 'off_track' });
		expect(
			goalProgress(goal({ metric: 'complaint_rate', target: 0 }), 0.5, at(10), TZ).achieved
		).toBe(false);
	});
	it('uses the time-zone offset for period bounds', () => {
		// 2025-03-31 17:00 UTC is already April 1st 01:00 in Beijing.
		const p = goalProgress(goal(), 0, Date.UTC(2025, 2, 31, 17), 480);
		expect(p.state).toBe('active');
		expect(goalProgress(goal(), 0, Date.UTC(2025, 2, 31, 17), 0).state).toBe('not_started');
	});
});

describe('progressOver', () => {
	it('judges a lead-only metric like the others: resolution time is lower-is-better', () => {
		const p = progressOver('avg_resolution_time', 24, 30, APRIL, at(10));
		expect(p).toMatchObject({ expected: 24, achieved: false, pace: 'off_track' });
		expect(progressOver('avg_resolution_time', 24, 20, APRIL, at(10)).pace).toBe('on_track');
	});
	it('lower is better for resolution time and complaint rate: 10% over the target is off track', () => {
		// A level metric: the target itself is expected all along, so 26.4 h is 10% over 24 h.
		expect(progressOver('avg_resolution_time', 24, 24, APRIL, at(10))).toMatchObject({
			achieved: true,
			pace: 'on_track',
			ratio: 1
		});
		expect(progressOver('avg_resolution_time', 24, 25, APRIL, at(10)).pace).toBe('at_risk');
		expect(progressOver('avg_resolution_time', 24, 26.4, APRIL, at(10)).pace).toBe('off_track');
		expect(progressOver('complaint_rate', 2, 2.1, APRIL, at(29)).pace).toBe('at_risk');
		expect(progressOver('complaint_rate', 2, 2.2, APRIL, at(29)).pace).toBe('off_track');
	});
	it('market share is a level judged against its target (higher is better)', () => {
		expect(goalActual('market_share', { marketShare: 18 })).toBe(18);
		expect(progressOver('market_share', 20, 18, APRIL, at(10))).toMatchObject({
			expected: 20,
			ratio: 0.9,
			pace: 'off_track'
		});
		expect(progressOver('market_share', 20, 19, APRIL, at(10)).pace).toBe('at_risk');
	});
	it('needs a period', () => {
		expect(progressOver('sales_amount', 1, 1, null, 0).error).toBe('period_invalid');
	});
});

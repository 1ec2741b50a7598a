import { describe, expect, it } from 'vitest';
import { HOUR_MS, isoDateStart } from '../shared/dates';
import type { DealMove, LogCustomer } from './log';
import { logged as ix } from './test-helpers';
import {
	MAX_PLANNED,
	planSpanOf,
	planVsActual,
	validateWorkPlan,
	workPlanId,
	type WorkPlan
} from './work-plan';

const CN = 480;
const MON = '2025-03-10';
const at = (date: string, hour = 10) => isoDateStart(date, CN)! + hour * HOUR_MS;

const plan = (over: Partial<WorkPlan> = {}): WorkPlan => ({
	id: workPlanId('m1', 'week', MON),
	memberId: 'm1',
	span: 'week',
	start: MON,
	planned: { visits: 4, calls: 10, new_customers: 2 },
	dealIds: ['d1', 'd2'],
	leadComment: '',
	trashedAt: null,
	...over
});

describe('planVsActual', () => {
	const interactions = [
		ix('visit', at(MON)),
		ix('visit', at('2025-03-16', 23)),
		ix('call', at('2025-03-11')),
		ix('call', at('2025-03-11'), { trashedAt: 1 }),
		ix('call', at('2025-03-11'), { ownerId: 'm2' }),
		ix('wechat', at('2025-03-12')),
		ix('visit', at('2025-03-17', 0)), // the next Monday
		ix('visit', at(MON, 0) - 1) // Sunday night before
	];
	const customers: LogCustomer[] = [
		{ id: 'c9', ownerId: 'm1', createdAt: at('2025-03-13'), trashedAt: null },
		{ id: 'c8', ownerId: 'm1', createdAt: at('2025-03-13'), trashedAt: 5 },
		{ id: 'c7', ownerId: 'm2', createdAt: at('2025-03-13'), trashedAt: null }
	];
	const dealMoves: DealMove[] = [
		{ dealId: 'd1', ownerId: 'm1', by: 'm1', at: at('2025-03-11'), toStage: 'proposal' },
		{ dealId: 'd1', ownerId: 'm1', by: 'lead', at: at('2025-03-14'), toStage: 'negotiation' },
		{ dealId: 'd2', ownerId: 'm1', by: 'm1', at: at('2025-03-18'), toStage: 'won' },
		{ dealId: 'd3', ownerId: 'm1', by: 'm1', at: at('2025-03-11'), toStage: 'won' }
	];
	it('sets the plan against the log of its week in the team’s time zone', () => {
		expect(planVsActual(plan(), { interactions, customers, dealMoves }, CN)).toEqual({
			rows: [
				{ measure: 'visits', planned: 4, actual: 2, ratio: 0.5 },
				{ measure: 'calls', planned: 10, actual: 1, ratio: 0.1 },
				{ measure: 'new_customers', planned: 2, actual: 1, ratio: 0.5 }
			],
			deals: [
				{ dealId: 'd1', movedTo: 'negotiation' },
				{ dealId: 'd2', movedTo: null }
			]
		});
	});
	it('has no ratio for what was not planned', () => {
		const r = planVsActual(
			plan({ planned: { visits: 0, calls: 0, new_customers: 0 } }),
			{ interactions, customers, dealMoves },
			CN
		);
		expect(r?.rows.map((x) => x.ratio)).toEqual([null, null, null]);
	});
	it('covers a whole month for a monthly plan', () => {
		const month = plan({ span: 'month', start: '2025-03-01' });
		const r = planVsActual(month, { interactions, customers, dealMoves }, CN);
		// every visit of the list falls in March, the one of Sunday night before the week included
		expect(r?.rows[0]?.actual).toBe(4);
		expect(r?.deals).toEqual([
			{ dealId: 'd1', movedTo: 'negotiation' },
			{ dealId: 'd2', movedTo: 'won' }
		]);
	});
	it('has nothing to show for a malformed start', () => {
		expect(
			planVsActual(plan({ start: 'soon' }), { interactions, customers, dealMoves }, CN)
		).toBeNull();
	});
});

describe('planSpanOf', () => {
	it('gives a week and a month their local edges', () => {
		expect(planSpanOf({ span: 'week', start: MON }, CN)).toEqual({
			startAt: Date.UTC(2025, 2, 9, 16),
			endAt: Date.UTC(2025, 2, 16, 16),
			end: '2025-03-17'
		});
		expect(planSpanOf({ span: 'month', start: '2025-02-01' }, CN)?.end).toBe('2025-03-01');
	});
});

describe('validateWorkPlan', () => {
	it('accepts a plan starting on a Monday or the 1st', () => {
		expect(validateWorkPlan(plan())).toEqual([]);
		expect(validateWorkPlan(plan({ span: 'month', start: '2025-03-01' }))).toEqual([]);
	});
	it('names a misaligned start, bad counts and a deal listed twice', () => {
		expect(
			validateWorkPlan(
				plan({
					start: '2025-03-11',
					planned: { visits: -1, calls: 1.5, new_customers: 0 },
					dealIds: ['d1', 'd1']
				})
			)
		).toEqual([
			{ field: 'start', code: 'start_invalid' },
			{ field: 'planned.visits', code: 'count_invalid' },
			{ field: 'planned.calls', code: 'count_invalid' },
			{ field: 'dealIds', code: 'deal_duplicate' }
		]);
		expect(validateWorkPlan(plan({ span: 'month', start: MON }))[0]?.code).toBe('start_invalid');
		expect(validateWorkPlan(plan({ span: 'day' as WorkPlan['span'] }))[0]?.code).toBe(
			'span_invalid'
		);
	});
	it('refuses a count beyond what a month can hold', () => {
		const over = plan({
			planned: { visits: MAX_PLANNED, calls: MAX_PLANNED + 1, new_customers: 0 }
		});
		expect(validateWorkPlan(over)).toEqual([{ field: 'planned.calls', code: 'count_invalid' }]);
	});
	it('derives one id per member, span and start', () => {
		expect(workPlanId('m1', 'week', MON)).toBe('plan:m1:week:2025-03-10');
	});
});

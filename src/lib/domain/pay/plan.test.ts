import { describe, expect, it } from 'vitest';
import { planInForce, validatePlan, type ClosedPeriod } from './plan';
import { planOf } from './test-helpers';

const MARCH_CLOSED: ClosedPeriod[] = [{ start: '2025-03-01', end: '2025-04-01' }];

describe('validatePlan', () => {
	it('accepts the issue plan', () => {
		expect(validatePlan(planOf(), [], [])).toEqual([]);
	});
	it('refuses an effective date inside a closed period', () => {
		const p = planOf({ effective: '2025-03-15' });
		expect(validatePlan(p, [], MARCH_CLOSED)).toEqual([
			{ field: 'effective', code: 'plan_effective_in_closed_period', items: [] }
		]);
		expect(validatePlan(planOf({ effective: '2025-03-01' }), [], MARCH_CLOSED)[0]?.code).toBe(
			'plan_effective_in_closed_period'
		);
	});
	it('refuses an effective date before a closed period, which would re-price it', () => {
		expect(validatePlan(planOf({ effective: '2025-02-01' }), [], MARCH_CLOSED)[0]?.code).toBe(
			'plan_effective_before_closed_period'
		);
	});
	it('accepts an effective date from the closed period’s end on', () => {
		expect(validatePlan(planOf({ effective: '2025-04-01' }), [], MARCH_CLOSED)).toEqual([]);
	});
	it('refuses a second plan for the same level and day, but not the plan itself or a trashed one', () => {
		const p = planOf();
		expect(validatePlan(p, [p], [])).toEqual([]);
		expect(validatePlan(p, [{ ...p, id: 'other', trashedAt: 5 }], [])).toEqual([]);
		expect(validatePlan(p, [{ ...p, id: 'other' }], [])).toEqual([
			{ field: 'effective', code: 'plan_effective_duplicate', items: [] }
		]);
		expect(validatePlan(p, [{ ...p, id: 'other', levelId: 'level-senior' }], [])).toEqual([]);
	});
	it('names every bad field, with the brackets and bands at fault', () => {
		const p = planOf({
			levelId: '',
			effective: '2025-02-30',
			currency: 'rmb',
			baseMinor: -1,
			targetMinor: 0,
			brackets: [
				{ fromPct: '0', toPct: '100', ratePct: '3' },
				{ fromPct: '120', toPct: null, ratePct: '5' }
			],
			performanceBonus: { baseMinor: 1.5, bands: [] }
		});
		expect(validatePlan(p, [], []).map((e) => [e.field, e.code, e.items])).toEqual([
			['levelId', 'level_missing', []],
			['effective', 'effective_invalid', []],
			['currency', 'currency_invalid', []],
			['baseMinor', 'base_invalid', []],
			['targetMinor', 'target_invalid', []],
			['brackets', 'brackets_gap', [0, 1]],
			['performanceBonus.baseMinor', 'bonus_base_invalid', []],
			['performanceBonus.bands', 'bands_empty', []]
		]);
	});
});

describe('planInForce', () => {
	const jan = planOf({ id: 'jan', effective: '2025-01-01' });
	const apr = planOf({ id: 'apr', effective: '2025-04-01' });
	const senior = planOf({ id: 'senior', levelId: 'level-senior', effective: '2025-02-01' });
	const plans = [apr, senior, jan];
	it('takes the latest plan of the level effective on or before the period start', () => {
		expect(planInForce(plans, 'level-am', '2025-03-01')?.id).toBe('jan');
		expect(planInForce(plans, 'level-am', '2025-04-01')?.id).toBe('apr');
		expect(planInForce(plans, 'level-am', '2025-12-01')?.id).toBe('apr');
		expect(planInForce(plans, 'level-senior', '2025-04-01')?.id).toBe('senior');
	});
	it('has none before the first plan or for a level without plans', () => {
		expect(planInForce(plans, 'level-am', '2024-12-01')).toBeNull();
		expect(planInForce(plans, 'level-none', '2025-04-01')).toBeNull();
	});
	it('ignores trashed plans and plans with a malformed date', () => {
		expect(planInForce([jan, { ...apr, trashedAt: 1 }], 'level-am', '2025-05-01')?.id).toBe('jan');
		expect(
			planInForce([jan, { ...apr, effective: '2025-00-01' }], 'level-am', '2025-05-01')?.id
		).toBe('jan');
	});
	it('picks the same plan in any order when two share a date', () => {
		const twin = { ...apr, id: 'a-twin' };
		expect(planInForce([apr, twin], 'level-am', '2025-05-01')?.id).toBe('a-twin');
		expect(planInForce([twin, apr], 'level-am', '2025-05-01')?.id).toBe('a-twin');
	});
});

import { describe, expect, it } from 'vitest';
import type { Adjustment } from './adjustment';
import { computeStatement, earnedLines, statementId, type StatementInput } from './statement';
import { splitTeamBonus } from './team-split';
import { MARCH, planOf, salesOf, statementOf, YUAN } from './test-helpers';

function input(over: Partial<StatementInput> = {}): StatementInput {
	return {
		memberId: 'm1',
		period: MARCH,
		plan: planOf(),
		sales: salesOf(150_000 * YUAN, ['o1', 'o2']),
		reviewScore: 92,
		teamBonuses: [],
		adjustments: [],
		computedAt: 1000,
		...over
	};
}

function adjustment(over: Partial<Adjustment> = {}): Adjustment {
	return {
		id: 'adj-1',
		memberId: 'm1',
		kind: 'clawback',
		minor: -500 * YUAN,
		currency: 'CNY',
		sourcePeriodStart: '2025-02-01',
		periodStart: MARCH.start,
		reasons: ['orders_removed'],
		removedOrderIds: ['old'],
		addedOrderIds: [],
		lines: [],
		note: '',
		createdAt: 1,
		createdBy: 'lead',
		...over
	};
}

describe('computeStatement', () => {
	it('matches the hand-computed case to the fen, line by line', () => {
		const s = statementOf(input());
		expect(s.lines.map((l) => [l.key, l.minor, l.appliesToMinor])).toEqual([
			['base', 600_000, null],
			['commission:0', 300_000, 10_000_000],
			['commission:1', 250_000, 5_000_000],
			// score 92 is in the 1.2 band: ¥2,000 × 1.2
			['performance_bonus', 240_000, 200_000]
		]);
		expect(s.totalMinor).toBe(1_390_000);
	});
	it('says how each line was computed: what it applies to, the rate, the plan', () => {
		const s = statementOf(input());
		const plan = { id: 'plan-am-2025', levelId: 'level-am', effective: '2025-01-01' };
		expect(s.lines[1]).toEqual({
			key: 'commission:0',
			minor: 300_000,
			appliesToMinor: 10_000_000,
			rate: { unit: 'percent', value: '3' },
			plan,
			detail: {
				kind: 'commission',
				bracket: 0,
				fromPct: '0',
				toPct: '100',
				fromMinor: 0,
				toMinor: 10_000_000,
				targetMinor: 10_000_000
			}
		});
		expect(s.lines[3]).toMatchObject({
			rate: { unit: 'multiplier', value: '1.2' },
			plan,
			detail: { kind: 'performance_bonus', score: 92, band: 2 }
		});
		expect(s).toMatchObject({
			id: 'payout:m1:2025-03-01',
			plan,
			currency: 'CNY',
			targetMinor: 10_000_000,
			sales: { minor: 15_000_000, orderIds: ['o1', 'o2'] },
			computedAt: 1000,
			closedAt: null
		});
	});
	it('uses the member’s own target when given one', () => {
		const s = statementOf(input({ targetMinor: 50_000 * YUAN }));
		expect(s.lines.filter((l) => l.detail.kind === 'commission').map((l) => l.minor)).toEqual([
			1_500 * YUAN,
			5_000 * YUAN
		]);
	});
	it('pays no performance bonus without a review, and has no such line without the bonus', () => {
		expect(statementOf(input({ reviewScore: null })).lines[3]).toMatchObject({
			minor: 0,
			rate: { value: '0' },
			detail: { band: null }
		});
		const plain = statementOf(input({ plan: planOf({ performanceBonus: null }) }));
		expect(plain.lines.map((l) => l.key)).toEqual(['base', 'commission:0', 'commission:1']);
	});
	it('adds the member’s team bonus share and the adjustments the period carries', () => {
		const split = splitTeamBonus(1001, 'equal', [
			{ memberId: 'm1', salesMinor: 0, reviewScore: null },
			{ memberId: 'm2', salesMinor: 0, reviewScore: null }
		]);
		if (!split.ok) throw new Error('split refused');
		const s = statementOf(
			input({
				teamBonuses: [
					{
						teamBonusId: 'tb1',
						method: 'equal',
						pot: { minor: 1001, currency: 'CNY' },
						share: split.value[0]!
					}
				],
				adjustments: [adjustment()]
			})
		);
		expect(s.lines.slice(4)).toEqual([
			{
				key: 'team_bonus:tb1',
				minor: 501,
				appliesToMinor: 1001,
				rate: { unit: 'share', weight: '1', totalWeight: '2' },
				plan: null,
				detail: { kind: 'team_bonus', teamBonusId: 'tb1', method: 'equal', leftoverMinor: 1 }
			},
			{
				key: 'adjustment:adj-1',
				minor: -50_000,
				appliesToMinor: null,
				rate: null,
				plan: null,
				detail: {
					kind: 'adjustment',
					adjustmentId: 'adj-1',
					adjustmentKind: 'clawback',
					sourcePeriodStart: '2025-02-01',
					reasons: ['orders_removed'],
					note: ''
				}
			}
		]);
		expect(s.totalMinor).toBe(1_390_000 + 501 - 50_000);
		expect(earnedLines(s).map((l) => l.key)).not.toContain('adjustment:adj-1');
	});
	it('refuses an adjustment or a share that belongs elsewhere, or in another currency', () => {
		const codes = (over: Partial<StatementInput>) => {
			const r = computeStatement(input(over));
			return r.ok ? null : r.errors.map((e) => [e.field, e.code, e.items]);
		};
		expect(codes({ adjustments: [adjustment({ memberId: 'm2' })] })).toEqual([
			['adjustments', 'adjustment_elsewhere', [0]]
		]);
		expect(codes({ adjustments: [adjustment({ periodStart: '2025-04-01' })] })?.[0]?.[1]).toBe(
			'adjustment_elsewhere'
		);
		expect(codes({ adjustments: [adjustment({ currency: 'USD' })] })?.[0]?.[1]).toBe(
			'currency_mismatch'
		);
		const share = {
			memberId: 'm2',
			minor: 1,
			weight: '1',
			totalWeight: '1',
			leftoverMinor: 0
		};
		const tb = { teamBonusId: 't', method: 'equal' as const, pot: { minor: 1, currency: 'CNY' } };
		expect(codes({ teamBonuses: [{ ...tb, share }] })).toEqual([
			['teamBonuses', 'team_bonus_elsewhere', [0]]
		]);
		expect(
			codes({
				teamBonuses: [
					{ ...tb, pot: { minor: 1, currency: 'USD' }, share: { ...share, memberId: 'm1' } }
				]
			})?.[0]?.[1]
		).toBe('currency_mismatch');
	});
	it('refuses an invalid plan or target with their codes, and sums that do not fit', () => {
		const bad = computeStatement(
			input({
				plan: planOf({
					brackets: [
						{ fromPct: '0', toPct: '100', ratePct: '3' },
						{ fromPct: '90', toPct: null, ratePct: '5' }
					]
				})
			})
		);
		expect(bad).toEqual({
			ok: false,
			errors: [{ field: 'brackets', code: 'brackets_overlap', items: [0, 1] }]
		});
		const target = computeStatement(input({ targetMinor: 0 }));
		expect(target.ok ? null : target.errors[0]).toEqual({
			field: 'targetMinor',
			code: 'target_invalid',
			items: []
		});
		const huge = computeStatement(
			input({
				plan: planOf({ baseMinor: Number.MAX_SAFE_INTEGER }),
				adjustments: [adjustment({ kind: 'correction', minor: 1 })]
			})
		);
		expect(huge.ok ? null : huge.errors[0]?.code).toBe('amount_out_of_range');
	});
	it('derives the statement id from member and period', () => {
		expect(statementId('m1', '2025-03-01')).toBe('payout:m1:2025-03-01');
		expect(statementOf(input()).id).toBe(statementOf(input({ computedAt: 99 })).id);
		expect(statementOf(input({ memberId: 'm2' })).id).not.toBe(statementOf(input()).id);
	});
});

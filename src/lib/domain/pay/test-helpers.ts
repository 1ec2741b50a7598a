import type { PeriodSales } from './sales';
import type { CompensationPlan } from './plan';
import { computeStatement, type PayoutStatement, type StatementInput } from './statement';

/** ¥1 in fen. */
export const YUAN = 100;
export const MARCH = { start: '2025-03-01', end: '2025-04-01' };
export const APRIL = { start: '2025-04-01', end: '2025-05-01' };

/** The plan: target ¥100,000, 3% up to 100%, 5% above; base ¥6,000. */
export function planOf(over: Partial<CompensationPlan> = {}): CompensationPlan {
	return {
		id: 'plan-am-2025',
		levelId: 'level-am',
		effective: '2025-01-01',
		currency: 'CNY',
		baseMinor: 6_000 * YUAN,
		targetMinor: 100_000 * YUAN,
		brackets: [
			{ fromPct: '0', toPct: '100', ratePct: '3' },
			{ fromPct: '100', toPct: null, ratePct: '5' }
		],
		performanceBonus: {
			baseMinor: 2_000 * YUAN,
			bands: [
				{ minScore: 60, multiplier: '0.8' },
				{ minScore: 80, multiplier: '1' },
				{ minScore: 90, multiplier: '1.2' }
			]
		},
		trashedAt: null,
		...over
	};
}

export function salesOf(minor: number, orderIds: string[] = []): PeriodSales {
	return { minor, orderIds };
}

export function statementOf(over: Partial<StatementInput> = {}): PayoutStatement {
	const r = computeStatement({
		memberId: 'm1',
		period: MARCH,
		plan: planOf(),
		sales: salesOf(150_000 * YUAN),
		reviewScore: 85,
		teamBonuses: [],
		adjustments: [],
		computedAt: 1,
		...over
	});
	if (!r.ok) throw new Error(`statement refused: ${JSON.stringify(r.errors)}`);
	return r.value;
}

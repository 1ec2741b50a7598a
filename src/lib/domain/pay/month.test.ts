import { describe, expect, it } from 'vitest';
import type { MemberFact } from '../team/member-fact';
import type { SalesOrder } from './sales';
import { monthStatements, type MonthInput } from './month';
import { planOf, YUAN } from './test-helpers';

const MARCH = {
	start: '2025-03-01',
	end: '2025-04-01',
	startAt: Date.UTC(2025, 1, 28, 16),
	endAt: Date.UTC(2025, 2, 31, 16)
};
const meta = { created: { hlc: '000001700000000:0000:dev', by: 'lead' }, updated: '' };

function level(memberId: string, value: string, from = '2025-01-01'): MemberFact {
	return {
		id: `f-${memberId}`,
		memberId,
		kind: 'level',
		value,
		from,
		note: '',
		trashedAt: null,
		_meta: meta
	};
}

function order(id: string, ownerId: string, yuan: number, at = MARCH.startAt + 1): SalesOrder {
	return { id, ownerId, at, amount: { minor: yuan * YUAN, currency: 'CNY' }, trashedAt: null };
}

const base = (over: Partial<MonthInput> = {}): MonthInput => ({
	period: MARCH,
	memberIds: ['li', 'wang', 'zhao'],
	facts: [level('li', 'level-am'), level('wang', 'level-other')],
	plans: [planOf()],
	orders: [
		order('o1', 'li', 100_000),
		order('o2', 'li', 50_000),
		// Outside March, another member's, in the trash, another currency: none count for Li.
		order('o3', 'li', 9_999, MARCH.endAt),
		order('o4', 'wang', 1_000),
		{ ...order('o5', 'li', 7_000), trashedAt: 5 },
		{ ...order('o6', 'li', 7_000), amount: { minor: 700_000, currency: 'USD' } }
	],
	scores: new Map([['li', 85]]),
	teamBonuses: [],
	adjustments: [],
	computedAt: 1,
	...over
});

describe("a month's statements", () => {
	it('pays the hand-computed case to the fen, and says why others have none', () => {
		const rows = monthStatements(base());
		expect(rows.map((r) => [r.memberId, r.state])).toEqual([
			['li', 'computed'],
			['wang', 'no_plan'],
			['zhao', 'no_level']
		]);
		const li = rows[0];
		if (li?.state !== 'computed') throw new Error('no statement');
		const s = li.statement;
		expect(s.sales).toEqual({ minor: 150_000 * YUAN, orderIds: ['o1', 'o2'] });
		expect(s.lines.map((l) => [l.key, l.minor, l.appliesToMinor])).toEqual([
			['base', 6_000 * YUAN, null],
			['commission:0', 3_000 * YUAN, 100_000 * YUAN],
			['commission:1', 2_500 * YUAN, 50_000 * YUAN],
			// Score 85 is in the band from 80: multiplier 1 of ¥2,000.
			['performance_bonus', 2_000 * YUAN, 2_000 * YUAN]
		]);
		expect(s.totalMinor).toBe(13_500 * YUAN);
		expect(s.plan.id).toBe('plan-am-2025');
	});

	it('leaves out who had left, and pays a team bonus split by sales to the fen', () => {
		const left: MemberFact = { ...level('wang', 'x'), id: 'f-left', kind: 'status', value: 'left' };
		const rows = monthStatements(
			base({
				facts: [level('li', 'level-am'), level('wang', 'level-am'), left],
				teamBonuses: [
					{
						id: 'tb1',
						periodStart: MARCH.start,
						pot: { minor: 1_000_01, currency: 'CNY' },
						method: 'sales',
						memberIds: ['li', 'zhao'],
						note: ''
					}
				]
			})
		);
		expect(rows.find((r) => r.memberId === 'wang')?.state).toBe('left');
		const li = rows.find((r) => r.memberId === 'li');
		if (li?.state !== 'computed') throw new Error('no statement');
		const share = li.statement.lines.find((l) => l.key === 'team_bonus:tb1');
		// Zhao sold nothing: the whole pot, odd fen included, is Li's.
		expect(share?.minor).toBe(1_000_01);
	});

	it('recomputes a closed statement under the plan it was paid under', () => {
		const newer = planOf({ id: 'plan-2', effective: '2025-03-01', baseMinor: 1 });
		const now = monthStatements(base({ plans: [planOf(), newer] }))[0];
		const then = monthStatements(
			base({ plans: [planOf(), newer], planOf: new Map([['li', 'plan-am-2025']]) })
		)[0];
		expect(now?.state === 'computed' && now.statement.plan.id).toBe('plan-2');
		expect(then?.state === 'computed' && then.statement.plan.id).toBe('plan-am-2025');
	});
});

import { describe, expect, it } from 'vitest';
import { periodFrom } from '../shared/dates';
import type { Adjustment } from './adjustment';
import {
	adjustmentFor,
	closeStatement,
	isClosedDay,
	nextOpenMonth,
	oneOffBonus,
	type RecomputeInput
} from './closing';
import type { ClosedPeriod } from './plan';
import { salesFor, type SalesOrder } from './sales';
import type { PayoutStatement } from './statement';
import { APRIL, MARCH, planOf, statementOf, YUAN } from './test-helpers';

const CN = 480;
const MARCH_SPAN = periodFrom('month', MARCH.start, CN)!;
const APRIL_SPAN = periodFrom('month', APRIL.start, CN)!;
const CLOSED: ClosedPeriod[] = [MARCH];

const order = (id: string, yuan: number, at = MARCH_SPAN.startAt + 3_600_000): SalesOrder => ({
	id,
	ownerId: 'm1',
	at,
	amount: { minor: yuan * YUAN, currency: 'CNY' },
	trashedAt: null
});

/** The month's statement computed from the orders as they are now. */
function monthOf(orders: SalesOrder[], span = MARCH_SPAN, adjustments: Adjustment[] = []) {
	const sales = salesFor(orders, 'm1', 'CNY', span);
	if (!sales.ok) throw new Error('sales refused');
	const period = span === MARCH_SPAN ? MARCH : APRIL;
	return statementOf({ period, sales: sales.value, adjustments, computedAt: 2 });
}

function closed(s: PayoutStatement): PayoutStatement {
	const r = closeStatement(s, 100);
	if (!r.ok) throw new Error(r.code);
	return r.value;
}

function recompute(over: Partial<RecomputeInput> & Pick<RecomputeInput, 'frozen' | 'recomputed'>) {
	return adjustmentFor({
		prior: [],
		into: APRIL.start,
		closed: CLOSED,
		createdAt: 200,
		createdBy: 'lead',
		...over
	});
}

describe('closing a period and adjusting it later', () => {
	const orders = [order('o1', 100_000), order('o2', 50_000)];

	it('March closed, a March order trashed: March unchanged, April gains the clawback', () => {
		const march = closed(monthOf(orders));
		const kept = structuredClone(march);
		const trashed = orders.map((o) => (o.id === 'o2' ? { ...o, trashedAt: 150 } : o));
		const again = monthOf(trashed);
		const into = nextOpenMonth(march.period.start, CLOSED);
		expect(into).toBe('2025-04-01');
		const r = recompute({ frozen: march, recomputed: again, into: into! });
		expect(march).toEqual(kept);
		expect(r.ok).toBe(true);
		const adj = r.ok ? r.value : null;
		expect(adj).toEqual({
			id: 'late:m1:2025-03-01:1',
			memberId: 'm1',
			kind: 'clawback',
			minor: again.totalMinor - march.totalMinor,
			currency: 'CNY',
			sourcePeriodStart: '2025-03-01',
			periodStart: '2025-04-01',
			reasons: ['orders_removed'],
			removedOrderIds: ['o2'],
			addedOrderIds: [],
			lines: [{ key: 'commission:1', frozenMinor: 250_000, recomputedMinor: 0 }],
			note: '',
			createdAt: 200,
			createdBy: 'lead'
		});
		expect(adj?.minor).toBe(-250_000);
		const april = monthOf(trashed, APRIL_SPAN, [adj!]);
		expect(april.lines.at(-1)).toMatchObject({
			key: 'adjustment:late:m1:2025-03-01:1',
			minor: -250_000,
			detail: { adjustmentKind: 'clawback', sourcePeriodStart: '2025-03-01' }
		});
		expect(april.totalMinor).toBe(monthOf(trashed, APRIL_SPAN).totalMinor - 250_000);
	});

	it('adjusts once: the same records again call for nothing', () => {
		const march = closed(monthOf(orders));
		const again = monthOf([orders[0]!]);
		const first = recompute({ frozen: march, recomputed: again });
		const prior = first.ok && first.value ? [first.value] : [];
		expect(prior).toHaveLength(1);
		expect(recompute({ frozen: march, recomputed: again, prior })).toEqual({
			ok: true,
			value: null
		});
	});

	it('a late March order after a clawback: a correction of what the clawback left', () => {
		const march = closed(monthOf(orders));
		const first = recompute({ frozen: march, recomputed: monthOf([orders[0]!]) });
		const prior = first.ok && first.value ? [first.value] : [];
		const late = monthOf([orders[0]!, order('o3', 20_000)]);
		const r = recompute({ frozen: march, recomputed: late, prior, note: ' late deal ' });
		expect(r.ok && r.value).toMatchObject({
			id: 'late:m1:2025-03-01:2',
			kind: 'correction',
			minor: 100_000,
			reasons: ['orders_added'],
			addedOrderIds: ['o3'],
			removedOrderIds: [],
			lines: [{ key: 'commission:1', frozenMinor: 0, recomputedMinor: 100_000 }],
			note: 'late deal'
		});
	});

	it('names a change that no order explains (a review score revised)', () => {
		const march = closed(monthOf(orders));
		const revised = statementOf({ period: MARCH, sales: march.sales, reviewScore: 95 });
		const r = recompute({ frozen: march, recomputed: revised });
		expect(r.ok && r.value).toMatchObject({
			kind: 'correction',
			minor: 40_000,
			reasons: ['figures_changed'],
			lines: [{ key: 'performance_bonus', frozenMinor: 200_000, recomputedMinor: 240_000 }]
		});
	});

	it('does not count the adjustments a closed statement carried as changes', () => {
		const carried: Adjustment = {
			id: 'a0',
			memberId: 'm1',
			kind: 'one_off_bonus',
			minor: 5,
			currency: 'CNY',
			sourcePeriodStart: null,
			periodStart: MARCH.start,
			reasons: ['granted'],
			removedOrderIds: [],
			addedOrderIds: [],
			lines: [],
			note: 'x',
			createdAt: 1,
			createdBy: 'lead'
		};
		const march = closed(monthOf(orders, MARCH_SPAN, [carried]));
		expect(recompute({ frozen: march, recomputed: monthOf(orders) })).toEqual({
			ok: true,
			value: null
		});
	});

	it('refuses what is not a closed statement and its own recomputation', () => {
		const open = monthOf(orders);
		const march = closed(open);
		const code = (r: ReturnType<typeof adjustmentFor>) => (r.ok ? null : r.code);
		expect(code(recompute({ frozen: open, recomputed: open }))).toBe('statement_not_closed');
		const other = statementOf({ memberId: 'm2', period: MARCH });
		expect(code(recompute({ frozen: march, recomputed: other }))).toBe('statement_mismatch');
		const replanned = statementOf({ period: MARCH, plan: planOf({ id: 'new-plan' }) });
		expect(code(recompute({ frozen: march, recomputed: replanned }))).toBe('plan_mismatch');
	});

	it('lands only in a later, open period', () => {
		const march = closed(monthOf(orders));
		const again = monthOf([orders[0]!]);
		const code = (into: string) => {
			const r = recompute({ frozen: march, recomputed: again, into });
			return r.ok ? null : r.code;
		};
		expect(code('2025-03-15')).toBe('period_not_later');
		expect(code('2025-02-01')).toBe('period_not_later');
		expect(code('2025-13-01')).toBe('period_invalid');
		const r = adjustmentFor({
			frozen: march,
			recomputed: again,
			prior: [],
			into: APRIL.start,
			closed: [...CLOSED, APRIL],
			createdAt: 1,
			createdBy: 'lead'
		});
		expect(r.ok ? null : r.code).toBe('period_closed');
	});

	it('closes a statement once', () => {
		const march = closed(monthOf(orders));
		expect(march.closedAt).toBe(100);
		expect(closeStatement(march, 300)).toEqual({ ok: false, code: 'statement_closed' });
	});
});

describe('nextOpenMonth', () => {
	it('skips closed months, and closed spans that end mid-month', () => {
		const closed: ClosedPeriod[] = [
			{ start: '2025-03-01', end: '2025-04-01' },
			{ start: '2025-04-01', end: '2025-05-01' },
			{ start: '2025-05-01', end: '2025-05-15' }
		];
		expect(nextOpenMonth('2025-02-01', closed)).toBe('2025-06-01');
		expect(nextOpenMonth('2025-03-01', [])).toBe('2025-04-01');
		expect(nextOpenMonth('2025-12-01', [])).toBe('2026-01-01');
		expect(nextOpenMonth('2025-02-30', [])).toBeNull();
	});
	it('tells closed days from open ones', () => {
		expect(isClosedDay('2025-03-31', CLOSED)).toBe(true);
		expect(isClosedDay('2025-04-01', CLOSED)).toBe(false);
	});
});

describe('oneOffBonus', () => {
	const base = {
		id: 'b1',
		memberId: 'm1',
		minor: 1_000 * YUAN,
		currency: 'CNY',
		into: APRIL.start,
		closed: CLOSED,
		note: 'Biggest deal of the quarter',
		createdAt: 5,
		createdBy: 'lead'
	};
	it('grants a positive bonus with its reason in an open period', () => {
		expect(oneOffBonus(base)).toMatchObject({
			ok: true,
			value: {
				kind: 'one_off_bonus',
				minor: 100_000,
				sourcePeriodStart: null,
				reasons: ['granted']
			}
		});
	});
	it('refuses a bonus without a reason, of no amount, or in a closed period', () => {
		const code = (over: Partial<typeof base>) => {
			const r = oneOffBonus({ ...base, ...over });
			return r.ok ? null : r.code;
		};
		expect(code({ note: '  ' })).toBe('note_required');
		expect(code({ minor: 0 })).toBe('amount_invalid');
		expect(code({ minor: 1.5 })).toBe('amount_invalid');
		expect(code({ into: MARCH.start })).toBe('period_closed');
		expect(code({ into: 'soon' })).toBe('period_invalid');
	});
});

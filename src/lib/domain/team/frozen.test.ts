import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/dates';
import { closePeriod, figuresFor, trendFigures, type CloseEntry } from './frozen';
import { Hierarchy } from './hierarchy';
import { teamFigures, type PeriodFigures } from './kpi';
import type { KpiSources } from './kpi-facts';
import { teamPeriod, trailingPeriods, type TeamPeriod } from './team-period';

const RUNS = 1000;
const ZONE = 'Asia/Shanghai';

function month(start: string): TeamPeriod {
	const r = teamPeriod(ZONE, 'month', start);
	if (!r.ok) throw new Error('period');
	return r.value;
}

const MARCH = month('2025-03-01');
const hierarchy = (() => {
	const r = Hierarchy.build([{ id: 'l', memberId: 'a', value: 'b', from: '2025-01-01' }], ZONE);
	if (!r.ok) throw new Error('cycle');
	return r.value;
})();
const compute = (sources: KpiSources) => (p: TeamPeriod) =>
	teamFigures({ members: ['a', 'b'], sources, hierarchy, period: p, currency: 'CNY' });
const FROZEN: PeriodFigures = compute({
	orders: [
		{ ownerId: 'a', at: MARCH.startAt, amount: { minor: 1, currency: 'CNY' }, trashedAt: null }
	]
})(MARCH);

describe('closePeriod', () => {
	it('makes one record per span, with an id derived from it', () => {
		const r = closePeriod(MARCH, FROZEN, MARCH.endAt, 'lead');
		expect(r).toEqual({
			ok: true,
			value: {
				id: 'period_close:month:2025-03-01:2025-04-01',
				periodKind: 'month',
				start: '2025-03-01',
				end: '2025-04-01',
				zone: 'Asia/Shanghai',
				figures: FROZEN,
				closedAt: MARCH.endAt,
				closedBy: 'lead',
				trashedAt: null
			}
		});
	});
	it('refuses a period that has not ended', () => {
		expect(closePeriod(MARCH, FROZEN, MARCH.endAt - 1, 'lead')).toEqual({
			ok: false,
			errors: [{ field: 'period', code: 'period_not_ended' }]
		});
	});
});

describe('figuresFor', () => {
	const close: CloseEntry = {
		periodKind: 'month',
		start: '2025-03-01',
		end: '2025-04-01',
		figures: FROZEN,
		closedAt: 5
	};
	it('reads a closed period’s figures without computing', () => {
		let computed = 0;
		const r = figuresFor(MARCH, [close], () => {
			computed += 1;
			return {};
		});
		expect(r).toEqual({ figures: FROZEN, frozen: true, closedAt: 5 });
		expect(computed).toBe(0);
	});
	it('computes an open period, a reopened one, and one of another kind or span', () => {
		const fresh = () => ({});
		expect(figuresFor(MARCH, [], fresh)).toEqual({ figures: {}, frozen: false, closedAt: null });
		expect(figuresFor(MARCH, [{ ...close, trashedAt: 9 }], fresh).frozen).toBe(false);
		expect(figuresFor(MARCH, [{ ...close, periodKind: 'custom' }], fresh).frozen).toBe(false);
		expect(figuresFor(MARCH, [{ ...close, end: '2025-03-31' }], fresh).frozen).toBe(false);
	});
});

/** Orders of two members over the six months to June 2025, and late ones merged afterwards. */
const JUNE = month('2025-06-01');
const SIX = trailingPeriods(JUNE, 6);
const T0 = SIX[0]?.startAt ?? 0;
const orderArb = fc.record({
	ownerId: fc.constantFrom('a', 'b'),
	at: fc.integer({ min: T0, max: JUNE.endAt - 1 }),
	amount: fc.record({ minor: fc.integer({ min: 1, max: 1000 }), currency: fc.constant('CNY') }),
	trashedAt: fc.constant(null)
});

describe('law: a six-period trend never drifts once closed', () => {
	it('records merged later change only the periods still open', () => {
		let openMoved = 0;
		fc.assert(
			fc.property(
				fc.array(orderArb, { maxLength: 20 }),
				fc.array(orderArb, { minLength: 1, maxLength: 20 }),
				fc.nat({ max: 6 }),
				(orders, late, closed) => {
					const closes = SIX.slice(0, closed).flatMap((p) => {
						const r = closePeriod(p, compute({ orders })(p), p.endAt + DAY_MS, 'lead');
						return r.ok ? [r.value] : [];
					});
					const before = trendFigures(SIX, closes, compute({ orders }));
					const after = trendFigures(SIX, closes, compute({ orders: [...orders, ...late] }));
					SIX.forEach((_, i) => {
						if (i < closed) expect(after[i]).toEqual(before[i]);
						else if (JSON.stringify(after[i]) !== JSON.stringify(before[i])) openMoved += 1;
					});
					expect(after.map((f) => f.frozen)).toEqual(SIX.map((_, i) => i < closed));
				}
			),
			{ numRuns: RUNS }
		);
		expect(openMoved).toBeGreaterThan(RUNS / 2);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodFrom } from '../shared/dates';
import type { Adjustment } from './adjustment';
import { adjustmentFor, closeStatement } from './closing';
import { salesFor, type SalesOrder } from './sales';
import { earnedLines, type PayoutStatement } from './statement';
import { APRIL, MARCH, statementOf } from './test-helpers';

/**
 * After any run of late changes to a closed month (orders trashed, restored, added late, review
 * score revised), each followed by a recomputation, the frozen statement is untouched and it
 * plus its adjustments pays exactly what the month earns on today's records.
 */

const CN = 480;
const SPAN = periodFrom('month', MARCH.start, CN)!;

type Change =
	| { k: 'trash'; pick: number }
	| { k: 'restore'; pick: number }
	| { k: 'late'; yuan: number }
	| { k: 'score'; score: number | null };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
	fc.record({ k: fc.constant('trash' as const), pick: fc.nat() }),
	fc.record({ k: fc.constant('restore' as const), pick: fc.nat() }),
	fc.record({ k: fc.constant('late' as const), yuan: fc.integer({ min: -5_000, max: 80_000 }) }),
	fc.record({
		k: fc.constant('score' as const),
		score: fc.option(fc.integer({ min: 40, max: 100 }), { nil: null })
	})
);

function monthOf(orders: SalesOrder[], score: number | null): PayoutStatement {
	const sales = salesFor(orders, 'm1', 'CNY', SPAN);
	if (!sales.ok) throw new Error('sales refused');
	return statementOf({ period: MARCH, sales: sales.value, reviewScore: score });
}

const earned = (s: PayoutStatement) => earnedLines(s).reduce((a, l) => a + l.minor, 0);

describe('late changes to a closed month', () => {
	it('keep the frozen statement and make it plus its adjustments equal what is earned now', () => {
		let adjusted = 0;
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 1, maxLength: 6 }),
				fc.array(changeArb, { minLength: 1, maxLength: 8 }),
				(amounts, changes) => {
					let orders: SalesOrder[] = amounts.map((yuan, i) => ({
						id: `o${i}`,
						ownerId: 'm1',
						at: SPAN.startAt + i * 1000,
						amount: { minor: yuan * 100, currency: 'CNY' },
						trashedAt: null
					}));
					let score: number | null = 85;
					const closed = closeStatement(monthOf(orders, score), 1);
					if (!closed.ok) throw new Error(closed.code);
					const frozen = closed.value;
					const kept = structuredClone(frozen);
					const issued: Adjustment[] = [];
					changes.forEach((c, n) => {
						const at = (i: number) => i % orders.length;
						if (c.k === 'trash' || c.k === 'restore') {
							const i = at(c.pick);
							orders = orders.map((o, j) =>
								j === i ? { ...o, trashedAt: c.k === 'trash' ? 10 + n : null } : o
							);
						} else if (c.k === 'late') {
							orders = [
								...orders,
								{
									id: `late${n}`,
									ownerId: 'm1',
									at: SPAN.endAt - 1,
									amount: { minor: c.yuan * 100, currency: 'CNY' },
									trashedAt: null
								}
							];
						} else score = c.score;
						const r = adjustmentFor({
							frozen,
							recomputed: monthOf(orders, score),
							prior: issued,
							into: APRIL.start,
							closed: [MARCH],
							createdAt: 100 + n,
							createdBy: 'lead'
						});
						if (!r.ok) throw new Error(r.code);
						if (r.value) {
							expect(r.value.kind).toBe(r.value.minor < 0 ? 'clawback' : 'correction');
							expect(r.value.minor).not.toBe(0);
							issued.push(r.value);
						}
					});
					expect(frozen).toEqual(kept);
					const paid = earned(frozen) + issued.reduce((a, x) => a + x.minor, 0);
					expect(paid).toBe(earned(monthOf(orders, score)));
					expect(new Set(issued.map((a) => a.id)).size).toBe(issued.length);
					if (issued.length > 1) adjusted++;
				}
			),
			{ numRuns: 1000 }
		);
		expect(adjusted).toBeGreaterThan(200);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../deal/stages';
import { DAY_MS, periodContaining } from '../shared/dates';
import { INTERACTION_TYPES } from '../interaction/interaction';
import { DailySeries } from './daily';
import { interactionReport } from './interactions';
import { pipelineByStage } from './pipeline';
import {
	localDay,
	localDayStartAt,
	spanDays,
	TallyDeltas,
	talliesOf,
	talliesOfRecord
} from './tallies';
import {
	interactionReportFromTallies,
	interactionTotal,
	pipelineFromTallies,
	salesFromTallies
} from './tally-figures';

const T0 = Date.UTC(2026, 10, 1);
const offsetArb = fc.constantFrom(480, 0, -300, 330, 345, -210);
const trashedArb = fc.constantFrom(null, null, null, 9);
const atArb = fc.integer({ min: -5 * DAY_MS, max: 40 * DAY_MS }).map((ms) => T0 + ms);

describe('tallies', () => {
	it('place an instant on the local day of a fixed offset', () => {
		// 2026-11-01 23:30 in Beijing is 15:30 UTC.
		const at = Date.UTC(2026, 10, 1, 15, 30);
		expect(localDay(at, 480)).toBe(Date.UTC(2026, 10, 1) / DAY_MS);
		expect(localDay(at, 0)).toBe(Date.UTC(2026, 10, 1) / DAY_MS);
		expect(localDay(at + 30 * 60_000, 480)).toBe(Date.UTC(2026, 10, 2) / DAY_MS);
		expect(localDayStartAt(localDay(at, 480), 480)).toBe(Date.UTC(2026, 9, 31, 16));
	});

	it('answer only spans that run from local midnight to local midnight', () => {
		const month = periodContaining('month', T0 + DAY_MS, 480);
		const days = spanDays(month, 480);
		expect(days).toEqual([Date.UTC(2026, 10, 1) / DAY_MS, Date.UTC(2026, 11, 1) / DAY_MS]);
		expect(spanDays(month, 540)).toBeNull();
		expect(spanDays({ startAt: month.startAt + 1, endAt: month.endAt }, 480)).toBeNull();
	});

	it('count nothing for trashed or unplaceable records, and deals without an amount in their stage', () => {
		const none = [
			talliesOfRecord('interactions', { ownerId: 'm', type: 'call', at: 1, trashedAt: 5 }, 0),
			talliesOfRecord('interactions', { type: 'call', at: 1, trashedAt: null }, 0),
			talliesOfRecord('orders', { ownerId: 'm', at: 1, amount: { minor: NaN } }, 0)
		];
		expect(none).toEqual([[], [], []]);
		const deal = { ownerId: 'm', stage: 'lead', amount: null, probability: 50, expectedClose: '' };
		expect(talliesOfRecord('deals', deal, 0)).toEqual([
			{ k: ['p', 'm', 'lead', ''], n: 1, minor: 0, weighted: 0 }
		]);
		expect(talliesOfRecord('deals', { ...deal, expectedClose: '2026-11-30' }, 0)).toContainEqual({
			k: ['c', 'm', 'lead', '2026-11'],
			n: 1,
			minor: 0,
			weighted: 0
		});
		expect(talliesOfRecord('deals', { ...deal, expectedClose: '2026-11-31' }, 0)).toHaveLength(1);
	});

	it('sum to nothing when every record added is taken away again', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({ ownerId: fc.constantFrom('a', 'b'), at: atArb, type: fc.constant('call') })
				),
				offsetArb,
				(records, offset) => {
					const d = new TallyDeltas();
					for (const r of records) d.add('interactions', r, 1, offset);
					for (const r of records) d.add('interactions', r, -1, offset);
					expect(d.list()).toEqual([]);
				}
			)
		);
	});

	it('give the interaction report that counting the records gives', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						ownerId: fc.constant('m1'),
						type: fc.constantFrom(...INTERACTION_TYPES),
						at: atArb,
						trashedAt: trashedArb
					}),
					{ maxLength: 60 }
				),
				offsetArb,
				(records, offset) => {
					const month = periodContaining('month', T0 + DAY_MS, offset);
					const [from, to] = spanDays(month, offset) ?? [0, 0];
					const inMonth = talliesOf('interactions', records, offset).filter(
						(t) => (t.k[2] as number) >= from && (t.k[2] as number) < to
					);
					const expected = interactionReport(records, month, offset);
					expect(interactionReportFromTallies(inMonth, month, offset)).toEqual(expected);
					expect(interactionTotal(inMonth)).toBe(expected.total);
				}
			)
		);
	});

	it('give the sales per day and the pipeline that the records give', () => {
		const amount = fc.record({
			minor: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(NaN)),
			currency: fc.constantFrom('CNY', 'USD', '')
		});
		fc.assert(
			fc.property(
				fc.array(
					fc.record({ ownerId: fc.constant('m1'), at: atArb, amount, trashedAt: trashedArb }),
					{ maxLength: 40 }
				),
				fc.array(
					fc.record({
						ownerId: fc.constant('m1'),
						stage: fc.constantFrom(...DEFAULT_STAGES.map((s) => s.key), 'retired'),
						amount,
						probability: fc.oneof(
							fc.integer({ min: -10, max: 120 }),
							fc.double({ min: 0, max: 100 })
						),
						trashedAt: trashedArb
					}),
					{ maxLength: 40 }
				),
				offsetArb,
				(orders, deals, offset) => {
					const month = periodContaining('month', T0 + DAY_MS, offset);
					const series = new DailySeries(month, offset);
					let total = 0;
					for (const o of orders)
						if (o.trashedAt === null && o.amount.currency === 'CNY')
							if (series.add(o.at, o.amount.minor)) total += o.amount.minor;
					const sales = salesFromTallies(talliesOf('orders', orders, offset), month, offset, 'CNY');
					expect(sales.totalMinor).toBe(total);
					expect(sales.daily).toEqual(series.rows());

					const fromTallies = pipelineFromTallies(
						talliesOf('deals', deals, offset),
						DEFAULT_STAGES,
						{
							openOnly: true
						}
					);
					const expected = pipelineByStage(deals, DEFAULT_STAGES, { openOnly: true });
					expect(fromTallies.map((r) => [r.stage, r.count, r.amount])).toEqual(
						expected.map((r) => [r.stage, r.count, r.amount])
					);
					// Weighted sums are rounded once per stage and currency either way; summed in another
					// order, fractional probabilities may land on the other side of a half.
					fromTallies.forEach((r, i) => {
						for (const [c, v] of Object.entries(r.weighted))
							expect(Math.abs(v - (expected[i]?.weighted[c] ?? NaN))).toBeLessThanOrEqual(1);
					});
				}
			)
		);
	});
});

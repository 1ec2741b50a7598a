import { describe, expect, it } from 'vitest';
import { forecastByMonth, forecastTotals, expectedCloseMonth, type ForecastDeal } from './forecast';
import type { StageDef } from './stages';

function deal(p: Partial<ForecastDeal> = {}): ForecastDeal {
	return {
		stage: 'proposal',
		amount: { minor: 100_000, currency: 'CNY' },
		probability: 50,
		expectedClose: '2025-06-20',
		trashedAt: null,
		...p
	};
}

describe('expectedCloseMonth', () => {
	it('takes YYYY-MM of a valid date', () => {
		expect(expectedCloseMonth('2025-06-20')).toBe('2025-06');
		expect(expectedCloseMonth('')).toBe('none');
		expect(expectedCloseMonth('2025-02-30')).toBe('none');
	});
});

describe('forecastByMonth', () => {
	it('weights open deals by probability, per month and currency', () => {
		const rows = forecastByMonth([
			deal(),
			deal({
				amount: { minor: 300_000, currency: 'CNY' },
				probability: 25,
				expectedClose: '2025-06-02'
			}),
			deal({ amount: { minor: 50_000, currency: 'USD' }, probability: 75 }),
			deal({ expectedClose: '2025-05-31', probability: 10 }),
			deal({ expectedClose: '' })
		]);
		expect(rows).toEqual([
			{ month: '2025-05', currency: 'CNY', count: 1, totalMinor: 100_000, weightedMinor: 10_000 },
			{ month: '2025-06', currency: 'CNY', count: 2, totalMinor: 400_000, weightedMinor: 125_000 },
			{ month: '2025-06', currency: 'USD', count: 1, totalMinor: 50_000, weightedMinor: 37_500 },
			{ month: 'none', currency: 'CNY', count: 1, totalMinor: 100_000, weightedMinor: 50_000 }
		]);
		expect(forecastTotals(rows)).toEqual({ CNY: 185_000, USD: 37_500 });
	});
	it('leaves out won, lost, trashed and broken deals', () => {
		const rows = forecastByMonth([
			deal({ stage: 'won', probability: 100 }),
			deal({ stage: 'lost', probability: 0 }),
			deal({ trashedAt: 1 }),
			deal({ amount: { minor: Number.NaN, currency: 'CNY' } }),
			deal({ amount: { minor: -5, currency: 'CNY' } }),
			deal({ amount: { minor: 5, currency: '' } })
		]);
		expect(rows).toEqual([]);
	});
	it('rounds once per bucket, not per deal', () => {
		// 3 × (1 × 50%) = 1.5 → 2, where per-deal rounding would give 3 × 1 = 3 or 3 × 0 = 0.
		const rows = forecastByMonth(
			[1, 2, 3].map(() => deal({ amount: { minor: 1, currency: 'CNY' } }))
		);
		expect(rows[0]?.weightedMinor).toBe(2);
	});
	it('clamps probabilities outside 0-100', () => {
		const rows = forecastByMonth([
			deal({ probability: 150 }),
			deal({ probability: -20, expectedClose: '2025-07-01' })
		]);
		expect(rows.map((r) => r.weightedMinor)).toEqual([100_000, 0]);
	});
	it('counts a deal in a stage no longer configured as open', () => {
		expect(forecastByMonth([deal({ stage: 'retired' })])).toHaveLength(1);
	});
	it('uses custom stages', () => {
		const stages: StageDef[] = [
			{ key: 'proposal', probability: 50, kind: 'won' },
			{ key: 'x', probability: 0, kind: 'lost' }
		];
		expect(forecastByMonth([deal()], stages)).toEqual([]);
	});
	it('streams from a generator', () => {
		function* many() {
			for (let i = 0; i < 10_000; i++)
				yield deal({ amount: { minor: 100, currency: 'CNY' }, probability: 10 });
		}
		expect(forecastByMonth(many())[0]).toMatchObject({
			count: 10_000,
			totalMinor: 1_000_000,
			weightedMinor: 100_000
		});
	});
});

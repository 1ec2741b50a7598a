import { describe, expect, it } from 'vitest';
import { periodFrom } from '../shared/dates';
import { salesFor, type SalesOrder } from './sales';

const CN = 480;
const MARCH = periodFrom('month', '2025-03-01', CN)!;

const order = (id: string, over: Partial<SalesOrder> = {}): SalesOrder => ({
	id,
	ownerId: 'm1',
	at: MARCH.startAt + 1000,
	amount: { minor: 100, currency: 'CNY' },
	trashedAt: null,
	...over
});

describe('salesFor', () => {
	it('counts the member’s non-trashed orders in the plan currency dated in the period', () => {
		const orders = [
			order('b'),
			order('a', { at: MARCH.startAt, amount: { minor: 250, currency: 'CNY' } }),
			order('last-ms', { at: MARCH.endAt - 1 }),
			order('trashed', { trashedAt: 5 }),
			order('usd', { amount: { minor: 999, currency: 'USD' } }),
			order('other', { ownerId: 'm2' }),
			order('april', { at: MARCH.endAt }),
			order('feb', { at: MARCH.startAt - 1 })
		];
		expect(salesFor(orders, 'm1', 'CNY', MARCH)).toEqual({
			ok: true,
			value: { minor: 450, orderIds: ['a', 'b', 'last-ms'] }
		});
	});
	it('takes the period edges from the caller’s time zone', () => {
		// 2025-03-01 00:30 in Beijing is still February in UTC.
		const o = order('x', { at: Date.UTC(2025, 1, 28, 16, 30) });
		expect(salesFor([o], 'm1', 'CNY', MARCH)).toMatchObject({ value: { minor: 100 } });
		const utc = periodFrom('month', '2025-03-01', 0)!;
		expect(salesFor([o], 'm1', 'CNY', utc)).toMatchObject({ value: { minor: 0 } });
	});
	it('counts a negative order (a return) against the sales', () => {
		const r = salesFor(
			[order('a'), order('r', { amount: { minor: -30, currency: 'CNY' } })],
			'm1',
			'CNY',
			MARCH
		);
		expect(r).toMatchObject({ value: { minor: 70 } });
	});
	it('names orders whose amount is not a whole number of minor units', () => {
		const r = salesFor(
			[
				order('a'),
				order('z', { amount: { minor: 1.5, currency: 'CNY' } }),
				order('y', { amount: { minor: Number.NaN, currency: 'CNY' } })
			],
			'm1',
			'CNY',
			MARCH
		);
		expect(r).toEqual({
			ok: false,
			errors: [{ code: 'order_amount_invalid', orderIds: ['y', 'z'] }]
		});
	});
	it('refuses a sum beyond safe integers', () => {
		const big = { minor: Number.MAX_SAFE_INTEGER, currency: 'CNY' };
		const r = salesFor(
			[order('a', { amount: big }), order('b', { amount: big })],
			'm1',
			'CNY',
			MARCH
		);
		expect(r.ok ? null : r.errors[0]?.code).toBe('amount_out_of_range');
	});
});

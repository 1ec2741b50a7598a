import { describe, expect, it } from 'vitest';
import { enteredActualError, enteredActualOf, enteredShares, takesEnteredActual } from './entered';

describe('enteredActualError', () => {
	it('takes a market share from 0 to 100, edges included', () => {
		for (const v of [0, 12.5, 100]) expect(enteredActualError('market_share', v)).toBeNull();
	});
	it('refuses a share over 100, below 0 or not a number', () => {
		for (const v of [150, 100.01, -1, Number.NaN, Number.POSITIVE_INFINITY])
			expect(enteredActualError('market_share', v)).toEqual({
				field: 'enteredActual',
				code: 'entered_invalid'
			});
	});
	it('nothing entered is always fine', () => {
		expect(enteredActualError('market_share', null)).toBeNull();
		expect(enteredActualError('sales_amount', undefined)).toBeNull();
	});
	it('refuses a value on a metric the records count', () => {
		expect(enteredActualError('avg_resolution_time', 5)?.code).toBe('entered_not_allowed');
		expect(takesEnteredActual('sales_amount')).toBe(false);
		expect(takesEnteredActual('market_share')).toBe(true);
	});
});

describe('enteredActualOf', () => {
	it('reads a valid entered share, and nothing from an old or bad record', () => {
		expect(enteredActualOf({ metric: 'market_share', enteredActual: 18 })).toBe(18);
		expect(enteredActualOf({ metric: 'market_share' })).toBeUndefined();
		expect(enteredActualOf({ metric: 'market_share', enteredActual: null })).toBeUndefined();
		expect(enteredActualOf({ metric: 'market_share', enteredActual: 150 })).toBeUndefined();
		expect(enteredActualOf({ metric: 'sales_amount', enteredActual: 18 })).toBeUndefined();
	});
});

describe('enteredShares', () => {
	it('gives each member’s entered share as their own figure, and nothing for other goals', () => {
		expect(
			enteredShares([
				{ ownerId: 'li', metric: 'market_share', enteredActual: 18 },
				{ ownerId: 'wang', metric: 'market_share', enteredActual: null },
				{ ownerId: 'zhao', metric: 'sales_amount' }
			])
		).toEqual([{ memberId: 'li', scope: 'own', metric: 'market_share', value: 18 }]);
	});
});

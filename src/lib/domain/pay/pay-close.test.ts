import { describe, expect, it } from 'vitest';
import { checkClose, closedPeriods, payCloseId } from './pay-close';

describe('closing a pay month', () => {
	const march = { start: '2026-03-01', endAt: Date.UTC(2026, 2, 31, 16) };

	it('is refused while the month runs, and a second time', () => {
		expect(checkClose(march, [], march.endAt - 1)).toBe('period_not_ended');
		expect(checkClose(march, [], march.endAt)).toBeNull();
		expect(checkClose(march, [{ start: '2026-03-01' }], march.endAt + 1)).toBe('period_closed');
		expect(checkClose(march, [{ start: '2026-02-01' }], march.endAt + 1)).toBeNull();
	});

	it('names one record per month and lists closed months as periods', () => {
		expect(payCloseId('2026-03-01')).toBe('pay_close:2026-03-01');
		expect(payCloseId('2026-03-01')).not.toBe(payCloseId('2026-04-01'));
		expect(closedPeriods([{ start: '2026-03-01', end: '2026-04-01' }])).toEqual([
			{ start: '2026-03-01', end: '2026-04-01' }
		]);
	});
});

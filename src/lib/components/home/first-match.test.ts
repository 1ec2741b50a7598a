import { describe, expect, it } from 'vitest';
import { afterLoading, afterTyping } from './first-match';

describe('the customer picker’s first match', () => {
	it('is picked as the user types', () => {
		expect(afterTyping('wang', 'c1', '')).toEqual({ pick: 'c1', waiting: false });
		expect(afterTyping('wang', 'c2', 'c1')).toEqual({ pick: 'c2', waiting: false });
	});
	it('is left alone when already selected, or when the box is cleared', () => {
		expect(afterTyping('wang', 'c1', 'c1')).toEqual({ waiting: false });
		expect(afterTyping('  ', 'c1', 'c1')).toEqual({ waiting: false });
		expect(afterTyping('', undefined, '')).toEqual({ waiting: false });
	});
	it('typed before the customers load, is picked when they arrive', () => {
		const typed = afterTyping('Funnel Buyer', undefined, '');
		expect(typed).toEqual({ waiting: true });
		expect(afterLoading(typed.waiting, 'Funnel Buyer', undefined, '')).toEqual({ waiting: true });
		expect(afterLoading(typed.waiting, 'Funnel Buyer', 'c9', '')).toEqual({
			pick: 'c9',
			waiting: false
		});
	});
	it('never replaces a choice when more customers load without a pick waiting', () => {
		expect(afterLoading(false, 'wang', 'c2', 'c7')).toEqual({ waiting: false });
		expect(afterLoading(false, 'wang', 'c2', '')).toEqual({ waiting: false });
	});
	it('stops waiting once the box is cleared', () => {
		expect(afterLoading(true, '', 'c2', '')).toEqual({ waiting: false });
	});
});

import { describe, expect, it } from 'vitest';
import { dueFromInputs, todayInput } from './due-input';

describe('dueFromInputs', () => {
	it('is local midnight without a time, the given time otherwise', () => {
		expect(dueFromInputs('2026-03-04', '')).toBe(new Date(2026, 2, 4).getTime());
		expect(dueFromInputs('2026-03-04', '14:30')).toBe(new Date(2026, 2, 4, 14, 30).getTime());
	});
	it('refuses impossible or malformed values', () => {
		expect(dueFromInputs('2026-02-30', '')).toBeNaN();
		expect(dueFromInputs('', '10:00')).toBeNaN();
		expect(dueFromInputs('2026-03-04', '9h')).toBeNaN();
	});
	it('gives today for the date input', () => {
		expect(todayInput(new Date(2026, 0, 9, 23).getTime())).toBe('2026-01-09');
	});
});

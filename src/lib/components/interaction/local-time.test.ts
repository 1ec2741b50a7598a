import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-time';

describe('local datetime input values', () => {
	it('round-trips a local time to the minute', () => {
		const ms = new Date(2024, 2, 5, 9, 7).getTime();
		expect(toLocalInput(ms)).toBe('2024-03-05T09:07');
		expect(fromLocalInput('2024-03-05T09:07')).toBe(ms);
	});
	it('refuses blank, malformed and impossible values', () => {
		expect(fromLocalInput('')).toBeNull();
		expect(fromLocalInput('2024-03-05')).toBeNull();
		expect(fromLocalInput('2024-02-30T10:00')).toBeNull();
		expect(fromLocalInput('2024-03-05T25:00')).toBeNull();
	});
});

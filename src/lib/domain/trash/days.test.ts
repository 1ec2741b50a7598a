import { describe, expect, it } from 'vitest';
import { expiredUpTo, trashDaysLeft } from './days';

const DAY = 86_400_000;
const t0 = Date.UTC(2024, 0, 1);

describe('trashDaysLeft', () => {
	it('counts down from 30', () => {
		expect(trashDaysLeft(t0, t0)).toBe(30);
		expect(trashDaysLeft(t0, t0 + 1)).toBe(30);
		expect(trashDaysLeft(t0, t0 + DAY)).toBe(29);
		expect(trashDaysLeft(t0, t0 + 29 * DAY + 1)).toBe(1);
	});
	it('never goes below 0 or above 30', () => {
		expect(trashDaysLeft(t0, t0 + 30 * DAY)).toBe(0);
		expect(trashDaysLeft(t0, t0 + 45 * DAY)).toBe(0);
		expect(trashDaysLeft(t0 + 5 * DAY, t0)).toBe(30);
	});
});

describe('expiredUpTo', () => {
	it('purges what was trashed over 30 days ago, and nothing later', () => {
		const now = t0 + 40 * DAY;
		expect(expiredUpTo(now)).toBe(t0 + 10 * DAY);
		expect(trashDaysLeft(expiredUpTo(now), now)).toBe(0);
		expect(trashDaysLeft(expiredUpTo(now) + 1, now)).toBe(1);
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOW_AFTER_MS, UpgradeStatus } from './upgrade-status.svelte';

describe('the upgrade status', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows an upgrade that runs for a second, with its figures, until the database opens', () => {
		let clock = 100;
		const s = new UpgradeStatus(() => clock);
		s.report(0, 5000);
		expect(s.shown).toBe(false);
		clock = 600;
		s.report(1000, 5000);
		vi.advanceTimersByTime(SHOW_AFTER_MS - 1);
		expect(s.shown).toBe(false);
		vi.advanceTimersByTime(1);
		expect(s.shown).toBe(true);
		clock = 2100;
		s.report(4000, 5000);
		expect(s.progress).toEqual({ done: 4000, total: 5000, startedAt: 100, at: 2100 });
		s.finish();
		expect(s.shown).toBe(false);
		expect(s.progress).toBeNull();
	});

	it('never shows an upgrade over within the second', () => {
		const s = new UpgradeStatus(() => 0);
		s.report(0, 10);
		s.report(10, 10);
		s.finish();
		vi.advanceTimersByTime(SHOW_AFTER_MS * 5);
		expect(s.shown).toBe(false);
	});

	it('a database opened without an upgrade shows nothing', () => {
		const s = new UpgradeStatus(() => 0);
		s.finish();
		vi.advanceTimersByTime(SHOW_AFTER_MS * 5);
		expect(s.shown).toBe(false);
		expect(s.progress).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { zonedIsoDateStart } from './zone';

// Changes the process's time zone, which only a process of its own may do: the *.device.test.ts
// files run in child processes (vite.config.ts), where setting TZ takes effect.
describe('zonedDateStart', () => {
	it('does not depend on the device zone', () => {
		const before = process.env.TZ;
		const here = zonedIsoDateStart('Asia/Shanghai', '2025-06-01');
		process.env.TZ = 'America/Los_Angeles';
		try {
			expect(new Date(Date.UTC(2025, 5, 1)).getTimezoneOffset()).toBe(420);
			expect(zonedIsoDateStart('Asia/Shanghai', '2025-06-01')).toBe(here);
		} finally {
			process.env.TZ = before;
		}
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupOverdue, getBackupInfo, recordBackup } from './backup';

const DAY = 86_400_000;

describe('backup reminder', () => {
	it('counts 7 days from the last backup, or from the first start without one', async () => {
		const t0 = 1_700_000_000_000;
		const first = await getBackupInfo(t0);
		expect(first).toEqual({ lastAt: null, since: t0 });
		// The first start is remembered: a later look does not restart the count.
		expect((await getBackupInfo(t0 + DAY)).since).toBe(t0);
		expect(backupOverdue(first, t0 + 6 * DAY)).toBe(false);
		expect(backupOverdue(first, t0 + 8 * DAY)).toBe(true);
		await recordBackup(t0 + 8 * DAY);
		const after = await getBackupInfo(t0 + 9 * DAY);
		expect(after.lastAt).toBe(t0 + 8 * DAY);
		expect(backupOverdue(after, t0 + 14 * DAY)).toBe(false);
		expect(backupOverdue(after, t0 + 16 * DAY)).toBe(true);
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupOverdue, getBackupInfo, recordBackup } from './backup';

const DAY = 86_400_000;

describe('backup reminder', () => {
	it('counts 7 days from the last backup, or from the first start without one', async () => {
		const t0 = 1_700_000_000_000;
		const first = await getBackupInfo(t0);
		expect(first).toEqual({ lastAt: null, lastHow: null, since: t0 });
		// The first start is remembered: a later look does not restart the count.
		expect((await getBackupInfo(t0 + DAY)).since).toBe(t0);
		expect(backupOverdue(first, t0 + 6 * DAY)).toBe(false);
		expect(backupOverdue(first, t0 + 8 * DAY)).toBe(true);
		await recordBackup('download', t0 + 8 * DAY);
		const after = await getBackupInfo(t0 + 9 * DAY);
		expect(after.lastAt).toBe(t0 + 8 * DAY);
		expect(after.lastHow).toBe('download');
		expect(backupOverdue(after, t0 + 14 * DAY)).toBe(false);
		expect(backupOverdue(after, t0 + 16 * DAY)).toBe(true);
	});

	it('says how the last backup left: a folder write, or a download only started', async () => {
		const t0 = 1_800_000_000_000;
		await recordBackup('folder', t0);
		expect(await getBackupInfo(t0)).toMatchObject({ lastAt: t0, lastHow: 'folder' });
		await recordBackup('download', t0 + DAY);
		expect(await getBackupInfo(t0 + DAY)).toMatchObject({ lastAt: t0 + DAY, lastHow: 'download' });
	});
});

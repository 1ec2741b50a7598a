import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { backupOverdue, changesSinceBackup, getBackupInfo, recordBackup } from './backup';
import { createCustomer, trashCustomer } from './customers';
import { changeMark } from './local-changes';

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

describe('changes since the last backup', () => {
	it('counts the records written after the mark the backup began at, each once', async () => {
		// A backup recorded by a version without change numbers says nothing.
		await recordBackup('folder', 1);
		expect(await changesSinceBackup()).toBeNull();

		const before = await createCustomer({ ...emptyCustomerDraft('m1'), name: '备份前' });
		await recordBackup('folder', 2, await changeMark());
		expect(await changesSinceBackup()).toBe(0);
		const after = await createCustomer({ ...emptyCustomerDraft('m1'), name: '备份后' });
		expect(await changesSinceBackup()).toBe(1);
		// Written twice, still one record; one from before the backup, changed since, counts too.
		await trashCustomer(after);
		await trashCustomer(before);
		expect(await changesSinceBackup()).toBe(2);
		await recordBackup('download', 3, await changeMark());
		expect(await changesSinceBackup()).toBe(0);
	});
});

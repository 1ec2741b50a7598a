import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { openSnapshotFile } from './snapshot-open';
import { teammate, TEST_KDF } from './snapshot-teammates';

/**
 * Restore in the app: the session this tab runs on becomes the backup's member at once, and
 * the next start (a reload) reads the same identity back from the settings.
 */
describe('Restore and the app session', () => {
	it('stamps later writes by the restored member, this start and the next', async () => {
		const a = await teammate('restore-session-a', 'devA', '王经理');
		await a.addCustomer('c1');
		const file = await a.exportFile({ kind: 'backup' });

		const { getSession } = await import('../session');
		const { previewSnapshot } = await import('./snapshot-preview');
		const { restoreSnapshot } = await import('./snapshot-restore');
		const { createCustomer } = await import('./customers');
		const { db } = await import('../db');
		const before = await getSession();
		const reader = await openSnapshotFile([file], { testOnly: TEST_KDF });
		const p = await previewSnapshot(reader, { fileName: 'backup.rapport', restore: true });
		await restoreSnapshot(p.importId);
		expect((await getSession()).member.id).toBe(a.session.member.id);
		const id = await createCustomer({ ...emptyCustomerDraft(a.session.member.id), name: 'After' });
		expect((await db().customers.get(id))?._meta.created.by).toBe(a.session.member.id);

		// A reload: fresh modules, the same database.
		db().close();
		vi.resetModules();
		const next = await (await import('../session')).getSession();
		expect(next.member.id).toBe(a.session.member.id);
		expect(next.member.name).toBe('王经理');
		expect(next.deviceId).toBe(before.deviceId);
		expect(next.deviceId).not.toBe('devA');
	});
});

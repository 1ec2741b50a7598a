import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyCustomerDraft } from '$lib/domain/customer/empty';
import { memoryStorage } from '$lib/testing/memory-storage';

/**
 * A database the browser wiped is told from a first start by a note kept in localStorage. Each
 * "start" here imports the modules afresh over the same (fake) IndexedDB and localStorage.
 */
const storage = memoryStorage();
const MARKER = 'rapport.dataMarker';
const T = 1_800_000_000_000;

async function start() {
	vi.resetModules();
	return {
		...(await import('./data-state')),
		...(await import('./customers')),
		...(await import('./backup')),
		...(await import('../session')),
		...(await import('../db'))
	};
}

/** What eviction does: the database is deleted, localStorage is not. */
async function wipe(): Promise<void> {
	const { db } = await import('../db');
	await db().delete();
}

beforeEach(async () => {
	vi.stubGlobal('localStorage', storage);
	vi.stubGlobal('navigator', {});
	storage.clear();
	await wipe();
});

describe('a wiped database', () => {
	it('is named with the last backup, and without the note is a first start', async () => {
		let app = await start();
		await app.getSession();
		expect(await app.dataState()).toEqual({ kind: 'empty' });
		// A start writes nothing of the user's: no note yet.
		expect(storage.getItem(MARKER)).toBeNull();
		await app.createCustomer({
			...emptyCustomerDraft((await app.getSession()).member.id),
			name: 'Kept'
		});
		await app.recordBackup('download', T);
		expect(await app.dataState()).toEqual({ kind: 'ok' });

		await wipe();
		app = await start();
		expect(await app.dataState()).toEqual({
			kind: 'gone',
			lastBackupAt: T,
			lastBackupHow: 'download'
		});

		// All site data cleared: nothing is known.
		storage.clear();
		expect(await app.dataState()).toEqual({ kind: 'empty' });
	});

	it('data from before the note existed writes the note on start, with its last backup', async () => {
		let app = await start();
		await app.createCustomer({
			...emptyCustomerDraft((await app.getSession()).member.id),
			name: 'Old'
		});
		await app.db().settings.bulkPut([
			{ key: 'backup.lastAt', value: T },
			{ key: 'backup.lastHow', value: 'folder' }
		]);
		storage.clear();
		expect(await app.dataState()).toEqual({ kind: 'ok' });
		await wipe();
		app = await start();
		expect(await app.dataState()).toMatchObject({
			kind: 'gone',
			lastBackupAt: T,
			lastBackupHow: 'folder'
		});
	});

	it('demo data is not mourned: removing it, or losing it, is no loss to name', async () => {
		let app = await start();
		await app.db().customers.put({ id: 'demo-1', demo: true, _meta: { updated: 'h' } } as never);
		await app.db().settings.put({ key: 'demoLoaded', value: true });
		expect(await app.dataState()).toEqual({ kind: 'ok' });
		expect(storage.getItem(MARKER)).toBeNull();
		await wipe();
		app = await start();
		expect(await app.dataState()).toEqual({ kind: 'empty' });
	});

	it('a note that is not one says nothing', async () => {
		const app = await start();
		for (const bad of ['not json', '{"hadData":false}', '[]', 'null', '{"hadData":"yes"}']) {
			storage.setItem(MARKER, bad);
			expect(await app.dataState()).toEqual({ kind: 'empty' });
		}
		storage.setItem(MARKER, '{"hadData":true,"lastBackupAt":"x","lastBackupHow":"fax"}');
		expect(await app.dataState()).toEqual({
			kind: 'gone',
			lastBackupAt: null,
			lastBackupHow: null
		});
	});

	it('an older backup never replaces the date of a later one', async () => {
		const app = await start();
		await app.recordBackup('folder', T);
		await app.recordBackup('download', T - 1000);
		expect(JSON.parse(storage.getItem(MARKER) ?? '{}')).toMatchObject({
			lastBackupAt: T,
			lastBackupHow: 'folder'
		});
	});
});

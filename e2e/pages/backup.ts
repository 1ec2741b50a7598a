import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readStore } from '../support/idb';
import type { SnapshotFile } from './snapshot';

/** Settings › Backup and the Restore page, in English (tests use the en-US browser locale). */
export class BackupSection {
	readonly section: Locator;
	readonly last: Locator;
	readonly status: Locator;
	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Backup', exact: true });
		this.last = page.getByTestId('backup-last');
		this.status = this.section.getByRole('status');
	}

	async goto(): Promise<void> {
		await this.page.goto('/settings');
		await expect(this.section).toBeVisible({ timeout: 60_000 });
	}

	/** "Back up now" where the backup is downloaded; returns the file. */
	async download(): Promise<SnapshotFile> {
		const download = this.page.waitForEvent('download', { timeout: 60_000 });
		await this.section.getByRole('button', { name: 'Back up now' }).click();
		return fileOf(await download);
	}
}

export async function fileOf(download: Download): Promise<SnapshotFile> {
	return {
		name: download.suggestedFilename(),
		mimeType: 'application/octet-stream',
		buffer: await readFile(await download.path())
	};
}

export class RestorePage {
	readonly main: Locator;
	readonly status: Locator;
	constructor(readonly page: Page) {
		this.main = page.getByRole('main');
		this.status = page.getByTestId('restore-status');
	}

	async goto(): Promise<void> {
		await this.page.goto('/restore');
		await this.expectOpen();
	}

	async expectOpen(): Promise<void> {
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Restore a backup' })
		).toBeVisible({ timeout: 60_000 });
	}

	/** Chooses the file, waits for its summary and restores it. */
	async restore(file: SnapshotFile): Promise<void> {
		await this.main.locator('input[type=file]').setInputFiles(file);
		const restore = this.main.getByRole('button', { name: 'Restore', exact: true });
		await expect(restore).toBeEnabled({ timeout: 60_000 });
		await restore.click();
		await expect(this.status).toContainText('Restored', { timeout: 60_000 });
	}
}

/**
 * What the browser does when it evicts a site's storage: the database is deleted (the app's
 * open connection closes on `versionchange` and lets it go). With `localStorage`, site data was
 * cleared as a whole.
 */
export async function wipeDatabase(page: Page, opts: { localStorage?: boolean } = {}) {
	await page.evaluate(async (clearLocal) => {
		await new Promise<void>((done, fail) => {
			const req = indexedDB.deleteDatabase('rapport');
			req.onsuccess = () => done();
			req.onerror = () => fail(req.error);
		});
		if (clearLocal) localStorage.clear();
	}, opts.localStorage ?? false);
}

/** A value of this profile's settings table, read straight from IndexedDB. */
export async function storedSetting(page: Page, key: string): Promise<unknown> {
	const rows = await readStore<{ key: string; value: unknown }>(page, 'settings');
	return rows.find((r) => r.key === key)?.value;
}

/**
 * The folder picker answers with a folder of the origin-private file system (a real
 * FileSystemDirectoryHandle that IndexedDB can store), so folder backups run headless. With
 * `test.failWrites` in sessionStorage, closing a written file fails as a full disk would.
 */
export async function pickFolderInOpfs(page: Page, name: string): Promise<void> {
	await page.addInitScript((name: string) => {
		Object.defineProperty(window, 'showDirectoryPicker', {
			configurable: true,
			value: async () =>
				(await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true })
		});
		const close = FileSystemWritableFileStream.prototype.close;
		FileSystemWritableFileStream.prototype.close = function (this: FileSystemWritableFileStream) {
			if (sessionStorage.getItem('test.failWrites'))
				return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
			return close.call(this);
		};
	}, name);
}

/** The files in a folder of the origin-private file system, with their sizes. */
export function opfsFiles(page: Page, folder: string): Promise<{ name: string; size: number }[]> {
	return page.evaluate(async (folder) => {
		const dir = await (
			await navigator.storage.getDirectory()
		).getDirectoryHandle(folder, {
			create: true
		});
		const out: { name: string; size: number }[] = [];
		for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>)
			if (handle.kind === 'file')
				out.push({ name, size: (await (handle as FileSystemFileHandle).getFile()).size });
		return out;
	}, folder);
}

/**
 * A plain `.rapport` file read the way docs/SNAPSHOT.md describes it: the header line, then
 * the framed gzip stream of the NDJSON body (digests are the codec tests' business).
 */
export function readSnapshotFile(file: SnapshotFile): {
	header: Record<string, unknown>;
	lines: { t: string; r: Record<string, unknown> }[];
} {
	const bytes = file.buffer;
	const nl = bytes.indexOf(0x0a);
	const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
	const parts: Buffer[] = [];
	for (let at = nl + 66; ;) {
		const word = bytes.readUInt32BE(at);
		const n = word & 0x7fffffff;
		parts.push(bytes.subarray(at + 4, at + 4 + n));
		at += 4 + n;
		if (word & 0x80000000) break;
	}
	const body = gunzipSync(Buffer.concat(parts)).toString('utf8');
	const lines = body
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
	return { header, lines };
}

/** The members this profile stores, read straight from IndexedDB. */
export async function storedMembers(page: Page): Promise<{ id: string; name: string }[]> {
	const rows = await readStore<{ id: string; name: string }>(page, 'members');
	return rows.map(({ id, name }) => ({ id, name }));
}

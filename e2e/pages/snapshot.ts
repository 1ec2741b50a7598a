import { readFile } from 'node:fs/promises';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** The Share page (snapshots), in English (tests use the en-US browser locale). */
export type ScopeName = 'Everything' | 'My customers' | 'Goals only';

export interface SnapshotFile {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

export class SharePage {
	readonly importSection: Locator;
	readonly exportSection: Locator;
	readonly conflicts: Locator;
	readonly preview: Locator;
	readonly importStatus: Locator;
	readonly importError: Locator;
	constructor(readonly page: Page) {
		this.importSection = page.getByRole('region', { name: 'Import a snapshot' });
		this.exportSection = page.getByRole('region', { name: 'Export a snapshot' });
		this.conflicts = page.getByTestId('conflict-row');
		this.preview = page.getByTestId('snapshot-preview');
		this.importStatus = page.getByTestId('import-status');
		this.importError = page.getByTestId('import-error');
	}

	async goto(): Promise<void> {
		await this.page.goto('/share');
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Share with teammates' })
		).toBeVisible();
	}

	/** Exports and returns the downloaded file, ready for setInputFiles in another context. */
	async exportFile(
		opts: { scope?: ScopeName; passphrase?: string; maskPhones?: boolean; maskAll?: boolean } = {}
	): Promise<SnapshotFile> {
		const s = this.exportSection;
		await s.getByRole('radio', { name: new RegExp(`^${opts.scope ?? 'Everything'}`) }).check();
		if (opts.maskPhones) await s.getByRole('checkbox', { name: /Phone numbers/ }).check();
		if (opts.maskAll) {
			const masks = s.getByRole('group', { name: 'Mask when the file leaves the team' });
			for (const box of await masks.getByRole('checkbox').all()) await box.check();
		}
		if (opts.passphrase) {
			await s.getByLabel('Passphrase (optional)').fill(opts.passphrase);
			await s.getByLabel('Repeat the passphrase').fill(opts.passphrase);
		}
		const download = this.page.waitForEvent('download', { timeout: 60_000 });
		await s.getByRole('button', { name: 'Export and download' }).click();
		const file = await download;
		await expect(this.page.getByTestId('export-status')).toContainText('Downloaded', {
			timeout: 60_000
		});
		return {
			name: file.suggestedFilename(),
			mimeType: 'application/octet-stream',
			buffer: await readFile(await file.path())
		};
	}

	/**
	 * "Send my changes" (or a full file) to a recipient, downloaded; `saved` answers whether the
	 * file was saved (the next file starts after it only then). A file for one person is encrypted
	 * by default: give its `passphrase`.
	 */
	async sendChanges(
		opts: { to?: string; what?: string; full?: boolean; saved?: boolean; passphrase?: string } = {}
	): Promise<SnapshotFile> {
		const s = this.page.getByRole('region', { name: 'Send my changes' });
		await s.getByLabel('To', { exact: true }).selectOption({ label: opts.to ?? 'The team' });
		if (opts.what) await s.getByLabel('What', { exact: true }).selectOption({ label: opts.what });
		if (opts.passphrase !== undefined) {
			await expect(s.getByLabel('Encrypt with a passphrase')).toBeChecked();
			await s.getByLabel('Passphrase', { exact: true }).fill(opts.passphrase);
			await s.getByLabel('Repeat the passphrase').fill(opts.passphrase);
		}
		await expect(s.getByTestId('send-last')).toBeVisible();
		const download = this.page.waitForEvent('download', { timeout: 60_000 });
		await s
			.getByRole('button', { name: opts.full ? 'Send a full file' : 'Send my changes' })
			.click();
		const file = await download;
		await expect(s.getByTestId('send-ask')).toContainText('Did you save it?');
		await s.getByRole('button', { name: opts.saved === false ? 'No' : 'Yes, it is saved' }).click();
		await expect(s.getByTestId('send-status')).toContainText(
			opts.saved === false ? 'Not counted' : 'Noted'
		);
		return {
			name: file.suggestedFilename(),
			mimeType: 'application/octet-stream',
			buffer: await readFile(await file.path())
		};
	}

	/** Chooses a file; for an encrypted one, then call unlock(). */
	async choose(file: SnapshotFile): Promise<void> {
		await this.importSection.locator('input[type=file]').setInputFiles(file);
	}

	async unlock(passphrase: string): Promise<void> {
		await this.importSection.getByLabel('Passphrase').fill(passphrase);
		await this.importSection.getByRole('button', { name: 'Open' }).click();
	}

	/** The preview row of one kind ("Customers"). */
	previewRow(kind: string): Locator {
		return this.preview
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) });
	}

	async apply(): Promise<void> {
		await this.importSection.getByRole('button', { name: 'Apply' }).click();
		await expect(this.importStatus).toContainText('Imported:', { timeout: 60_000 });
	}

	/** Chooses a plain file, checks the preview appears and applies it. */
	async importFile(file: SnapshotFile): Promise<void> {
		await this.choose(file);
		await expect(this.preview).toBeVisible({ timeout: 60_000 });
		await this.apply();
	}

	/** Undo of the import just applied, confirmed in the dialog that says what it will do. */
	async undo(): Promise<void> {
		await this.importSection.getByRole('button', { name: 'Undo this import' }).click();
		const dialog = this.page.getByRole('dialog', { name: /^Undo the import of/ });
		await dialog.getByRole('button', { name: 'Undo the import' }).click();
		await expect(this.importStatus).toHaveText('The import was undone.', { timeout: 60_000 });
	}
}

/** A copy of the file with one byte flipped in its body (not in the header). */
export function tampered(file: SnapshotFile): SnapshotFile {
	const buffer = Buffer.from(file.buffer);
	const at = buffer.length - 40;
	buffer[at] = buffer[at]! ^ 0x01;
	return { ...file, name: `tampered-${file.name}`, buffer };
}

/**
 * A teammate: a browser context of their own (their own IndexedDB) that can download .rapport
 * files, opened on the new-customer form. The first start creates the database and the device's
 * member, which is slow on a loaded machine.
 */
export async function teammate(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
	const page = await context.newPage();
	await page.goto('/customers/new');
	await expect(page.getByRole('form', { name: 'Customer details' })).toBeVisible({
		timeout: 60_000
	});
	return page;
}

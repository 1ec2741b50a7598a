import { expect, type Locator, type Page } from '@playwright/test';
import type { SnapshotFile } from './snapshot';

/** "Merge many files at once" on the Share page, in English. */
export class BatchSection {
	readonly section: Locator;
	readonly preview: Locator;
	readonly refused: Locator;
	readonly status: Locator;
	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Merge many files at once' });
		this.preview = this.section.getByTestId('batch-preview');
		this.refused = this.section.getByTestId('batch-refused');
		this.status = this.section.getByTestId('batch-status');
	}

	async choose(files: SnapshotFile[]): Promise<void> {
		await this.section.getByLabel('Choose files').setInputFiles(files);
	}

	/** Opens the encrypted file the section asks for now. */
	async unlock(passphrase: string): Promise<void> {
		await this.section.getByLabel('Passphrase').fill(passphrase);
		await this.section.getByRole('button', { name: 'Open' }).click();
	}

	/** The preview's row of one teammate. */
	row(name: string): Locator {
		return this.preview
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
	}

	/** The row's cells after its header: files, new, updated, deleted, conflicts, missing. */
	async cells(name: string): Promise<string[]> {
		return (await this.row(name).getByRole('cell').allTextContents()).map((s) => s.trim());
	}

	async apply(files: number): Promise<void> {
		await this.section.getByRole('button', { name: `Apply ${files} files` }).click();
		await expect(this.status).toContainText(`Merged ${files} files:`, { timeout: 60_000 });
	}

	async undo(files: number): Promise<void> {
		await this.section.getByRole('button', { name: 'Undo these files' }).click();
		const dialog = this.page.getByRole('dialog', {
			name: `Undo the import of ${files} files?`
		});
		await dialog.getByRole('button', { name: 'Undo the import' }).click();
		await expect(this.status).toHaveText('The files were undone.', { timeout: 60_000 });
	}
}

/** A copy of the file cut short by `bytes`, as an interrupted download leaves it. */
export function cutShort(file: SnapshotFile, name: string, bytes = 40): SnapshotFile {
	return { ...file, name, buffer: file.buffer.subarray(0, file.buffer.length - bytes) };
}

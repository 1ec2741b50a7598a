import { expect, type Locator, type Page } from '@playwright/test';

/** The import page (English locale). */
export class ImportPage {
	readonly counts: Locator;
	constructor(readonly page: Page) {
		this.counts = page.getByTestId('import-counts');
	}
	async goto(): Promise<void> {
		await this.page.goto('/import');
		await expect(
			this.page.getByRole('heading', { level: 1, name: 'Import from CSV' })
		).toBeVisible();
		await expect(this.page.getByText('Choose a CSV file')).toBeVisible();
	}
	async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
		await this.page.locator('input[type=file]').setInputFiles(file);
	}
	async check(): Promise<void> {
		await this.page.getByRole('button', { name: 'Check the whole file' }).click();
		await expect(this.counts).toBeVisible({ timeout: 60_000 });
	}
	async commit(): Promise<void> {
		await this.page.getByRole('button', { name: /^Import \d/ }).click();
		await expect(this.page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
	}
	/** The duplicate strategy: 'Skip it', 'Fill only empty fields', 'Overwrite with the file' … */
	async strategy(label: string): Promise<void> {
		await this.page.getByRole('radio', { name: label }).check();
	}
	/** Per field, how many stored values the chosen strategy changes ("Name: 1"). */
	changes(): Locator {
		return this.page
			.getByRole('list', { name: 'Stored values that will change' })
			.getByRole('listitem');
	}
	/** What the file holds: 'Customers', 'Interactions' or 'Orders'. */
	async target(kind: 'Customers' | 'Interactions' | 'Orders'): Promise<void> {
		await this.page.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
	}
	/** A row of the import history (newest first). */
	historyRow(file: string): Locator {
		return this.page.getByTestId('import-history-row').filter({ hasText: file });
	}
	/** The confirmation Undo asks for, with what it will restore, trash and keep. */
	undoDialog(): Locator {
		return this.page.getByRole('dialog', { name: /^Undo the import of/ });
	}
	/** Clicks Undo on a history row and confirms; waits until the row says it was undone. */
	async undo(row: Locator): Promise<void> {
		await row.getByRole('button', { name: 'Undo' }).click();
		await this.undoDialog().getByRole('button', { name: 'Undo the import' }).click();
		await expect(row).toContainText('Undone', { timeout: 60_000 });
	}
	/** Choose, check and commit a file with the suggested mapping. */
	async importFile(file: Parameters<ImportPage['choose']>[0]): Promise<void> {
		await this.choose(file);
		await this.check();
		await this.commit();
	}
}

export const csvFile = (name: string, text: string) => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(text)
});

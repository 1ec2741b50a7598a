import { expect, type Locator, type Page } from '@playwright/test';

/** The Trash page (English locale): one table per kind of record, customers first. */
export class TrashPage {
	readonly table: Locator;
	readonly status: Locator;
	constructor(readonly page: Page) {
		this.table = this.kind('Customers');
		this.status = page.getByRole('main').getByRole('status');
	}
	async goto(): Promise<void> {
		await this.page.goto('/trash');
		await expect(this.page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
	}
	/** The table of one kind: 'Customers', 'Interactions', 'Orders', 'Tasks' … */
	kind(name: string): Locator {
		return this.page.getByRole('table', { name: `${name} in the trash` });
	}
	/** A customer's row. */
	row(name: string): Locator {
		return this.table.getByRole('row').filter({ hasText: name });
	}
	/** A row of one kind's table, by what it shows (a summary, a title, a name). */
	entry(kind: string, text: string): Locator {
		return this.kind(kind).getByRole('row').filter({ hasText: text });
	}
	/** Restores a record by what it shows, in one kind's table (customers by default). */
	async restore(name: string, kind = 'Customers'): Promise<void> {
		await this.kind(kind)
			.getByRole('button', { name: `Restore ${name}`, exact: true })
			.click();
	}
	/** Deletes a record for good, confirming in the dialog that asks first. */
	async purge(name: string, kind = 'Customers'): Promise<void> {
		await this.kind(kind)
			.getByRole('button', { name: `Delete for good: ${name}`, exact: true })
			.click();
		const dialog = this.page.getByRole('dialog');
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Delete for good' }).click();
		await expect(dialog).toBeHidden();
	}
}

import { expect, type Locator, type Page } from '@playwright/test';

/** Page model for Find duplicates (en or zh labels). */
export class DuplicatesPage {
	readonly groups: Locator;
	readonly status: Locator;
	constructor(readonly page: Page) {
		this.groups = page.getByRole('list', { name: /Likely duplicates|疑似重复/ });
		this.status = page.getByTestId('merge-status');
	}
	/** From the customer list, as a person gets there. */
	async openFromList(): Promise<void> {
		await this.page.getByRole('link', { name: /Find duplicates|查找重复/ }).click();
		await expect(
			this.page.getByRole('heading', { level: 1, name: /Find duplicates|查找重复客户/ })
		).toBeVisible();
	}
	async goto(): Promise<void> {
		await this.page.goto('/customers/duplicates');
		await expect(
			this.page.getByRole('heading', { level: 1, name: /Find duplicates|查找重复客户/ })
		).toBeVisible();
	}
	group(text: string | RegExp): Locator {
		return this.groups.getByRole('listitem').filter({ hasText: text }).first();
	}
	/** Opens the merge form of the group showing `text`. */
	async compare(text: string | RegExp): Promise<Locator> {
		const group = this.group(text);
		await group.getByRole('button', { name: /Compare and merge|对比并合并/ }).click();
		const form = group.getByRole('form', { name: /Compare and merge|对比并合并/ });
		await expect(form).toBeVisible({ timeout: 15_000 });
		return form;
	}
	/** In an open form, keeps the value shown as `value` for the field labelled `field`. */
	async choose(form: Locator, field: string | RegExp, value: string | RegExp): Promise<void> {
		await form.getByRole('group', { name: field }).getByRole('radio', { name: value }).check();
	}
}

import { expect, type Page } from '@playwright/test';
import { pickCustomer } from './customers';

/** Creates a deal from the "new deal" page; waits for the deal's page. */
export async function createDeal(
	page: Page,
	d: { customer: string; title: string; amount: string; stage?: string }
): Promise<void> {
	await page.goto('/deals/new');
	const form = page.getByRole('form', { name: 'Deal details' });
	await pickCustomer(form, d.customer);
	await form.getByLabel('Deal', { exact: true }).fill(d.title);
	await form.getByLabel('Amount').fill(d.amount);
	if (d.stage) await form.getByLabel('Stage').selectOption({ label: d.stage });
	await form.getByRole('button', { name: 'Create deal' }).click();
	await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
}

import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { CustomerFormPage } from './customers';

/** Page models and helpers for the account manager's day (home, tasks, deals, tickets, goals). */

const pad = (n: number) => String(n).padStart(2, '0');

/** A datetime-local value `days` days (and `hours` hours) before now, in the browser's zone. */
export function localInput(msAgo: number): string {
	const d = new Date(Date.now() - msAgo);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Creates a customer through the form (with a tier, when given); returns its id. */
export async function createCustomer(page: Page, name: string, tier?: 'A' | 'B' | 'C') {
	const form = new CustomerFormPage(page);
	await form.gotoNew();
	await form.fill({ name });
	if (tier) await page.getByLabel('Tier').selectOption(tier);
	await form.save();
	await page.waitForURL(/\/customers\/(?!new)[^/]+$/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return page.url().split('/').pop() ?? '';
}

/** Picks a customer in a CustomerPicker by typing its name. */
export async function pickCustomer(scope: Page | Locator, name: string): Promise<void> {
	await scope.getByLabel('Find a customer').fill(name);
	await expect(scope.getByLabel('Customer', { exact: true })).toHaveValue(/.+/);
}

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

/** The text of a download started by `click`. */
export async function downloadText(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; text: string; bytes: Buffer }> {
	const pending = page.waitForEvent('download');
	await click();
	const download: Download = await pending;
	const path = await download.path();
	const bytes = await readFile(path);
	return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** Opens Home and waits until the day view shows. */
export async function openHome(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByTestId('follow-ups-due')).toBeVisible({ timeout: 15_000 });
}

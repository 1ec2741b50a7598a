import { expect, test } from '@playwright/test';
import { createCustomer, CustomerDetailPage } from './pages/customers';
import { openHome } from './pages/home';
import { downloadText } from './support/app';
import { DAY, localInput } from './support/local-time';

test.use({ locale: 'en-US' });

test('a due follow-up shows on Home without a task, and goes once the contact is logged', async ({
	page
}) => {
	const id = await createCustomer(page, 'Follow Me Ltd', 'A');
	await createCustomer(page, 'Fresh Co', 'A');
	// Last contact 20 days ago: a tier-A customer (every 14 days) is due since 6 days.
	await page.goto(`/customers/${id}`);
	const log = page.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Date and time').fill(localInput(20 * DAY));
	await new CustomerDetailPage(page).logContact({ type: 'Call', summary: 'Quarterly check' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();

	await openHome(page);
	const due = page.getByTestId('follow-ups-due');
	await expect(due.getByRole('link', { name: 'Follow Me Ltd' })).toBeVisible();
	await expect(due).toContainText('6 days overdue');
	// A customer created today is not due yet, and nobody created a task.
	await expect(due.getByRole('link', { name: 'Fresh Co' })).toHaveCount(0);
	await expect(page.getByTestId('tasks-due')).toContainText('Nothing overdue or due today.');

	await due.getByRole('button', { name: 'Log follow-up with Follow Me Ltd' }).click();
	const dialog = page.getByRole('dialog', { name: 'Follow-up with Follow Me Ltd' });
	await dialog.getByRole('button', { name: 'Log and complete' }).click();
	await expect(dialog.getByText('Write a short summary.', { exact: true })).toBeVisible();
	await dialog.getByLabel('Summary').fill('Called, all fine');
	await dialog.getByRole('button', { name: 'Log and complete' }).click();
	await expect(dialog).toBeHidden();
	await expect(due.getByRole('link', { name: 'Follow Me Ltd' })).toHaveCount(0);
	await expect(due).toContainText('No customer is due for a follow-up.');

	// The follow-up was logged as an interaction on the customer.
	await page.goto(`/customers/${id}`);
	await expect(new CustomerDetailPage(page).timeline).toContainText('Called, all fine');
	await expect(page.getByText('Contacted today')).toBeVisible();
});

test('the customer page logging a contact also clears the follow-up', async ({ page }) => {
	const id = await createCustomer(page, 'Quiet Partner', 'B');
	await page.goto(`/customers/${id}`);
	const log = page.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Date and time').fill(localInput(40 * DAY));
	await new CustomerDetailPage(page).logContact({ type: 'Visit', summary: 'Old visit' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	await openHome(page);
	await expect(page.getByTestId('follow-ups-due')).toContainText('Quiet Partner');

	await page.goto(`/customers/${id}`);
	await new CustomerDetailPage(page).logContact({ type: 'Call', summary: 'Caught up' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	await openHome(page);
	await expect(page.getByTestId('follow-ups-due')).not.toContainText('Quiet Partner');
});

test('home charts have a table of their numbers and save as PNG', async ({ page }) => {
	const id = await createCustomer(page, 'Chart Co', 'C');
	await page.goto(`/customers/${id}`);
	await new CustomerDetailPage(page).logContact({ type: 'Visit', summary: 'Demo' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	await openHome(page);
	const table = page.getByRole('table', { name: 'Interactions by type' });
	await expect(table.getByRole('row', { name: /Visit/ })).toContainText('1');
	await expect(table.getByRole('row', { name: /Call/ })).toContainText('0');
	const png = await downloadText(page, () =>
		page.getByRole('button', { name: 'Save as PNG: Interactions by type' }).click()
	);
	expect(png.name).toBe('interactions-by-type.png');
	expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	expect(png.bytes.length).toBeGreaterThan(1000);
});

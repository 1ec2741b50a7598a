import { expect, test } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';

test.use({ locale: 'en-US' });

test('filters combine: tier, city and "not contacted for N days", derived from the log', async ({
	page
}) => {
	const form = new CustomerFormPage(page);
	const quiet = await form.create({ name: 'Quiet Co', city: 'Ningbo' });
	expect(quiet).toBeTruthy();
	await form.create({ name: 'Busy Co', city: 'Ningbo' });
	// Busy Co was contacted just now; Quiet Co never.
	const log = page.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Summary').fill('Quarterly call');
	await log.getByRole('button', { name: 'Log contact' }).click();
	await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Quarterly call');
	await form.create({ name: 'Far Co', city: 'Harbin' });
	await new CustomerDetailPage(page).edit();
	await page.getByLabel('Tier').selectOption('A');
	await form.save();
	// The edit is written once the profile is back; going to the list before that reloads the
	// page and can drop the write in flight (it raced on a busy machine).
	await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.rows()).toHaveCount(3);

	await page.getByLabel('City').selectOption('Ningbo');
	await expect(list.rows()).toHaveCount(2);
	await page.getByLabel('Not contacted for (days)').fill('7');
	await expect(list.rows()).toHaveCount(1);
	await expect(list.rows().first()).toContainText('Quiet Co');

	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(list.rows()).toHaveCount(3);
	await page.getByLabel('Tier').selectOption('A');
	await expect(list.rows()).toHaveCount(1);
	await expect(list.rows().first()).toContainText('Far Co');

	// The list's "last contact" column is derived from the log, also after a reload.
	await page.reload();
	await page.getByLabel('City').selectOption('Ningbo');
	await expect(list.row('Busy Co')).toContainText('today');
	await expect(list.row('Quiet Co')).toContainText('Never');
});

test('a customer added in one tab appears in the list open in another', async ({ context }) => {
	const a = await context.newPage();
	const list = new CustomerListPage(a);
	await list.goto();
	await expect(a.getByText('No customers yet')).toBeVisible();
	const b = await context.newPage();
	await new CustomerFormPage(b).create({ name: '跨标签 Cross Tab' });
	await expect(list.row('跨标签 Cross Tab')).toHaveCount(1);
});

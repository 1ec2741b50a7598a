import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CustomerFormPage, CustomerListPage } from './pages/customers';

test.use({ locale: 'en-US' });

test("a person's data downloads as JSON, and erasing removes it for good", async ({ page }) => {
	const id = await new CustomerFormPage(page).create({
		name: '赵六 Zhao Liu',
		phones: ['13700001234']
	});
	const log = page.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Summary').fill('Asked for a copy of their data');
	await log.getByRole('button', { name: 'Log contact' }).click();
	await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Asked for a copy');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download all their data (JSON)' }).click();
	const file = await download;
	const data = JSON.parse(await readFile(await file.path(), 'utf8'));
	expect(data.customer).toMatchObject({ id, name: '赵六 Zhao Liu', phones: ['+8613700001234'] });
	expect(data.interactions.map((i: { summary: string }) => i.summary)).toEqual([
		'Asked for a copy of their data'
	]);

	await page.getByRole('button', { name: 'Erase permanently' }).click();
	const dialog = page.getByRole('dialog');
	const confirm = dialog.getByRole('button', { name: 'Erase for good' });
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel('Type 赵六 Zhao Liu to confirm').fill('赵六');
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel('Type 赵六 Zhao Liu to confirm').fill('赵六 Zhao Liu');
	await confirm.click();

	const list = new CustomerListPage(page);
	await expect(page).toHaveURL(/\/customers$/);
	await page.reload();
	await expect(list.row('Zhao Liu')).toHaveCount(0);
	await page.goto('/trash');
	await expect(page.getByText('Zhao Liu')).toHaveCount(0);
	await page.goto(`/customers/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Customer not found');
});

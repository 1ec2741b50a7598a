import { expect, test } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';
import { TrashPage } from './pages/trash';

test.use({ locale: 'en-US' });

test('a deleted customer goes to the trash and can be restored', async ({ page }) => {
	const form = new CustomerFormPage(page);
	await form.create({ name: 'Keep Me' });
	await form.create({ name: 'Trash Me' });
	await new CustomerDetailPage(page).moveToTrash();
	await expect(page).toHaveURL(/\/customers$/);

	const list = new CustomerListPage(page);
	await expect(list.rows()).toHaveCount(1);
	await expect(list.row('Trash Me')).toHaveCount(0);

	const trash = new TrashPage(page);
	await trash.goto();
	await expect(trash.row('Trash Me')).toContainText('30 days');
	await expect(trash.row('Keep Me')).toHaveCount(0);
	await trash.restore('Trash Me');
	await expect(page.getByRole('status').filter({ hasText: 'Trash Me is back' })).toBeVisible();
	await expect(page.getByText('The trash is empty.')).toBeVisible();

	await list.goto();
	await expect(list.rows()).toHaveCount(2);
	await expect(list.row('Trash Me')).toHaveCount(1);
});

test('cancelling the confirmation keeps the customer', async ({ page }) => {
	await new CustomerFormPage(page).create({ name: 'Stay Here' });
	await page.getByRole('button', { name: 'Move to trash' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('dialog')).toBeHidden();
	const trash = new TrashPage(page);
	await trash.goto();
	await expect(page.getByText('The trash is empty.')).toBeVisible();
});

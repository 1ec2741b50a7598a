import { expect, test } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';

test.use({ locale: 'en-US' });

function isoDay(offsetDays: number): string {
	const d = new Date();
	d.setDate(d.getDate() + offsetDays);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('a logged visit shows on the timeline with its follow-up task', async ({ page }) => {
	const form = new CustomerFormPage(page);
	await form.create({ name: 'Timeline Co', kind: 'Company' });
	const detail = new CustomerDetailPage(page);
	await expect(page.getByText('Never contacted')).toBeVisible();
	await expect(page.getByText('Nothing logged yet.')).toBeVisible();

	await detail.logContact({
		type: 'Visit',
		summary: 'Showed the new catalogue',
		outcome: 'Wants a quote',
		followUp: isoDay(7)
	});
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();

	const items = detail.timeline.getByRole('listitem');
	await expect(items).toHaveCount(2);
	// The follow-up is due in a week, so it comes first (newest first).
	await expect(items.nth(0)).toContainText('Follow-up due');
	await expect(items.nth(0)).toContainText('Open');
	await expect(items.nth(1)).toContainText('Visit');
	await expect(items.nth(1)).toContainText('Showed the new catalogue');
	await expect(items.nth(1)).toContainText('Outcome: Wants a quote');
	await expect(page.getByText('Contacted today')).toBeVisible();

	await page.reload();
	await expect(detail.timeline.getByRole('listitem')).toHaveCount(2);

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row('Timeline Co')).toContainText(/today/i);
});

test('a contact without a summary is refused with the message next to the field', async ({
	page
}) => {
	await new CustomerFormPage(page).create({ name: 'Quiet Ltd' });
	const log = page.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Summary').fill('');
	await log.getByLabel('Duration (minutes)').fill('-5');
	await log.getByRole('button', { name: 'Log contact' }).click();
	await expect(log.locator('[aria-invalid="true"]').first()).toBeVisible();
	await expect(page.getByText('Nothing logged yet.')).toBeVisible();
});

test('contact people of a company can be added, edited and removed', async ({ page }) => {
	await new CustomerFormPage(page).create({ name: 'Contacts Inc', kind: 'Company' });
	const section = page.getByRole('region', { name: 'Contact people' });
	await section.getByRole('button', { name: 'Add contact person' }).click();
	await section.getByLabel('Name').fill('Li Lei');
	await section.getByLabel('Job title').fill('Buyer');
	await section.getByRole('button', { name: 'Save contact' }).click();
	await expect(section.getByText('Li Lei', { exact: true })).toBeVisible();
	await section.getByRole('button', { name: 'Edit Li Lei' }).click();
	await section.getByLabel('Job title').fill('Head buyer');
	await section.getByRole('button', { name: 'Save contact' }).click();
	await expect(section.getByText('Head buyer')).toBeVisible();
	await section.getByRole('button', { name: 'Remove Li Lei' }).click();
	await expect(section.getByText('No contact people yet.')).toBeVisible();
});

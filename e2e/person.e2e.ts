import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CustomerFormPage, CustomerListPage } from './pages/customers';
import { SharePage, teammate } from './pages/snapshot';

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

test('a contact person can be erased for good; the company stays', async ({ page }) => {
	await new CustomerFormPage(page).create({ name: 'Erase Contacts Ltd', kind: 'Company' });
	const section = page.getByRole('region', { name: 'Contact people' });
	for (const name of ['Wu Jiu', 'Zheng Shi']) {
		await section.getByRole('button', { name: 'Add contact person' }).click();
		await section.getByLabel('Name').fill(name);
		await section.getByRole('button', { name: 'Save contact' }).click();
		await expect(section.getByText(name, { exact: true })).toBeVisible();
	}

	await section.getByRole('button', { name: 'Erase Wu Jiu permanently' }).click();
	const dialog = page.getByRole('dialog');
	const confirm = dialog.getByRole('button', { name: 'Erase for good' });
	await expect(confirm).toBeDisabled();
	await dialog.getByLabel('Type Wu Jiu to confirm').fill('Wu Jiu');
	await confirm.click();

	await expect(section.getByText('Wu Jiu', { exact: true })).toHaveCount(0);
	await page.reload();
	await expect(section.getByText('Zheng Shi', { exact: true })).toBeVisible();
	await expect(section.getByText('Wu Jiu', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Erase Contacts Ltd');
});

test('a team member who left can be erased; the customers they own stay', async ({
	page,
	browser
}) => {
	// The leaver, on a device of their own, sends a file with a customer they own.
	const leaver = await teammate(browser);
	await leaver.goto('/settings');
	const profile = leaver.getByRole('region', { name: 'My profile' });
	await profile.getByLabel('Name').fill('Zhou Leaver');
	await profile.getByRole('button', { name: 'Save' }).click();
	await expect(profile.getByRole('status')).toHaveText('Profile saved.');
	await new CustomerFormPage(leaver).create({ name: 'Owned By Zhou' });
	const theirShare = new SharePage(leaver);
	await theirShare.goto();
	const file = await theirShare.exportFile();
	const share = new SharePage(page);
	await share.goto();
	await share.importFile(file);

	await page.goto('/settings');
	const team = page.getByRole('region', { name: 'Team members' });
	await expect(team.getByText('Zhou Leaver', { exact: true })).toBeVisible();
	await team.getByRole('button', { name: 'Erase Zhou Leaver permanently' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Type Zhou Leaver to confirm').fill('Zhou Leaver');
	await dialog.getByRole('button', { name: 'Erase for good' }).click();
	await expect(team.getByText('Zhou Leaver', { exact: true })).toHaveCount(0);

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row('Owned By Zhou')).toHaveCount(1);
	await expect(list.row('Owned By Zhou')).not.toContainText('Zhou Leaver');
});

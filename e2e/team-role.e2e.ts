import { expect, test } from '@playwright/test';
import { nav, open } from './support/app';
import { chooseRole, teamLink } from './pages/team';

test.use({ locale: 'en-US' });

test('the role question can be skipped and does not come back; Settings changes the role', async ({
	page
}) => {
	await open(page, '/');
	const question = page.getByTestId('role-question');
	await expect(question.getByRole('heading', { name: 'Welcome! What do you do?' })).toBeVisible();
	// It blocks nothing: the rest of Home is there and the navigation works.
	await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
	await expect(nav(page).getByRole('link', { name: 'Customers' })).toBeVisible();
	await expect(teamLink(page)).toHaveCount(0);

	await chooseRole(page, 'skip');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(nav(page).getByRole('link', { name: 'Settings' })).toBeVisible();
	await expect(page.getByTestId('role-question')).toHaveCount(0);
	await expect(teamLink(page)).toHaveCount(0);

	// Skipped, not chosen: Settings › Profile makes this device's member the lead.
	await open(page, '/settings');
	await page.getByLabel('Name', { exact: true }).fill('刘建华');
	await page.getByLabel('Role').selectOption({ label: 'Operations lead' });
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(page.getByText('Profile saved.')).toBeVisible();
	await expect(teamLink(page)).toBeVisible();
	await teamLink(page).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
	await expect(page.getByTestId('roster').getByRole('link', { name: '刘建华' })).toBeVisible();
});

test('choosing to lead shows Team at once; choosing account manager does not', async ({
	browser
}) => {
	const lead = await browser.newPage();
	await chooseRole(lead, 'lead');
	await expect(teamLink(lead)).toBeVisible();
	await lead.goto('/settings');
	await expect(lead.getByLabel('Role')).toHaveValue('ops_lead');
	await lead.close();

	const manager = await browser.newPage();
	await chooseRole(manager, 'manager');
	await manager.reload();
	await expect(manager.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(nav(manager).getByRole('link', { name: 'Goals' })).toBeVisible();
	await expect(teamLink(manager)).toHaveCount(0);
	await expect(manager.getByTestId('role-question')).toHaveCount(0);
	// Opened by its address, the team page says whom it is for.
	await manager.goto('/team');
	await expect(
		manager.getByText(/The team is for the lead of the operations center/)
	).toBeVisible();
	await manager.close();
});

test.describe('in Chinese', () => {
	test.use({ locale: 'zh-CN' });
	test('the question reads naturally and leads to 团队', async ({ page }) => {
		await open(page, '/');
		const question = page.getByTestId('role-question');
		await expect(
			question.getByRole('heading', { name: '欢迎使用！请问您的角色是？' })
		).toBeVisible();
		await question.getByRole('button', { name: '我负责营运中心' }).click();
		await expect(question).toHaveCount(0);
		await expect(nav(page).getByRole('link', { name: '团队' })).toBeVisible();
	});
});

import { expect, test } from '@playwright/test';
import { chooseRole } from './pages/team';

test.use({ locale: 'en-US' });

const TEAM = ['Roster', 'Dashboard', 'Reviews', 'Levels', 'Pay', 'Contests'];
const OWN = ['Work plans', 'Daily reports', 'Training', 'Checklists'];

test('the lead moves between every team page from one navigation', async ({ page }) => {
	await chooseRole(page, 'lead');
	await page.goto('/team');
	const nav = page.getByRole('navigation', { name: 'Team pages' });
	await expect(nav.getByRole('link')).toHaveText([...TEAM, ...OWN]);
	await expect(nav.getByRole('link', { name: 'Roster' })).toHaveAttribute('aria-current', 'page');
	await nav.getByRole('link', { name: 'Daily reports' }).click();
	await expect(page).toHaveURL(/\/team\/reports$/);
	await expect(nav.getByRole('link', { name: 'Daily reports' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await nav.getByRole('link', { name: 'Dashboard' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Team dashboard' })).toBeVisible();
	await nav.getByRole('link', { name: 'Pay' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pay' })).toBeVisible();
	await nav.getByRole('link', { name: 'Contests' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Contests' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Contests' })).toHaveAttribute('aria-current', 'page');
});

test('a manager with nobody under them is offered only their own plans, reports and training', async ({
	page
}) => {
	await chooseRole(page, 'manager');
	await page.goto('/team/plans');
	const nav = page.getByRole('navigation', { name: 'Team pages' });
	await expect(nav.getByRole('link')).toHaveText(OWN);
});

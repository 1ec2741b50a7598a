import { expect, test } from '@playwright/test';
import { loadDemo, nav, open, watchErrors } from './support/app';

test.describe('shell', () => {
	test('first run follows the browser language: English', async ({ page }) => {
		await open(page, '/');
		await expect(nav(page).getByRole('link', { name: 'Customers' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});

	test.describe('with a Chinese browser', () => {
		test.use({ locale: 'zh-TW' });
		test('first run starts in Simplified Chinese', async ({ page }) => {
			await open(page, '/');
			await expect(nav(page).getByRole('link', { name: '客户' })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		});
	});

	test('switching language applies at once and is remembered after reload', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, '/settings');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
		await page.getByRole('button', { name: '中文' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
		await expect(nav(page).getByRole('link', { name: '回收站' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

		// And back, through the select on the settings page.
		await page.getByRole('combobox', { name: '语言' }).selectOption('en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
		expect(errors).toEqual([]);
	});

	test('navigation marks the current page; the skip link jumps to main', async ({ page }) => {
		await open(page, '/');
		await nav(page).getByRole('link', { name: 'Settings' }).click();
		await expect(page).toHaveURL(/\/settings$/);
		await expect(nav(page).getByRole('link', { name: 'Settings' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(nav(page).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
	});

	test('my profile is saved', async ({ page }) => {
		await open(page, '/settings');
		const name = page.getByLabel('Name', { exact: true });
		await expect(name).toBeEnabled();
		await name.fill('');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Enter your name.', { exact: true })).toBeVisible();
		await name.fill('王芳');
		await page.getByLabel('Role').selectOption('ops_lead');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Profile saved.')).toBeVisible();

		await page.reload();
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue('王芳');
		await expect(page.getByLabel('Role')).toHaveValue('ops_lead');
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, 王芳');
	});

	test('storage section reports persistence and usage', async ({ page }) => {
		await open(page, '/settings');
		await expect(page.getByTestId('storage-persisted')).toHaveText(
			/Persistent storage is (on|off)/
		);
		await expect(page.getByTestId('storage-usage')).toHaveText(/used of .* available/);
	});

	test('home offers demo data when empty; settings loads and removes it', async ({ page }) => {
		await open(page, '/');
		await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();

		await loadDemo(page);
		await expect(page.getByTestId('demo-present')).toHaveText('Demo data is loaded.');
		await expect(page.getByRole('button', { name: 'Load demo data' })).toBeDisabled();

		await nav(page).getByRole('link', { name: 'Home' }).click();
		await expect(page.getByTestId('customer-count')).toHaveText(/^[1-9][\d,]*$/);
		await expect(page.getByText('Includes demo data you can remove in Settings.')).toBeVisible();

		await nav(page).getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('button', { name: 'Remove demo data' }).click();
		const dialog = page.getByRole('dialog', { name: 'Remove demo data?' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog).toBeHidden();
		await expect(page.getByTestId('demo-present')).toHaveText('Demo data is loaded.');

		await page.getByRole('button', { name: 'Remove demo data' }).click();
		await dialog.getByRole('button', { name: 'Remove demo data' }).click();
		await expect(page.getByTestId('demo-status')).toHaveText('Demo data removed.', {
			timeout: 60_000
		});
		await expect(page.getByTestId('demo-present')).toHaveText('No demo data is loaded.');
		await nav(page).getByRole('link', { name: 'Home' }).click();
		await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
	});
});

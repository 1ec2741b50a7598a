import { expect, type Page } from '@playwright/test';

/** Names this browser's member in Settings › My profile (files and lists show the name). */
export async function nameMe(page: Page, name: string): Promise<void> {
	await page.goto('/settings');
	const profile = page.getByRole('region', { name: 'My profile' });
	await expect(profile.getByLabel('Name')).toBeEnabled({ timeout: 60_000 });
	await profile.getByLabel('Name').fill(name);
	await profile.getByRole('button', { name: 'Save' }).click();
	await expect(profile.getByText('Profile saved.')).toBeVisible();
}

import { expect, type Page } from '@playwright/test';

/** Opens Home and waits until the day view shows. */
export async function openHome(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByTestId('follow-ups-due')).toBeVisible({ timeout: 15_000 });
}

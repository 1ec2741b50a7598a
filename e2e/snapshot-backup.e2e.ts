import { expect, test } from '@playwright/test';

/**
 * The 7-day backup reminder. The app reads the time from Date.now(); Playwright's clock
 * (setFixedTime) moves it forward for the whole context without test hooks in the app.
 */
const DAY = 86_400_000;

test('the backup reminder appears after 7 days without a backup and goes once one is made', async ({
	browser
}) => {
	test.slow();
	const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
	const page = await context.newPage();
	const reminder = page.getByTestId('backup-reminder');
	const last = page.getByTestId('backup-last');
	const start = Date.now();

	// First start: the clock starts counting now, so a fresh profile is not nagged.
	await page.goto('/settings');
	await expect(last).toHaveText('No backup made yet.', { timeout: 60_000 });
	await page.reload();
	await expect(last).toHaveText('No backup made yet.', { timeout: 60_000 });
	await expect(reminder).toHaveCount(0);

	// Six days later: still within the week.
	await context.clock.setFixedTime(start + 6 * DAY);
	await page.reload();
	await expect(last).toHaveText('No backup made yet.', { timeout: 60_000 });
	await expect(reminder).toHaveCount(0);

	// Eight days later: reminded, on any page.
	await context.clock.setFixedTime(start + 8 * DAY);
	await page.goto('/customers');
	await expect(reminder).toBeVisible({ timeout: 60_000 });
	await expect(reminder).toContainText('more than 7 days');

	const download = page.waitForEvent('download', { timeout: 60_000 });
	await reminder.getByRole('button', { name: 'Back up now' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.rapport$/);
	await expect(reminder).toHaveCount(0, { timeout: 60_000 });

	await page.goto('/settings');
	await expect(last).toContainText('Last backup:', { timeout: 60_000 });
	await page.reload();
	await expect(last).toContainText('Last backup:', { timeout: 60_000 });
	await expect(reminder).toHaveCount(0);

	// Another eight days after that backup: reminded again, now about the last backup.
	await context.clock.setFixedTime(start + 16 * DAY + 60_000);
	await page.reload();
	await expect(reminder).toContainText('Your last backup is more than 7 days old.', {
		timeout: 60_000
	});
	await context.close();
});

import { expect, test, type Page } from '@playwright/test';
import { BackupSection, opfsFiles, pickFolderInOpfs } from './pages/backup';
import { createCustomer } from './pages/customers';
import { readStore } from './support/idb';

/**
 * The 7-day backup reminder. The app reads the time from Date.now(); Playwright's clock
 * (setFixedTime) moves it forward for the whole context without test hooks in the app.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;

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
	await expect(last).toContainText('Last backup download started:', { timeout: 60_000 });
	await page.reload();
	await expect(last).toContainText('Last backup download started:', { timeout: 60_000 });
	await expect(reminder).toHaveCount(0);

	// Another eight days after that backup: reminded again, now about the last backup.
	await context.clock.setFixedTime(start + 16 * DAY + 60_000);
	await page.reload();
	await expect(reminder).toContainText(
		'Your last backup download was started more than 7 days ago.',
		{ timeout: 60_000 }
	);
	await context.close();
});

test('a downloaded backup is told as a download started, not as a backup made', async ({
	browser
}) => {
	test.slow();
	const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
	const page = await context.newPage();
	const start = Date.now();
	const backup = new BackupSection(page);
	await backup.goto();
	await expect(backup.last).toHaveText('No backup made yet.', { timeout: 60_000 });
	const file = await backup.download();
	expect(file.name).toMatch(/\.rapport$/);
	// The browser may still ask where to save it, or the user may cancel: only the start is known.
	await expect(backup.status).toContainText('Download started', { timeout: 60_000 });
	await expect(backup.last).toContainText('Last backup download started:');
	await page.reload();
	await expect(backup.last).toContainText('Last backup download started:', { timeout: 60_000 });

	await context.clock.setFixedTime(start + 8 * DAY);
	await page.goto('/customers');
	await expect(page.getByTestId('backup-reminder')).toContainText(
		'Your last backup download was started more than 7 days ago.',
		{ timeout: 60_000 }
	);
	await context.close();
});

test('a folder backup is recorded once the file is written, never when writing failed', async ({
	page
}) => {
	test.slow();
	await pickFolderInOpfs(page, 'Backups');
	const backup = new BackupSection(page);
	await backup.goto();
	await backup.section.getByRole('button', { name: 'Choose a backup folder' }).click();
	await expect(backup.section).toContainText('the folder “Backups”', { timeout: 60_000 });

	// The disk refuses the file: nothing is recorded.
	await page.evaluate(() => sessionStorage.setItem('test.failWrites', '1'));
	await backup.section.getByRole('button', { name: 'Back up now' }).click();
	await expect(backup.section.getByRole('alert')).toBeVisible({ timeout: 60_000 });
	await expect(backup.last).toHaveText('No backup made yet.');
	expect(await opfsFiles(page, 'Backups')).toEqual([]);

	await page.evaluate(() => sessionStorage.removeItem('test.failWrites'));
	await backup.section.getByRole('button', { name: 'Back up now' }).click();
	await expect(backup.status).toContainText('Backup written to “Backups”', { timeout: 60_000 });
	await expect(backup.last).toContainText('Last backup written to a folder:');
	const files = await opfsFiles(page, 'Backups');
	expect(files).toHaveLength(1);
	expect(files[0]?.name).toMatch(/\.rapport$/);
	expect(files[0]?.size).toBeGreaterThan(100);

	// What changed on this device since: nothing yet, then the customer added.
	const changes = page.getByTestId('backup-changes');
	await expect(changes).toHaveText('Nothing has changed on this device since.');
	await createCustomer(page, 'Added After The Backup');
	await backup.goto();
	await expect(changes).toHaveText(
		'Since then, 1 record was added, changed or deleted on this device.',
		{ timeout: 60_000 }
	);
});

/** When the last backup was recorded, as stored (settings' `backup.lastAt`); null if never. */
async function lastBackupAt(page: Page): Promise<number | null> {
	const rows = await readStore<{ key: string; value: unknown }>(page, 'settings');
	const at = rows.find((r) => r.key === 'backup.lastAt')?.value;
	return typeof at === 'number' ? at : null;
}

test('a folder chosen today receives the daily backup on the next start, once a day', async ({
	page
}) => {
	test.slow();
	const start = Date.parse('2026-03-02T09:00:00+08:00');
	await page.clock.setFixedTime(start);
	await pickFolderInOpfs(page, 'Daily');
	const backup = new BackupSection(page);
	await backup.goto();
	await backup.section.getByRole('button', { name: 'Choose a backup folder' }).click();
	await expect(backup.section).toContainText('the folder “Daily”', { timeout: 60_000 });
	// Chosen during this visit: nothing is written behind the user's back yet.
	await expect(backup.last).toHaveText('No backup made yet.');
	expect(await opfsFiles(page, 'Daily')).toEqual([]);

	// The next start writes it. Once its file is there, its record is written: wait for that too,
	// or the next start could leave the page before it and backs up again.
	await backup.goto();
	await expect
		.poll(async () => (await opfsFiles(page, 'Daily')).length, { timeout: 60_000 })
		.toBe(1);
	await expect.poll(() => lastBackupAt(page), { timeout: 60_000 }).toBe(start);
	await backup.goto();
	await expect(backup.last).toContainText('Last backup written to a folder:', { timeout: 60_000 });
	const first = await backup.last.textContent();

	// A start two hours later leaves that backup as it was.
	await page.clock.setFixedTime(start + 2 * HOUR);
	await backup.goto();
	await expect(backup.last).toHaveText(first ?? '', { timeout: 60_000 });
	expect(await opfsFiles(page, 'Daily')).toHaveLength(1);

	// A start the next day writes the next one.
	await page.clock.setFixedTime(start + DAY + HOUR);
	await backup.goto();
	await expect
		.poll(async () => (await opfsFiles(page, 'Daily')).length, { timeout: 60_000 })
		.toBe(2);
	await expect.poll(() => lastBackupAt(page), { timeout: 60_000 }).toBe(start + DAY + HOUR);
	await backup.goto();
	await expect(backup.last).not.toHaveText(first ?? '', { timeout: 60_000 });
	await expect(backup.last).toContainText('Last backup written to a folder:');
	for (const f of await opfsFiles(page, 'Daily')) expect(f.size).toBeGreaterThan(100);
});

import { expect, test } from '@playwright/test';
import { BackupSection } from './pages/backup';
import { CustomerFormPage } from './pages/customers';
import type { SnapshotFile } from './pages/snapshot';
import { open } from './support/app';
import { seriousViolations } from './support/axe';

/**
 * The start-up notices of a wiped or unprotected database, and the Restore page with a backup
 * chosen, in both languages: no serious or critical axe findings (WCAG 2.1 AA).
 */

let backup: SnapshotFile;

test.beforeAll(async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
	const page = await context.newPage();
	await new CustomerFormPage(page).create({ name: 'Axe Co' });
	const section = new BackupSection(page);
	await section.goto();
	backup = await section.download();
	await context.close();
});

for (const locale of ['en-US', 'zh-CN']) {
	test.describe(`restore (${locale})`, () => {
		test.use({ locale });

		test('the notices of a wiped, unprotected database', async ({ page }) => {
			// As a browser leaves it after evicting the database it had refused to keep.
			await page.addInitScript(() => {
				localStorage.setItem(
					'rapport.dataMarker',
					JSON.stringify({ hadData: true, lastBackupAt: Date.now(), lastBackupHow: 'folder' })
				);
				localStorage.setItem('rapport.storageRefused', '1');
				Object.defineProperty(navigator.storage, 'persisted', {
					configurable: true,
					value: async () => false
				});
			});
			await open(page, '/');
			await expect(page.getByTestId('data-gone')).toBeVisible();
			await expect(page.getByTestId('storage-warning')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('the Restore page with a backup chosen', async ({ page }) => {
			await open(page, '/restore');
			await page.getByRole('main').locator('input[type=file]').setInputFiles(backup);
			await expect(page.getByTestId('snapshot-preview')).toBeVisible({ timeout: 60_000 });
			await expect(page.getByTestId('restore-from')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

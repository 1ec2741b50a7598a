import { expect, test } from '@playwright/test';
import { BackupSection, RestorePage, wipeDatabase } from './pages/backup';
import { CustomerFormPage, CustomerListPage } from './pages/customers';

/**
 * A database the browser wiped (eviction, a cleared profile) must not look like a first start:
 * a marker kept outside IndexedDB says this browser had data, and when it was last backed up.
 */
test.use({ locale: 'en-US', acceptDownloads: true });

test('a wiped database says the data is gone and restores it; a first start offers restore first', async ({
	page
}) => {
	test.slow();
	await new CustomerFormPage(page).create({ name: 'Kept Co' });
	const backup = new BackupSection(page);
	await backup.goto();
	const file = await backup.download();

	// Evicted: the database is gone, localStorage is not.
	await wipeDatabase(page);
	await page.goto('/');
	const gone = page.getByTestId('data-gone');
	await expect(gone).toContainText('Your data is gone from this browser', { timeout: 60_000 });
	// The backup was a download: only its start is known, and said so.
	await expect(gone).toContainText(/last backup download was started on .*\d{4}/);
	await gone.getByRole('link', { name: 'Restore a backup' }).click();
	const restore = new RestorePage(page);
	await restore.expectOpen();
	await restore.restore(file);
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.row('Kept Co')).toHaveCount(1);
	await page.goto('/');
	await expect(page.getByTestId('customer-count')).toHaveText('1');
	await expect(gone).toHaveCount(0);

	// Site data cleared as a whole: no marker either, but restoring comes first.
	await wipeDatabase(page, { localStorage: true });
	await page.goto('/');
	const empty = page.getByRole('region', { name: 'No customers yet' });
	await expect(empty).toBeVisible({ timeout: 60_000 });
	await expect(empty.getByRole('link').first()).toHaveText('Restore a backup');
	await expect(gone).toHaveCount(0);
	await empty.getByRole('link', { name: 'Restore a backup' }).click();
	await restore.expectOpen();
	await restore.restore(file);
	await list.goto();
	await expect(list.row('Kept Co')).toHaveCount(1);
});

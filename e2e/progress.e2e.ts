import { expect, test, type Locator, type Page } from '@playwright/test';
import { BackupSection, RestorePage } from './pages/backup';
import { SharePage, teammate } from './pages/snapshot';
import { customer } from '../src/lib/io/snapshot/test-util';
import { countStore, putNumbered } from './support/idb';

/**
 * A long export, import or restore shows how far it got, how fast and how long is left, and
 * Cancel stops it with nothing saved: a backup is neither downloaded nor recorded, an import or a
 * restore writes no record and leaves nothing staged.
 */

test.use({ locale: 'en-US' });
// Sixty thousand records written and read on a shared 2-core machine.
test.setTimeout(240_000);

const RECORDS = 60_000;

/** Many interactions written straight into the store: enough for an export to take a while. */
async function manyRecords(page: Page): Promise<void> {
	const hlc = `${String(Date.now() - 60_000).padStart(15, '0')}:0000:e2edevice`;
	const template = {
		id: 'progress-{i}',
		customerId: 'progress-customer',
		ownerId: 'e2e-member',
		type: 'call',
		notes: 'A call about the order, number {i}',
		satisfaction: null,
		trashedAt: null,
		_meta: { created: { hlc, by: 'e2e-member' }, updated: hlc }
	};
	await putNumbered(page, 'interactions', RECORDS, template, { at: 1_700_000_000_000 });
}

/**
 * Waits for the progress line in `where` to say `read`, presses its Cancel, and checks `status`
 * says nothing was saved; returns the progress line's container.
 */
async function cancelRun(
	where: Locator,
	status: Locator,
	read: RegExp = /of [\d,]+ records read/
): Promise<Locator> {
	const bar = where.getByTestId('run-progress');
	await expect(bar.getByTestId('run-progress-line')).toContainText(read, { timeout: 60_000 });
	await expect(bar.getByRole('progressbar')).toBeVisible();
	await bar.getByRole('button', { name: 'Cancel' }).click();
	await expect(status).toHaveText('Cancelled. Nothing was saved.', { timeout: 60_000 });
	return bar;
}

test('a backup and its restore show their progress, and Cancel saves nothing', async ({
	page,
	browser
}) => {
	const backup = new BackupSection(page);
	await backup.goto();
	await manyRecords(page);
	await page.reload();
	await expect(backup.section).toBeVisible({ timeout: 60_000 });

	let downloads = 0;
	page.on('download', () => downloads++);
	await backup.section.getByRole('button', { name: 'Back up now' }).click();
	const bar = await cancelRun(backup.section, backup.status);
	await expect(bar).toHaveCount(0);
	await expect(backup.last).toHaveText('No backup made yet.');

	// The next backup runs to its end and is downloaded.
	const file = await backup.download();
	expect(file.name).toMatch(/\.rapport$/);
	await expect(backup.last).toContainText('Last backup download started', { timeout: 60_000 });
	expect(downloads).toBe(1);

	// Restored on a new device, the restore can be stopped too: nothing is written.
	const device = await teammate(browser);
	const restore = new RestorePage(device);
	await restore.goto();
	await device.locator('main input[type=file]').setInputFiles(file);
	const restoreButton = restore.main.getByRole('button', { name: 'Restore', exact: true });
	await expect(restoreButton).toBeEnabled({ timeout: 120_000 });
	await restoreButton.click();
	await cancelRun(restore.main, restore.status);
	expect(await countStore(device, 'interactions')).toBe(0);
	expect(await countStore(device, 'importBatches')).toBe(0);
	await device.context().close();
});

test('an export to share shows its progress, and Cancel downloads nothing', async ({ page }) => {
	const share = new SharePage(page);
	await share.goto();
	await manyRecords(page);
	await share.goto();
	let downloads = 0;
	page.on('download', () => downloads++);
	const s = share.exportSection;
	await s.getByRole('radio', { name: /^Everything/ }).check();
	await s.getByRole('button', { name: 'Export and download' }).click();
	await cancelRun(s, s.getByTestId('export-status'));
	await expect(s.getByRole('button', { name: 'Export and download' })).toBeEnabled();
	expect(downloads).toBe(0);
	// Exported again, it runs to its end.
	const file = await share.exportFile();
	expect(file.buffer.length).toBeGreaterThan(1_000);
	expect(downloads).toBe(1);
});

test('a list export shows its progress, and Cancel downloads nothing', async ({ page }) => {
	await page.goto('/customers');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
	await putNumbered(page, 'customers', RECORDS, customer('list-{i}', { name: 'Export Buyer {i}' }));
	await page.reload();
	const details = page.locator('details', { hasText: 'Export to CSV' });
	await details.locator('summary').click();
	await expect(
		details.getByRole('button', { name: /^Export [\d,]+ customers to CSV$/ })
	).toHaveText('Export 60,000 customers to CSV', { timeout: 120_000 });
	let downloads = 0;
	page.on('download', () => downloads++);
	await details
		.getByRole('combobox', { name: /^Export/ })
		.selectOption({ label: 'Their interactions' });
	await details.getByRole('button', { name: 'Export 60,000 customers to CSV' }).click();
	await cancelRun(details, details.getByRole('status'), /of 60,000 records read/);
	expect(downloads).toBe(0);
});

test('a full file for the team shows its progress, and Cancel counts nothing as sent', async ({
	page
}) => {
	const share = new SharePage(page);
	await share.goto();
	await manyRecords(page);
	await share.goto();
	const s = page.getByRole('region', { name: 'Send my changes' });
	await expect(s.getByTestId('send-last')).toBeVisible({ timeout: 60_000 });
	if (await s.getByLabel('Encrypt with a passphrase').isChecked()) {
		await s.getByLabel('Passphrase', { exact: true }).fill('for the team');
		await s.getByLabel('Repeat the passphrase').fill('for the team');
	}
	let downloads = 0;
	page.on('download', () => downloads++);
	await s.getByRole('button', { name: 'Send a full file' }).click();
	await cancelRun(s, s.getByTestId('send-status'), /[1-9][\d,]* records read/);
	await expect(s.getByTestId('send-ask')).toHaveCount(0);
	expect(downloads).toBe(0);
});

test('an import shows its progress while it reads and applies, and Cancel leaves nothing', async ({
	page,
	browser
}) => {
	const share = new SharePage(page);
	await share.goto();
	await manyRecords(page);
	await share.goto();
	const file = await share.exportFile();

	const other = await teammate(browser);
	const them = new SharePage(other);
	await them.goto();
	const s = them.importSection;

	// Stopped while the file is read: nothing is staged, and the file can be chosen again.
	await them.choose(file);
	await cancelRun(s, them.importStatus);
	await expect(them.preview).toHaveCount(0);
	expect(await countStore(other, 'importBatches')).toBe(0);

	// Stopped while it is applied: its one transaction writes nothing.
	await them.choose(file);
	await expect(them.preview).toBeVisible({ timeout: 120_000 });
	await s.getByRole('button', { name: 'Apply' }).click();
	await cancelRun(s, them.importStatus);
	expect(await countStore(other, 'interactions')).toBe(0);
	expect(await countStore(other, 'importBatches')).toBe(0);

	// Let run, it brings every record.
	await them.choose(file);
	await expect(them.preview).toBeVisible({ timeout: 120_000 });
	await them.apply();
	expect(await countStore(other, 'interactions')).toBe(RECORDS);
	await other.context().close();
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	BackupSection,
	readSnapshotFile,
	RestorePage,
	storedMembers,
	storedSetting
} from './pages/backup';
import { CustomerFormPage, CustomerListPage } from './pages/customers';
import { csvFile, ImportPage } from './pages/imports';
import { nameMe } from './pages/profile';
import { SharePage } from './pages/snapshot';

/**
 * A backup restored on a new machine gives back the same app as the same person: the member
 * identity and the team settings travel in the backup, and only Restore applies them. An
 * ordinary import of the same file merges records only.
 */
const mappingFile = csvFile('t.csv', 'Kunde,Telefon,Bemerkung\nMax Muster,13900001111,VIP\n');

async function fresh(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
	return context.newPage();
}

async function addStage(page: Page, name: string): Promise<void> {
	await page.goto('/deals');
	await page.locator('summary', { hasText: 'Pipeline stages' }).click();
	await page.getByLabel('New stage name').fill(name);
	await page.getByRole('button', { name: 'Add stage' }).click();
	await page
		.getByRole('form', { name: 'Pipeline stages' })
		.getByRole('button', { name: 'Save' })
		.click();
	await expect(page.getByRole('form', { name: 'Pipeline stages' })).toContainText('Saved');
}

async function saveMapping(page: Page): Promise<void> {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(mappingFile);
	const mapping = page.getByRole('region', { name: '3. Match the columns' });
	await mapping.getByLabel('Kunde').selectOption('name');
	await mapping.getByLabel('Telefon').selectOption('phone');
	await page.getByRole('button', { name: 'Save this mapping as a template' }).click();
	await expect(page.getByText('Mapping saved.')).toBeVisible();
}

async function erase(page: Page, name: string): Promise<void> {
	const list = new CustomerListPage(page);
	await list.goto();
	await list.row(name).getByRole('link').first().click();
	await page.getByRole('button', { name: 'Erase permanently' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
	await dialog.getByRole('button', { name: 'Erase for good' }).click();
	await expect(page).toHaveURL(/\/customers$/);
}

test('a backup restored on a new machine gives back the same person and settings', async ({
	browser
}) => {
	test.slow();
	// The old machine: a named member, a custom stage, a saved mapping, two customers.
	const a = await fresh(browser);
	await nameMe(a, 'Wang Li');
	await addStage(a, 'Site visit');
	await saveMapping(a);
	await new CustomerFormPage(a).create({ name: 'Keep Co' });
	await new CustomerFormPage(a).create({ name: 'Erase Co' });
	const backupA = new BackupSection(a);
	await backupA.goto();
	const older = await backupA.download();
	await erase(a, 'Erase Co');
	await backupA.goto();
	const newer = await backupA.download();
	const memberId = await storedSetting(a, 'memberId');
	const deviceA = await storedSetting(a, 'deviceId');

	// The file names its owner and carries this device's settings, never the device id. The
	// stages are a team setting: a record, as in any file.
	const { header, lines } = readSnapshotFile(newer);
	expect(header.scope).toEqual({ kind: 'backup', memberId });
	const settings = lines.filter((l) => l.t === '_setting').map((l) => String(l.r.key));
	expect(settings.some((k) => k.startsWith('importMapping:'))).toBe(true);
	expect(settings).not.toContain('deviceId');
	expect(settings).not.toContain('memberId');
	expect(settings).not.toContain('dealStages');
	expect(lines.filter((l) => l.t === 'teamSettings').map((l) => l.r.key)).toEqual(['dealStages']);

	// A new machine: an ordinary import of the backup merges records only, the team's stages
	// among them.
	const b = await fresh(browser);
	const share = new SharePage(b);
	await share.goto();
	await share.importFile(newer);
	const deviceB = await storedSetting(b, 'deviceId');
	expect(deviceB).not.toEqual(deviceA);
	expect(await storedSetting(b, 'memberId')).not.toEqual(memberId);
	await b.goto('/deals');
	await expect(b.getByTestId('deal-board')).toBeVisible({ timeout: 60_000 });
	await expect(
		b.getByTestId('deal-board').getByRole('region', { name: 'Site visit' })
	).toBeVisible();

	// Restore: the same person, the same settings, this machine's own device id.
	const restore = new RestorePage(b);
	await restore.goto();
	await restore.restore(newer);
	expect(await storedSetting(b, 'memberId')).toEqual(memberId);
	expect(await storedSetting(b, 'deviceId')).toEqual(deviceB);
	const members = await storedMembers(b);
	expect(members.filter((m) => m.name === '')).toEqual([]);
	await b.goto('/');
	await expect(b.getByRole('heading', { level: 1 })).toHaveText('Welcome, Wang Li');
	await b.goto('/settings');
	await expect(b.getByRole('region', { name: 'My profile' }).getByLabel('Name')).toHaveValue(
		'Wang Li'
	);
	await b.goto('/deals');
	await expect(
		b.getByTestId('deal-board').getByRole('region', { name: 'Site visit' })
	).toBeVisible();
	const imp = new ImportPage(b);
	await imp.goto();
	await imp.choose(mappingFile);
	await expect(b.getByTestId('import-template')).toContainText('A mapping you saved');

	// The older backup still holds the erased customer: restoring it does not bring them back.
	await restore.goto();
	await restore.restore(older);
	const list = new CustomerListPage(b);
	await list.goto();
	await expect(list.row('Keep Co')).toHaveCount(1);
	await expect(list.row('Erase Co')).toHaveCount(0);
});

import { expect, test, type Page } from '@playwright/test';
import { CustomerDetailPage, CustomerFormPage, CustomerListPage } from './pages/customers';
import { SharePage, tampered, teammate } from './pages/snapshot';

/**
 * Two teammates, each in a browser context of their own (their own IndexedDB), exchanging
 * .rapport files: downloads caught with waitForEvent('download'), uploads with setInputFiles.
 */
test.describe.configure({ timeout: 600_000 });

const setCity = (page: Page, id: string, city: string) =>
	new CustomerDetailPage(page).setCity(id, city);

async function expectCustomer(page: Page, name: string, present: boolean): Promise<void> {
	const list = new CustomerListPage(page);
	await list.goto();
	if (present) await expect(list.row(name)).toHaveCount(1, { timeout: 30_000 });
	else await expect(list.row(name)).toHaveCount(0, { timeout: 30_000 });
}

test('A exports, B imports; both edit the same field, swap files, end equal with the conflict listed', async ({
	browser
}) => {
	const a = await teammate(browser);
	const b = await teammate(browser);
	const id = await new CustomerFormPage(a).create({ name: '甲方 Alpha', city: 'Beijing' });

	const shareA = new SharePage(a);
	await shareA.goto();
	const first = await shareA.exportFile();
	expect(first.name).toMatch(/^rapport-.+-\d{4}-\d{2}-\d{2}\.rapport$/);

	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.choose(first);
	await expect(shareB.previewRow('Customers')).toContainText('1');
	// Nothing is written before Apply.
	await expectCustomer(b, 'Alpha', false);
	await shareB.goto();
	await shareB.importFile(first);
	await expectCustomer(b, 'Alpha', true);

	await setCity(a, id, 'Shanghai');
	await setCity(b, id, 'Shenzhen');
	await shareA.goto();
	const fromA = await shareA.exportFile();
	await shareB.goto();
	const fromB = await shareB.exportFile();
	await shareB.choose(fromA);
	await expect(shareB.previewRow('Customers')).toBeVisible({ timeout: 60_000 });
	await expect(b.getByTestId('preview-conflicts')).toContainText('city');
	await shareB.apply();
	await shareA.goto();
	await shareA.importFile(fromB);

	const cityOf = async (p: Page) => {
		await new CustomerDetailPage(p).goto(id);
		const region = p.getByRole('region', { name: 'Profile' });
		await expect(region).toContainText(/Shanghai|Shenzhen/);
		return ((await region.textContent()) ?? '').includes('Shanghai') ? 'Shanghai' : 'Shenzhen';
	};
	const onA = await cityOf(a);
	expect(await cityOf(b)).toBe(onA);
	for (const share of [shareA, shareB]) {
		await share.goto();
		await expect(share.conflicts).toHaveCount(1);
		await expect(share.conflicts).toContainText(/city/);
	}
	// The conflict names the losing value; flipping it on B puts that value back.
	const lost = onA === 'Shanghai' ? 'Shenzhen' : 'Shanghai';
	await expect(shareB.conflicts).toContainText(lost);
	await shareB.conflicts.getByRole('button', { name: 'Use this value instead' }).click();
	await expect(b.getByRole('region', { name: 'Conflicts' }).getByRole('status')).toHaveText(
		'The value was put back.',
		{ timeout: 60_000 }
	);
	await expect(shareB.conflicts).toHaveCount(0);
	await new CustomerDetailPage(b).goto(id);
	await expect(b.getByRole('region', { name: 'Profile' })).toContainText(lost);
	// The audit log records both imports on B.
	await shareB.goto();
	await b.getByRole('button', { name: 'Open the audit log' }).click();
	await expect(b.getByTestId('audit-row')).toHaveCount(2);
	await expect(b.getByTestId('audit-row').first()).toContainText('Imported rapport-');
});

test('an encrypted snapshot opens with the right passphrase only; a tampered file changes nothing', async ({
	browser
}) => {
	const a = await teammate(browser);
	const b = await teammate(browser);
	await new CustomerFormPage(a).create({ name: '保密 Secret', phones: ['13800138000'] });
	const shareA = new SharePage(a);
	await shareA.goto();
	const secret = await shareA.exportFile({ passphrase: 'correct horse 电池' });
	const plain = await shareA.exportFile();

	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.choose(secret);
	await expect(b.getByText('This file is encrypted.')).toBeVisible();
	await shareB.unlock('wrong passphrase');
	// A wrong passphrase is refused on its field, and the file stays open for another try.
	await expect(shareB.importSection.getByLabel('Passphrase')).toHaveAccessibleDescription(
		'Wrong passphrase.',
		{ timeout: 60_000 }
	);
	await expectCustomer(b, 'Secret', false);

	await shareB.goto();
	await shareB.choose(tampered(plain));
	await expect(shareB.importError).toContainText('damaged', { timeout: 60_000 });
	await shareB.choose(tampered(secret));
	await shareB.unlock('correct horse 电池');
	await expect(shareB.importError).toContainText('changed after it was exported', {
		timeout: 60_000
	});
	await expectCustomer(b, 'Secret', false);

	await shareB.goto();
	await shareB.choose(secret);
	await shareB.unlock('correct horse 电池');
	await expect(shareB.previewRow('Customers')).toBeVisible({ timeout: 60_000 });
	await shareB.apply();
	await expectCustomer(b, 'Secret', true);
});

test('an import can be undone', async ({ browser }) => {
	const a = await teammate(browser);
	const b = await teammate(browser);
	await new CustomerFormPage(a).create({ name: 'Undo 撤销' });
	const shareA = new SharePage(a);
	await shareA.goto();
	const file = await shareA.exportFile();
	await new CustomerFormPage(b).create({ name: 'Own 自己' });
	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.importFile(file);
	await shareB.undo();
	await expectCustomer(b, 'Undo', false);
	await expectCustomer(b, 'Own', true);
	await shareB.goto();
	await expect(b.getByTestId('snapshot-history-row')).toContainText('undone');
	// Undone, the same file may be imported again.
	await shareB.importFile(file);
	await expectCustomer(b, 'Undo', true);
});

test('a backup imported on the Share page gives its records to a fresh browser', async ({
	browser
}) => {
	const a = await teammate(browser);
	const id = await new CustomerFormPage(a).create({ name: '备份 Backup', city: 'Hangzhou' });
	await new CustomerDetailPage(a).logContact({ type: 'Call', summary: 'Checked the backup' });
	// Saved before leaving the page, or the backup may be taken without it.
	await expect(a.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();
	await a.goto('/settings');
	await expect(a.getByTestId('backup-last')).toHaveText('No backup made yet.');
	const download = a.waitForEvent('download', { timeout: 60_000 });
	await a.getByRole('button', { name: 'Back up now' }).click();
	const file = await download;
	await expect(a.getByTestId('backup-last')).toContainText('Last backup download started:');
	const { readFile } = await import('node:fs/promises');
	const backup = {
		name: file.suggestedFilename(),
		mimeType: 'application/octet-stream',
		buffer: await readFile(await file.path())
	};

	const fresh = await teammate(browser);
	const share = new SharePage(fresh);
	await share.goto();
	await share.importFile(backup);
	await new CustomerDetailPage(fresh).goto(id);
	await expect(fresh.getByRole('heading', { level: 1 })).toContainText('备份 Backup');
	await expect(fresh.getByRole('region', { name: 'Profile' })).toContainText('Hangzhou');
	await expect(new CustomerDetailPage(fresh).timeline).toContainText('Checked the backup');
});

test('a customer erased on A stays erased on B after B imports an older snapshot of A', async ({
	browser
}) => {
	const a = await teammate(browser);
	const b = await teammate(browser);
	const id = await new CustomerFormPage(a).create({ name: 'Erase 删除' });
	await new CustomerFormPage(a).create({ name: 'Keep 保留', phones: ['13900139000'] });
	const shareA = new SharePage(a);
	await shareA.goto();
	const old = await shareA.exportFile({ scope: 'Everything' });
	// Another older file (masked, so not the same bytes as the first).
	const oldMine = await shareA.exportFile({ scope: 'My customers', maskPhones: true });

	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.importFile(old);
	await expectCustomer(b, 'Erase', true);

	await new CustomerDetailPage(a).goto(id);
	await a.getByRole('button', { name: 'Erase permanently' }).click();
	await a.getByRole('dialog').getByLabel('Type Erase 删除 to confirm').fill('Erase 删除');
	await a.getByRole('dialog').getByRole('button', { name: 'Erase for good' }).click();
	await expect(a).toHaveURL(/\/customers$/);
	await shareA.goto();
	const erased = await shareA.exportFile();

	await shareB.goto();
	await shareB.choose(erased);
	await expect(shareB.previewRow('Customers')).toBeVisible({ timeout: 60_000 });
	await shareB.apply();
	await expectCustomer(b, 'Erase', false);

	// An older file of A that B never imported: the customer does not come back.
	await shareB.goto();
	await shareB.importFile(oldMine);
	await expectCustomer(b, 'Erase', false);
	await expectCustomer(b, 'Keep', true);
});

import { expect, test, type Page } from '@playwright/test';
import { CustomerFormPage, CustomerListPage } from './pages/customers';
import { SharePage, teammate } from './pages/snapshot';

// A segment of the customer list (search + filters) shared as a snapshot of just those customers.

async function create(page: Page, name: string, tier: 'A' | 'B'): Promise<void> {
	const form = new CustomerFormPage(page);
	await form.gotoNew();
	await form.fill({ name });
	await page.getByLabel('Tier', { exact: true }).selectOption(tier);
	await form.save();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 60_000 });
}

test('the customers shown for a tier are shared as a snapshot, and only they arrive', async ({
	browser
}) => {
	test.slow();
	const a = await teammate(browser);
	const b = await teammate(browser);
	await create(a, 'Alpha 甲', 'A');
	await create(a, 'Apex 顶', 'A');
	await create(a, 'Beta 乙', 'B');

	const listA = new CustomerListPage(a);
	await listA.goto();
	await expect(listA.rows()).toHaveCount(3, { timeout: 60_000 });
	await a.getByRole('combobox', { name: 'Tier' }).selectOption('A');
	await expect(listA.rows()).toHaveCount(2);
	await a.getByRole('button', { name: 'Share these customers as a snapshot' }).click();

	const shareA = new SharePage(a);
	await expect(a.getByRole('heading', { level: 1, name: 'Share with teammates' })).toBeVisible({
		timeout: 60_000
	});
	await expect(
		shareA.exportSection.getByRole('radio', { name: 'Selected customers' })
	).toBeChecked();
	await expect(a.getByTestId('selection-from-list')).toHaveText('From the customer list: Tier: A');
	await expect(shareA.exportSection.getByText('2 selected')).toBeVisible();
	// Masks offered are those of fields that exist: no record has an ID number.
	await expect(shareA.exportSection.getByRole('checkbox', { name: /Phone numbers/ })).toBeVisible();
	await expect(shareA.exportSection.getByRole('checkbox', { name: /ID numbers/ })).toHaveCount(0);
	const download = a.waitForEvent('download', { timeout: 60_000 });
	await shareA.exportSection.getByRole('button', { name: 'Export and download' }).click();
	const saved = await download;
	await expect(a.getByTestId('export-status')).toContainText('Downloaded', { timeout: 60_000 });
	const { readFile } = await import('node:fs/promises');
	const file = {
		name: saved.suggestedFilename(),
		mimeType: 'application/octet-stream',
		buffer: await readFile(await saved.path())
	};

	const shareB = new SharePage(b);
	await shareB.goto();
	await shareB.choose(file);
	await expect(shareB.importSection).toContainText('Contents: Selected customers (Tier: A)', {
		timeout: 60_000
	});
	await expect(shareB.previewRow('Customers')).toContainText('2');
	await shareB.apply();

	const listB = new CustomerListPage(b);
	await listB.goto();
	await expect(listB.rows()).toHaveCount(2, { timeout: 60_000 });
	await expect(listB.row('Alpha')).toHaveCount(1);
	await expect(listB.row('Apex')).toHaveCount(1);
	await expect(listB.row('Beta')).toHaveCount(0);

	// Opening Share again later starts afresh: the hand-over is used once.
	await shareA.goto();
	await expect(a.getByTestId('selection-from-list')).toHaveCount(0);
});

import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CustomerListPage } from './pages/customers';
import { ImportPage } from './pages/imports';
import { readStore } from './support/idb';

test.use({ locale: 'en-US' });
// Imports of whole files on the shared 2-core machine can be slow.
test.describe.configure({ timeout: 180_000 });

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('a GBK file from Chinese Excel imports with Chinese names, phones and emails intact', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(fixture('excel-zh-gbk.csv'));
	await expect(page.getByLabel('Encoding')).toHaveValue('gb18030');
	const preview = page.getByRole('table', { name: 'First rows of the file' });
	await expect(preview.getByRole('columnheader', { name: '客户名称' })).toBeVisible();
	await expect(preview).toContainText('南京桐雨实业有限公司');
	await expect(page.getByLabel('客户名称')).toHaveValue('name');
	await expect(page.getByLabel('手机')).toHaveValue('phone');
	await imp.check();
	await expect(imp.counts).toContainText('Rejected: 1');
	await imp.commit();
	// The commit worker's writes are numbered like every other write (the change counter).
	const stored = await readStore<{ _chg?: unknown }>(page, 'customers');
	expect(stored.length).toBeGreaterThan(1);
	const numbers = stored.map((c) => c._chg);
	expect(numbers.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0)).toBe(true);
	expect(new Set(numbers).size).toBe(numbers.length);

	const list = new CustomerListPage(page);
	await list.goto();
	await list.search.fill('南京桐雨');
	await expect(list.rows()).toHaveCount(1);
	await list.rows().first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: '南京桐雨实业有限公司' })).toBeVisible();
	await expect(page.getByRole('link', { name: '150 4736 8813' })).toHaveAttribute(
		'href',
		'tel:+8615047368813'
	);
	await expect(page.getByRole('link', { name: 'user0@example.cn' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: '南京桐雨实业有限公司' })).toBeVisible();
});

test('Google Contacts and a European semicolon file import with the right columns', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(fixture('google-contacts.csv'));
	await imp.check();
	await imp.commit();
	await imp.goto();
	await imp.choose(fixture('utf8-bom-semicolon.csv'));
	await expect(page.getByLabel('Delimiter')).toHaveValue(';');
	const mapping = page.getByRole('region', { name: '3. Match the columns' });
	await expect(mapping.getByRole('combobox').first()).toHaveValue('name');
	await expect(mapping.getByLabel('E-mail')).toHaveValue('email');
	await imp.check();
	await imp.commit();

	const list = new CustomerListPage(page);
	await list.goto();
	await list.search.fill('Anna Müller');
	await expect(list.rows().first()).toContainText('Anna Müller');
	await list.rows().first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Anna Müller' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'anna.0@example.com' })).toBeVisible();
	await expect(page.locator('a[href="tel:+8618514733194"]')).toBeVisible();
	await list.goto();
	await list.search.fill('c0@example.de');
	await expect(list.rows()).toHaveCount(1);
	await expect(list.rows().first()).toContainText('Li Zhang');
	await list.rows().first().getByRole('link').click();
	await expect(page.locator('a[href="tel:+49304905885"]')).toBeVisible();
});

test('importing the same file again with "skip" creates no copies; undo removes the import', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(fixture('utf8-bom-semicolon.csv'));
	await imp.check();
	const created = Number((await imp.counts.innerText()).match(/New customers: (\d+)/)?.[1]);
	expect(created).toBeGreaterThan(0);
	await imp.commit();

	await imp.goto();
	await imp.choose(fixture('utf8-bom-semicolon.csv'));
	await imp.check();
	await expect(imp.counts).toContainText('New customers: 0');
	await expect(imp.counts).toContainText(`Skipped (already there): ${created}`);
	await imp.commit();

	const list = new CustomerListPage(page);
	await list.goto();
	await expect(list.count()).toHaveText(`${created} customers`);

	await imp.goto();
	const rows = page.getByTestId('import-history-row');
	await expect(rows).toHaveCount(2);
	// Undo the first import (the older one is listed last): its customers go to the trash.
	await imp.undo(rows.last());
	await list.goto();
	await expect(page.getByText('No customers yet')).toBeVisible();
});

test('rejected rows are listed and download with their reason', async ({ page }) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose({
		name: 'mixed.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Name,Phone,Email\nGood One,13812345678,a@b.cn\n,13900001111,x@y.cn\n')
	});
	await imp.check();
	await expect(page.getByText('Row 3: no name')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the rejected rows (CSV)' }).click();
	const text = await readFile(await (await download).path(), 'utf8');
	expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
		'Name,Phone,Email,Reason',
		',13900001111,x@y.cn,no name',
		''
	]);
});

test('a file that is not a CSV says what it is and writes nothing', async ({ page }) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose({
		name: 'customers.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])
	});
	await expect(page.getByTestId('import-refused')).toContainText('Excel workbook (.xlsx)');
	await imp.choose({
		name: 'photo.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
	});
	await expect(page.getByTestId('import-refused')).toContainText('This is an image');
});

test('cancel in the middle of a large import leaves nothing behind', async ({ page }) => {
	const lines = ['Name,Phone,Email'];
	for (let i = 0; i < 60_000; i++)
		lines.push(`Customer ${i},1380000${String(i).padStart(4, '0')},c${i}@example.com`);
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose({
		name: 'big.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\n'))
	});
	await page.getByRole('button', { name: 'Check the whole file' }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('import-failed')).toContainText('Import cancelled');
	await page.reload();
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(page.getByText('No customers yet')).toBeVisible();
	const staged = await page.evaluate(
		() =>
			new Promise<number>((done) => {
				const req = indexedDB.open('rapport');
				req.onsuccess = () => {
					const tx = req.result.transaction('importBatches');
					const count = tx.objectStore('importBatches').count();
					count.onsuccess = () => done(count.result);
				};
			})
	);
	expect(staged).toBe(0);
});

test('cancel while the rows are being written leaves nothing behind', async ({ page }) => {
	const lines = ['Name,Phone,Email'];
	for (let i = 0; i < 60_000; i++)
		lines.push(`Customer ${i},1390000${String(i).padStart(4, '0')},w${i}@example.com`);
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose({
		name: 'big.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(lines.join('\n'))
	});
	await page.getByTestId('import-check').click();
	await expect(imp.counts).toContainText('New customers: 60,000', { timeout: 150_000 });
	await page.getByTestId('import-commit').click();
	const progress = page.getByTestId('import-progress');
	await expect(progress).toBeVisible();
	await expect(progress.getByRole('progressbar')).toBeVisible();
	await expect(progress).toContainText(/Importing… [\d,]+ of 60,000/);
	await progress.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('import-failed')).toContainText('Import cancelled');
	const list = new CustomerListPage(page);
	await list.goto();
	await expect(page.getByText('No customers yet')).toBeVisible();
	await imp.goto();
	await expect(page.getByTestId('import-history-row')).toHaveCount(0);
});

test('checking a file again keeps one staged import, and importing it makes each customer once', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(fixture('google-contacts.csv'));
	await imp.check();
	const first = await imp.counts.textContent();
	await imp.check();
	await expect(imp.counts).toHaveText(first ?? '');
	// Only the latest check is staged: the first one's import and rows are gone.
	await expect
		.poll(async () => (await readStore<{ state: string }>(page, 'imports')).length)
		.toBe(1);
	await imp.commit();
	const customers = await readStore<{ id: string }>(page, 'customers');
	const batches = await readStore<{ importId: string }>(page, 'importBatches');
	const imports = await readStore<{ id: string; state: string }>(page, 'imports');
	expect(imports.map((i) => i.state)).toEqual(['committed']);
	expect(new Set(batches.map((b) => b.importId))).toEqual(new Set([imports[0]!.id]));
	expect(customers.length).toBeGreaterThan(0);
});

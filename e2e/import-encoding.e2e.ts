import { expect, test } from '@playwright/test';
import { CustomerListPage } from './pages/customers';
import { ImportPage } from './pages/imports';

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 180_000 });

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('a Big5 file from Taiwan is read as Big5 and imports with its Traditional names', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(fixture('big5-tw.csv'));
	await expect(page.getByLabel('Encoding')).toHaveValue('big5');
	const preview = page.getByRole('table', { name: 'First rows of the file' });
	await expect(preview.getByRole('columnheader', { name: '客戶名稱' })).toBeVisible();
	await expect(preview).toContainText('台灣晶創科技股份有限公司');
	await expect(page.getByLabel('客戶名稱')).toHaveValue('name');
	await expect(page.getByLabel('聯絡人')).toHaveValue('contactName');
	await imp.check();
	await expect(imp.counts).toContainText('New customers: 10');
	await imp.commit();

	const list = new CustomerListPage(page);
	await list.goto();
	await list.search.fill('台灣晶創');
	await expect(list.rows()).toHaveCount(1);
	await list.rows().first().getByRole('link').click();
	await expect(
		page.getByRole('heading', { level: 1, name: '台灣晶創科技股份有限公司' })
	).toBeVisible();
	await expect(page.getByText('陳怡君').first()).toBeVisible();
	await expect(page.locator('a[href="tel:+886912345678"]')).toBeVisible();
});

test('a file that reads as GB18030 and as Big5 asks, showing both readings; the choice can change', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.choose(fixture('gbk-or-big5.csv'));
	const question = page.getByTestId('import-encoding-question');
	const gb = question.getByRole('figure', { name: 'GB18030 (Simplified Chinese)' });
	const big5 = question.getByRole('figure', { name: 'Big5 (Traditional Chinese)' });
	await expect(gb).toContainText('陈家,北港');
	await expect(big5).toContainText('麻模,控誠');
	await expect(page.getByRole('table', { name: 'First rows of the file' })).toHaveCount(0);
	await gb.getByRole('button', { name: 'Read as GB18030 (Simplified Chinese)' }).click();
	await expect(question).toHaveCount(0);
	const encoding = page.getByLabel('Encoding');
	await expect(encoding).toHaveValue('gb18030');
	const preview = page.getByRole('table', { name: 'First rows of the file' });
	await expect(preview).toContainText('陈家');
	await encoding.selectOption('big5');
	await expect(preview).toContainText('麻模');
	await encoding.selectOption('gb18030');
	await expect(preview).toContainText('何美');
	await imp.check();
	await expect(imp.counts).toContainText('New customers: 3');
});

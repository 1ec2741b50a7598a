import { expect, test } from '@playwright/test';
import { csvFile, ImportPage } from './pages/imports';

test.describe.configure({ timeout: 180_000 });

const big = 'x'.repeat(2_000_000);
const withBigCell = () =>
	csvFile(
		'big-cell.csv',
		`Name,Phone,Notes\nA One,13800000301,ok\nB Two,13800000302,${big}\nC Three,13800000303,\n`
	);
const wide = Array.from({ length: 2_001 }, (_, i) => `c${i}`).join(',');

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('a cell over the cap rejects its row, naming row and column; the other rows import', async ({
		page
	}) => {
		const imp = new ImportPage(page);
		await imp.goto();
		await imp.choose(withBigCell());
		await imp.check();
		await expect(imp.counts).toContainText('New customers: 2');
		await expect(imp.counts).toContainText('Rejected: 1');
		await expect(
			page.getByText('Row 3: column “Notes” has a cell over 1,000,000 characters')
		).toBeVisible();
		await imp.commit();
		await expect(page.getByTestId('import-done')).toContainText('Imported: 2 new');
	});

	test('a file of more than 2,000 columns is refused with a message that says so', async ({
		page
	}) => {
		const imp = new ImportPage(page);
		await imp.goto();
		await imp.choose(csvFile('wide.csv', `${wide}\n${wide}\n`));
		await expect(page.getByTestId('import-refused')).toContainText(
			'The first row has more than 2,000 columns'
		);
	});
});

test.describe('in Chinese', () => {
	test.use({ locale: 'zh-CN' });

	test('the caps are explained in Chinese, naming row and column', async ({ page }) => {
		await page.goto('/import');
		await expect(page.getByRole('heading', { level: 1, name: '从 CSV 导入' })).toBeVisible();
		const input = page.locator('input[type=file]');
		await input.setInputFiles(withBigCell());
		await page.getByRole('button', { name: '检查整个文件' }).click();
		await expect(page.getByText('第 3 行：“Notes”列有单元格超过 1,000,000 个字符')).toBeVisible();
		await input.setInputFiles(csvFile('wide.csv', `${wide}\n${wide}\n`));
		await expect(page.getByTestId('import-refused')).toContainText('第一行超过 2,000 列');
	});
});

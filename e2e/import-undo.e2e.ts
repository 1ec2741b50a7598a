import { expect, test } from '@playwright/test';
import { CustomerDetailPage, CustomerListPage } from './pages/customers';
import { TrashPage } from './pages/trash';
import { csvFile, ImportPage } from './pages/imports';
import { seriousViolations } from './support/axe';

test.use({ locale: 'en-US' });
// An import, two edits, an undo and a restore on the shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const file = csvFile(
	'undo-me.csv',
	'Name,City\nUndo Alpha,Beijing\nUndo Beta,Shanghai\nUndo Gamma,Hangzhou\nUndo Delta,Suzhou\n'
);

async function openCustomer(list: CustomerListPage, name: string): Promise<void> {
	await list.goto();
	await list.search.fill(name);
	await expect(list.rows()).toHaveCount(1);
	await list.rows().first().getByRole('link').click();
	await expect(list.page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('undo keeps the customers changed since the import and trashes the rest, after asking', async ({
	page
}) => {
	const imp = new ImportPage(page);
	await imp.goto();
	await imp.importFile(file);

	// After the import: one imported customer is edited, another gets a contact logged.
	const list = new CustomerListPage(page);
	const detail = new CustomerDetailPage(page);
	await openCustomer(list, 'Undo Alpha');
	await detail.edit();
	await page.getByLabel('City', { exact: true }).fill('Shenzhen');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Profile' })).toContainText('Shenzhen');
	await openCustomer(list, 'Undo Beta');
	await detail.logContact({ type: 'Call', summary: 'Asked for a quote' });
	await expect(page.getByRole('status').filter({ hasText: 'Contact logged.' })).toBeVisible();

	await imp.goto();
	const row = imp.historyRow('undo-me.csv');
	// Undo asks first, with what it will do; Cancel changes nothing.
	await row.getByRole('button', { name: 'Undo' }).click();
	const dialog = imp.undoDialog();
	await expect(dialog).toContainText('2 new records go to the Trash');
	await expect(dialog).toContainText('2 records changed since the import are kept');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(row).not.toContainText('Undone');
	await list.goto();
	await expect(list.count()).toHaveText('4 customers');

	await imp.goto();
	await imp.undo(imp.historyRow('undo-me.csv'));
	const kept = page.getByRole('list', { name: 'Kept, because they changed since the import' });
	await expect(kept.getByRole('listitem')).toHaveCount(2);
	await expect(kept.getByRole('listitem').filter({ hasText: 'Undo Alpha' })).toContainText(
		'edited since the import'
	);
	await expect(kept.getByRole('listitem').filter({ hasText: 'Undo Beta' })).toContainText(
		'has records added since the import'
	);

	await list.goto();
	await expect(list.count()).toHaveText('2 customers');
	const trash = new TrashPage(page);
	await trash.goto();
	await expect(trash.row('Undo Gamma')).toBeVisible();
	await expect(trash.row('Undo Delta')).toBeVisible();
	await expect(trash.row('Undo Alpha')).toHaveCount(0);
	await trash.restore('Undo Gamma');
	await expect(page.getByRole('status').filter({ hasText: 'Undo Gamma is back' })).toBeVisible();
	await list.goto();
	await expect(list.count()).toHaveText('3 customers');
});

test.describe('in Chinese', () => {
	test.use({ locale: 'zh-CN' });

	test('the confirmation says what Undo will do in Chinese, with no serious axe finding', async ({
		page
	}) => {
		await page.goto('/import');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page
			.locator('input[type=file]')
			.setInputFiles(csvFile('撤销.csv', '客户名称,城市\n撤销甲,北京\n撤销乙,上海\n'));
		await page.getByRole('button', { name: '检查整个文件' }).click();
		await page.getByRole('button', { name: /^导入 \d/ }).click();
		await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
		const row = page.getByTestId('import-history-row').filter({ hasText: '撤销.csv' });
		await row.getByRole('button', { name: '撤销' }).click();
		const dialog = page.getByRole('dialog', { name: '撤销 撤销.csv 的导入？' });
		await expect(dialog).toContainText('2 条新建记录将移到回收站，30 天内可恢复。');
		await expect(dialog).toContainText('0 条记录在导入后有过改动，将保持现状。');
		expect(await seriousViolations(page)).toEqual([]);
		await dialog.getByRole('button', { name: '取消' }).click();
		await expect(dialog).toBeHidden();
		await expect(row).not.toContainText('已撤销');
	});
});

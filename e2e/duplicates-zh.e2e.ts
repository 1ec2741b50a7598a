import { expect, test, type Page } from '@playwright/test';
import { DuplicatesPage } from './pages/duplicates';
import { seriousViolations } from './support/axe';

test.use({ locale: 'zh-CN' });

async function person(page: Page, name: string, company: string): Promise<void> {
	await page.goto('/customers/new');
	await page.getByLabel('姓名', { exact: true }).fill(name);
	await page.getByLabel('公司', { exact: true }).fill(company);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await page.waitForURL(/\/customers\/(?!new)[^/]+$/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('北京某某科技有限公司 and 某某科技 with one contact name are offered as one, in Chinese', async ({
	page
}) => {
	// Many steps (create, log, merge, reload, undo): give a loaded 2-core machine time.
	test.slow();
	await person(page, '张伟', '北京某某科技有限公司');
	await person(page, '张伟', '某某科技');
	await person(page, '张伟', '另一家贸易公司');

	const dupes = new DuplicatesPage(page);
	await dupes.goto();
	const group = dupes.group('张伟');
	await expect(group).toContainText('姓名相同，公司名相近');
	await expect(dupes.groups.getByRole('listitem')).toHaveCount(1);
	const form = await dupes.compare('张伟');
	await expect(form.getByRole('checkbox')).toHaveCount(2);

	// Labelled controls, usable without a mouse: axe finds nothing serious with the form open.
	expect(await seriousViolations(page)).toEqual([]);

	const full = form.getByRole('group', { name: '公司' }).getByRole('radio', { name: /北京某某/ });
	await full.focus();
	await page.keyboard.press('Space');
	await expect(full).toBeChecked();
	await form.getByRole('button', { name: '合并 2 个客户' }).press('Enter');
	await expect(dupes.status).toContainText('已将 2 个客户合并为 张伟。', { timeout: 15_000 });
	await expect(page.getByText('没有发现重复的客户。')).toBeVisible({ timeout: 15_000 });
	await dupes.status.getByRole('link', { name: '打开 张伟' }).click();
	await expect(page.getByText('北京某某科技有限公司').first()).toBeVisible();
});

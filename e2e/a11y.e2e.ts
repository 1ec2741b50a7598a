import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open } from './support/app';

/** axe in WCAG 2.1 AA mode; serious and critical findings fail the test. */
async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const locale of ['en-US', 'zh-CN']) {
	test.describe(`accessibility (${locale})`, () => {
		test.use({ locale });

		test('home has no serious or critical axe violations', async ({ page }) => {
			await open(page, '/');
			await expect(page.getByRole('button', { name: /Load demo data|载入演示数据/ })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('settings has no serious or critical axe violations', async ({ page }) => {
			await open(page, '/settings');
			await expect(page.getByTestId('storage-usage')).toBeVisible();
			await expect(page.getByTestId('demo-present')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('the remove-demo dialog has no serious or critical axe violations', async ({ page }) => {
			await open(page, '/settings');
			// Wait for the demo check to settle first: when it answers, the button's disabled state
			// is written again, which undid the enabling below on a busy machine.
			await expect(page.getByTestId('demo-present')).toBeVisible();
			// Open the dialog directly: its markup does not depend on demo data being present.
			await page.getByRole('button', { name: /Remove demo data|删除演示数据/ }).evaluate((b) => {
				(b as HTMLButtonElement).disabled = false;
			});
			await page.getByRole('button', { name: /Remove demo data|删除演示数据/ }).click();
			await expect(page.getByRole('dialog')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

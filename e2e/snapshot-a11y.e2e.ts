import { expect, test } from '@playwright/test';
import { open } from './support/app';
import { seriousViolations } from './support/axe';

/** The Share page in both languages: no serious or critical axe findings (WCAG 2.1 AA). */
for (const locale of ['en-US', 'zh-CN']) {
	test.describe(`share page (${locale})`, () => {
		test.use({ locale });

		test('has no serious or critical axe violations', async ({ page }) => {
			await open(page, '/share');
			await page.getByRole('radio', { name: /Selected customers|选定的客户/ }).check();
			await expect(
				page.getByRole('searchbox', { name: /Search customers|搜索客户/ })
			).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { open } from './support/app';

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
			const result = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
				.analyze();
			const serious = result.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
			expect(serious).toEqual([]);
		});
	});
}

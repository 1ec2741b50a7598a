import { expect, test } from '@playwright/test';
import { open } from './support/app';
import { seriousViolations } from './support/axe';

for (const locale of ['en-US', 'zh-CN']) {
	test.describe(`accessibility of plans and training (${locale})`, () => {
		test.use({ locale });

		test('the four pages, and a refused form, have no serious or critical axe violations', async ({
			page
		}) => {
			test.setTimeout(120_000);
			for (const path of ['/team/plans', '/team/reports', '/team/training', '/team/checklists']) {
				await open(page, path);
				await expect(page.getByRole('form').first()).toBeVisible();
				expect(await seriousViolations(page), path).toEqual([]);
			}
			// The checklist editor refuses an empty item: its summary and the invalid field pass too.
			const form = page.getByRole('form').first();
			await form.locator('button[type="submit"]').click();
			await expect(form.getByRole('group').first()).toBeFocused();
			await expect(form.locator('[aria-invalid="true"]')).toHaveCount(1);
			expect(await seriousViolations(page), 'refused checklist').toEqual([]);
		});
	});
}

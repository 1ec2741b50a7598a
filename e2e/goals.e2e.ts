import { expect, test } from '@playwright/test';
import { createCustomer } from './pages/customers';
import { createDeal } from './pages/deals';
import { exportCsvLines } from './support/app';

test.use({ locale: 'en-US' });

test('a sales goal’s progress moves when a deal is won', async ({ page }) => {
	await createCustomer(page, 'Goal Buyer');
	await page.goto('/goals');
	const form = page.getByRole('form', { name: 'New goal' });
	await form.getByLabel('Metric').selectOption({ label: 'Sales amount' });
	await form.getByLabel('Period', { exact: true }).selectOption({ label: 'Month' });
	await form.getByLabel('Target').fill('10000');
	await form.getByRole('button', { name: 'Add goal' }).click();
	const goal = page.getByTestId('goal').filter({ hasText: 'Sales amount' });
	await expect(goal.getByTestId('goal-actual')).toHaveText(/¥0\.00\s*\/\s*¥10,000\.00/);

	await createDeal(page, { customer: 'Goal Buyer', title: 'Spring order', amount: '2500' });
	await page.getByLabel('Move “Spring order” to stage').selectOption({ label: 'Won' });
	await expect(page.getByTestId('deal-status')).toContainText('An order was added');

	await page.goto('/goals');
	await expect(goal.getByTestId('goal-actual')).toHaveText(/¥2,500\.00\s*\/\s*¥10,000\.00/);
	await expect(goal.getByRole('progressbar')).toHaveAttribute('value', '25');

	const { lines } = await exportCsvLines(page);
	expect(lines[0]).toBe('Owner,Metric,Period,Starting month,Target,Actual,Expected by now,Pace');
	expect(lines[1]).toContain('Sales amount');
	expect(lines[1]).toContain('"¥2,500.00"');
});

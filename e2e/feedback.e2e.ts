import { expect, test } from '@playwright/test';
import { createCustomer } from './pages/customers';

test.use({ locale: 'en-US' });

test('satisfaction and NPS answers give the averages, count interactions, and survive a reload', async ({
	page
}) => {
	await createCustomer(page, 'Riverside Clinic');
	const section = page.getByTestId('customer-feedback');
	const form = section.getByRole('form', { name: 'New satisfaction answer' });
	await expect(section.getByTestId('csat-average')).toContainText('No answers');

	// Bad input first: no score chosen is refused next to the field and stores nothing.
	await form.getByRole('button', { name: 'Add answer' }).click();
	await expect(form.locator('[aria-invalid="true"]')).toHaveCount(1);
	await expect(section.getByTestId('csat-average')).toContainText('No answers');

	for (const score of ['4', '2']) {
		await form.getByLabel('Score').selectOption(score);
		await form.getByLabel('Comment').fill(`CSAT ${score}`);
		await form.getByRole('button', { name: 'Add answer' }).click();
		await expect(form.getByRole('status')).toHaveText('Answer added.');
	}
	await expect(section.getByTestId('csat-average')).toContainText('3 / 5');

	// NPS: one promoter (10) and one detractor (3) → 50% - 50% = 0; a second promoter → 33.3.
	await form.getByLabel('Kind').selectOption({ label: 'Net Promoter Score (NPS)' });
	for (const score of ['10', '3', '9']) {
		await form.getByLabel('Score').selectOption(score);
		await form.getByRole('button', { name: 'Add answer' }).click();
		await expect(form.getByLabel('Score')).toHaveValue('');
	}
	await expect(section.getByTestId('nps-score')).toContainText('33.3');
	await expect(section.getByTestId('nps-score')).toContainText(
		'2 promoters · 0 passives · 1 detractors'
	);

	// An interaction's satisfaction counts in the average too: (4 + 2 + 5) / 3 = 3.7.
	const log = page.getByRole('form', { name: 'Log contact' });
	await log.getByLabel('Summary').fill('Quarterly review call');
	await log.getByLabel('Satisfaction').selectOption({ label: '5 / 5' });
	await log.getByRole('button', { name: 'Log contact' }).click();
	await expect(section.getByTestId('csat-average')).toContainText('3.7 / 5');

	await page.reload();
	await expect(section.getByTestId('csat-average')).toContainText('3.7 / 5');
	await expect(section.getByTestId('nps-score')).toContainText('33.3');
	await expect(section.getByText('CSAT 2')).toBeVisible();
	// The trend of the month shows as a chart with a table of the same numbers.
	await expect(section.getByRole('table')).toContainText('3.7');
});
